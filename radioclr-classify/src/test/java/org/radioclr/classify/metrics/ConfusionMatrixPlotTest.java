package org.radioclr.classify.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixPlotTest {
  @TempDir Path tmp;

  @Test
  void writesAPngShadedByRowFraction() throws IOException {
    ClassificationMetrics m =
        ClassificationMetrics.ofLabels(
            List.of("COMPACT", "EXTENDED", "DIFFUSE"),
            new int[] {0, 0, 0, 0, 1, 1, 2, 2},
            new int[] {0, 0, 0, 0, 1, 2, 0, 2});
    Path png = tmp.resolve("confusion.png");
    ConfusionMatrixPlot.of("test", m).write(png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertTrue(img.getWidth() > 3 * 78 && img.getHeight() > 3 * 78);
    // the darkest colour (fraction 1, row COMPACT) is present; an empty cell stays white
    assertEquals(ConfusionMatrixPlot.shade(1).getRGB(), ConfusionMatrixPlot.shade(1.2).getRGB());
    assertEquals(0xFFFFFFFF, ConfusionMatrixPlot.shade(0).getRGB());
    boolean dark = false;
    for (int y = 0; y < img.getHeight() && !dark; y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (img.getRGB(x, y) == ConfusionMatrixPlot.shade(1).getRGB()) {
          dark = true;
          break;
        }
      }
    }
    assertTrue(dark, "no cell drawn at fraction 1");
  }

  @Test
  void rejectsNonSquareAndMultiLabel() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ConfusionMatrixPlot("t", List.of("a", "b"), new long[][] {{1, 2}, {3}}));
    ClassificationMetrics ml =
        ClassificationMetrics.of(
            new org.radioclr.classify.Predictions(
                List.of("a", "b"), List.of("s"), true, new int[][] {{0}}, new float[][] {{1, 0}}));
    assertThrows(IllegalArgumentException.class, () -> ConfusionMatrixPlot.of("t", ml));
  }
}
