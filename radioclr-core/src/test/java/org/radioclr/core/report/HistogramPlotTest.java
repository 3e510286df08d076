package org.radioclr.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramPlotTest {
  private static HistogramPlot plot(boolean logY) {
    return new HistogramPlot(
        "scores",
        "anomaly score",
        "frames",
        0,
        1,
        logY,
        List.of(
            new HistogramPlot.Group("all", new double[] {120, 40, 0, 8, 1}),
            new HistogramPlot.Group("peculiar", new double[] {0, 2, 0, 5, 1})));
  }

  @Test
  void writesAPngOfTheRequestedSizeWithEachGroupColour(@TempDir Path dir) throws Exception {
    for (boolean logY : new boolean[] {false, true}) {
      Path png = dir.resolve("h" + logY + ".png");
      plot(logY).write(png, 640, 400);
      assertTrue(Files.size(png) > 1000);
      BufferedImage img = ImageIO.read(png.toFile());
      assertEquals(640, img.getWidth());
      assertEquals(400, img.getHeight());
      assertTrue(ChartsTest.count(img, Charts.PALETTE.get(0)) > 50);
      assertTrue(ChartsTest.count(img, Charts.PALETTE.get(1)) > 50);
    }
  }

  @Test
  void badInput() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new HistogramPlot(
                "t",
                "x",
                "y",
                0,
                1,
                false,
                List.of(
                    new HistogramPlot.Group("a", new double[] {1, 2}),
                    new HistogramPlot.Group("b", new double[] {1}))));
    assertThrows(
        IllegalArgumentException.class, () -> new HistogramPlot.Group("a", new double[] {-1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new HistogramPlot("t", "x", "y", 1, 1, false, List.of()));
    assertThrows(IllegalArgumentException.class, () -> plot(false).render(100, 100));
  }
}
