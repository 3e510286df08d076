package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.preprocess.Cube;

class AugmentPreviewTest {

  @Test
  void viewsAreReproducibleAndDifferent() {
    Cube c = TestCubes.random(3, 16, 16, 7);
    List<Cube> a = AugmentPreview.views(c, AugmentationPipeline.hulk(), 4, 42);
    List<Cube> b = AugmentPreview.views(c, AugmentationPipeline.hulk(), 4, 42);
    List<Cube> other = AugmentPreview.views(c, AugmentationPipeline.hulk(), 4, 43);
    assertEquals(4, a.size());
    for (int k = 0; k < 4; k++) {
      assertArrayEquals(a.get(k).data(), b.get(k).data());
      assertFalse(Arrays.equals(a.get(k).data(), other.get(k).data()));
    }
    assertFalse(Arrays.equals(a.get(0).data(), a.get(1).data()));
  }

  @Test
  void writesAGridWithTheOriginalFirst(@TempDir Path dir) throws Exception {
    int w = 12;
    int h = 10;
    Cube c = TestCubes.random(3, h, w, 8);
    Path png = dir.resolve("grid.png");
    // no rotation: the image is not square
    AugmentationPipeline p =
        new AugmentationPipeline(
            AugmentationPipeline.hulk().steps().stream()
                .filter(s -> !(s.augmentation() instanceof Rotate90))
                .toList());
    AugmentPreview.write(png, c, p, 8, 1);
    BufferedImage img = ImageIO.read(png.toFile());
    int gap = 4;
    assertEquals(3 * w + 4 * gap, img.getWidth());
    assertEquals(3 * h + 4 * gap, img.getHeight());
    // top-left tile is the original, first FITS row at the bottom of the tile
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = img.getRGB(gap + x, gap + (h - 1 - y));
        assertEquals(Math.round(255 * c.get(0, y, x)), (rgb >> 16) & 0xff, 1);
        assertEquals(Math.round(255 * c.get(2, y, x)), rgb & 0xff, 1);
      }
    }
  }

  @Test
  void rejectsBadRequests(@TempDir Path dir) {
    Cube c = TestCubes.random(3, 8, 8, 1);
    assertThrows(
        IllegalArgumentException.class,
        () -> AugmentPreview.views(c, AugmentationPipeline.hulk(), 0, 1));
    Cube one = TestCubes.random(1, 8, 8, 1);
    AugmentationPipeline flips =
        new AugmentationPipeline(List.of(AugmentationStep.paper(new HorizontalFlip())));
    assertThrows(
        IllegalArgumentException.class,
        () -> AugmentPreview.write(dir.resolve("x.png"), one, flips, 2, 1));
  }
}
