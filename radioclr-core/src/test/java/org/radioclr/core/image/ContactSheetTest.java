package org.radioclr.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSheetTest {
  @TempDir Path dir;

  private static float[] solid(float r, float g, float b) {
    float[] t = new float[3 * 4];
    Arrays.fill(t, 0, 4, r);
    Arrays.fill(t, 4, 8, g);
    Arrays.fill(t, 8, 12, b);
    return t;
  }

  @Test
  void tilesReadLeftToRightTopToBottom() throws IOException {
    Path png = dir.resolve("sheet.png");
    ContactSheet.write(png, List.of(solid(1, 0, 0), solid(0, 1, 0), solid(0, 0, 1)), 2, 2, 2);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(2 * 2 + 3 * 4, img.getWidth());
    assertEquals(2 * 2 + 3 * 4, img.getHeight());
    assertEquals(0xff0000, img.getRGB(4, 4) & 0xffffff, "first tile top left");
    assertEquals(0x00ff00, img.getRGB(10, 4) & 0xffffff, "second tile top right");
    assertEquals(0x0000ff, img.getRGB(4, 10) & 0xffffff, "third tile bottom left");
    assertEquals(0xffffff, img.getRGB(10, 10) & 0xffffff, "empty slot stays white");
  }

  @Test
  void rejectsWrongTileSize() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ContactSheet.write(dir.resolve("x.png"), List.of(new float[5]), 2, 2, 1));
  }
}
