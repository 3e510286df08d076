package org.radioclr.classify.report;

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
import org.radioclr.core.report.LinePlot;

class FractionCurvePlotTest {
  @TempDir Path tmp;

  @Test
  void drawsOneColouredLinePerInitialisation() throws IOException {
    double[] f = {0.01, 0.05, 0.1, 0.5, 1};
    FractionCurvePlot plot =
        new FractionCurvePlot(
            "fine-tuning",
            "macro F1",
            List.of(
                new FractionCurvePlot.Curve(
                    "random",
                    f,
                    new double[] {.2, .3, .6, .8, .85},
                    new double[] {.05, .04, .03, .02, .01}),
                new FractionCurvePlot.Curve(
                    "SimCLR",
                    f,
                    new double[] {.5, .6, .65, .78, .83},
                    new double[] {.02, .02, .02, .01, .01})));
    Path png = tmp.resolve("f.png");
    plot.write(png, 640, 400);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(640, img.getWidth());
    assertEquals(400, img.getHeight());
    assertTrue(contains(img, LinePlot.PALETTE.get(0).getRGB()));
    assertTrue(contains(img, LinePlot.PALETTE.get(1).getRGB()));
  }

  @Test
  void badInput() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new FractionCurvePlot.Curve("x", new double[] {0}, new double[] {1}, new double[] {0}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new FractionCurvePlot.Curve(
                "x", new double[] {1}, new double[] {1}, new double[] {-1}));
    assertThrows(IllegalArgumentException.class, () -> new FractionCurvePlot("t", "y", List.of()));
    FractionCurvePlot one =
        new FractionCurvePlot(
            "t",
            "y",
            List.of(
                new FractionCurvePlot.Curve(
                    "x", new double[] {0.5}, new double[] {0.7}, new double[] {0})));
    assertEquals(200, one.render(300, 200).getHeight());
    assertThrows(IllegalArgumentException.class, () -> one.render(100, 100));
  }

  private static boolean contains(BufferedImage img, int rgb) {
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (img.getRGB(x, y) == rgb) {
          return true;
        }
      }
    }
    return false;
  }
}
