package org.radioclr.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngWriterTest {

  @Test
  void rgbCubeRoundTripsWithRowZeroAtTheBottom(@TempDir Path dir) throws Exception {
    int w = 3;
    int h = 2;
    float[] chw = new float[3 * w * h];
    chw[0] = 1f; // red at (x=0, y=0)
    chw[w * h + 2] = 0.5f; // green at (x=2, y=0)
    chw[2 * w * h + w + 1] = 0.2f; // blue at (x=1, y=1)
    chw[w + 2] = Float.NaN; // NaN red at (x=2, y=1) -> 0
    Path file = dir.resolve("cube.png");
    PngWriter.writeRgb(file, chw, w, h);
    BufferedImage img = ImageIO.read(file.toFile());
    assertEquals(w, img.getWidth());
    assertEquals(h, img.getHeight());
    assertEquals(0xFF0000, img.getRGB(0, 1) & 0xFFFFFF);
    assertEquals(128 << 8, img.getRGB(2, 1) & 0xFFFFFF);
    assertEquals(51, img.getRGB(1, 0) & 0xFFFFFF);
    assertEquals(0, img.getRGB(2, 0) & 0xFFFFFF);
  }

  @Test
  void grayPlaneUsesTheStretch(@TempDir Path dir) throws Exception {
    Plane p = new Plane(4, 1, new float[] {-1f, 0f, 0.5f, 3f});
    Path file = dir.resolve("gray.png");
    PngWriter.writeGray(file, p, 0, 1);
    BufferedImage img = ImageIO.read(file.toFile());
    assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
    int[] expected = {0, 0, 128, 255};
    for (int x = 0; x < 4; x++) {
      assertEquals(expected[x], img.getRaster().getSample(x, 0, 0), "x=" + x);
    }
  }

  @Test
  void rejectsBadArguments(@TempDir Path dir) {
    Path file = dir.resolve("x.png");
    assertThrows(
        IllegalArgumentException.class, () -> PngWriter.writeRgb(file, new float[5], 1, 1));
    assertThrows(
        IllegalArgumentException.class, () -> PngWriter.writeGray(file, Plane.zeros(2, 2), 1, 1));
  }
}
