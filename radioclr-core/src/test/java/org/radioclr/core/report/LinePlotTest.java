package org.radioclr.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {
  private static LinePlot twoSeries(boolean logY) {
    double[] x = {1, 2, 3, 4, 5, 6};
    return new LinePlot(
        "loss",
        "epoch",
        "value",
        logY,
        List.of(
            new LinePlot.Series("train", x, new double[] {5, 4, 3, 2.5, 2.2, 2}),
            new LinePlot.Series("val", x, new double[] {0.5, 0.7, 1, Double.NaN, 1.5, 1.8})));
  }

  private static int count(BufferedImage img, Color c) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xffffff) == (c.getRGB() & 0xffffff)) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void writesPngOfRequestedSizeWithEachSeriesColour(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plot.png");
    twoSeries(false).write(file, 400, 260);
    BufferedImage img = ImageIO.read(file.toFile());
    assertEquals(400, img.getWidth());
    assertEquals(260, img.getHeight());
    int first = count(img, LinePlot.PALETTE.get(0));
    int second = count(img, LinePlot.PALETTE.get(1));
    assertTrue(first > 50, "first series colour pixels: " + first);
    assertTrue(second > 50, "second series colour pixels: " + second);
    assertEquals(0, count(img, LinePlot.PALETTE.get(2)), "no third series");
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left");
    }
  }

  @Test
  void stackedPanelsAndLogAxis(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("panels.png");
    LinePlot.writePanels(file, List.of(twoSeries(false), twoSeries(true)), 300, 400);
    BufferedImage img = ImageIO.read(file.toFile());
    assertEquals(300, img.getWidth());
    assertEquals(400, img.getHeight());
    // both panels have lines of the first colour
    int top = 0;
    int bottom = 0;
    int rgb = LinePlot.PALETTE.get(0).getRGB() & 0xffffff;
    for (int y = 0; y < 400; y++) {
      for (int x = 0; x < 300; x++) {
        if ((img.getRGB(x, y) & 0xffffff) == rgb) {
          if (y < 200) {
            top++;
          } else {
            bottom++;
          }
        }
      }
    }
    assertTrue(top > 30 && bottom > 30, top + " / " + bottom);
  }

  @Test
  void sameDataSameBytes(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.png");
    Path b = dir.resolve("b.png");
    twoSeries(true).write(a, 400, 260);
    twoSeries(true).write(b, 400, 260);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  @Test
  void emptyAndSinglePointSeriesDrawWithoutFailing() throws Exception {
    LinePlot p =
        new LinePlot(
            "t",
            "x",
            "y",
            true,
            List.of(
                new LinePlot.Series("none", new double[] {1, 2}, new double[] {0, Double.NaN}),
                new LinePlot.Series("one", new double[] {3}, new double[] {4})));
    BufferedImage img = p.render(300, 200);
    assertTrue(count(img, LinePlot.PALETTE.get(1)) > 5, "the lone point is a dot");
    LinePlot empty =
        new LinePlot(
            "t", "x", "y", false, List.of(new LinePlot.Series("e", new double[0], new double[0])));
    assertEquals(300, empty.render(300, 200).getWidth());
  }

  @Test
  void badInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new LinePlot.Series("a", new double[] {1, 2}, new double[] {1}));
    assertThrows(
        IllegalArgumentException.class, () -> new LinePlot("t", "x", "y", false, List.of()));
    assertThrows(IllegalArgumentException.class, () -> twoSeries(false).render(50, 50));
  }
}
