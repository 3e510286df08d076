package org.radioclr.classify.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScatterPlotTest {
  @TempDir Path tmp;

  private static final double[] X = {0, 1, 2, 3, 4};
  private static final double[] Y = {0, 1, 0, 1, 0};

  @Test
  void categoriesGetLegendColoursAndUnlabelledAreGrey() throws IOException {
    ScatterPlot p =
        ScatterPlot.byCategory(
            "umap", "UMAP 1", "UMAP 2", X, Y, "label", Arrays.asList("A", "B", "", null, "A"));
    assertEquals(2, p.missing());
    Path png = tmp.resolve("p.png");
    p.write(png, 640, 480);
    BufferedImage img = ImageIO.read(png.toFile());
    assertTrue(has(img, ScatterPlot.CATEGORY_COLOURS.get(0).getRGB())); // legend dot of A
    assertTrue(has(img, ScatterPlot.CATEGORY_COLOURS.get(1).getRGB())); // legend dot of B
    assertTrue(has(img, ScatterPlot.MISSING.getRGB()));
  }

  @Test
  void valuesOnALogScaleTreatNonPositiveAsMissing() {
    ScatterPlot p =
        ScatterPlot.byValue(
            "pca",
            "PC 1",
            "PC 2",
            X,
            Y,
            "rms",
            new double[] {1e-5, 1e-4, 0, Double.NaN, 1e-3},
            true);
    assertEquals(2, p.missing());
    BufferedImage img = p.render(640, 480);
    assertTrue(has(img, ScatterPlot.viridis(1).getRGB())); // top of the colour bar
    assertFalse(has(img, ScatterPlot.CATEGORY_COLOURS.get(3).getRGB()));
  }

  @Test
  void everyKindWritesAPngOfTheRequestedSize() throws IOException {
    int n = 400;
    double[] x = new double[n];
    double[] y = new double[n];
    double[] v = new double[n];
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      x[i] = Math.cos(i);
      y[i] = Math.sin(3.0 * i);
      v[i] = i;
      many.add("category " + (i % 40));
    }
    x[7] = Double.POSITIVE_INFINITY;
    y[8] = Double.NaN;
    List<ScatterPlot> plots =
        List.of(
            ScatterPlot.plain("plain", "x", "y", x, y),
            ScatterPlot.byCategory("many", "x", "y", x, y, "field", many),
            ScatterPlot.byValue("linear", "x", "y", x, y, "v", v, false));
    for (int k = 0; k < plots.size(); k++) {
      Path png = tmp.resolve(k + ".png");
      plots.get(k).write(png, 900, 700);
      assertTrue(Files.size(png) > 1000);
      BufferedImage img = ImageIO.read(png.toFile());
      assertEquals(900, img.getWidth());
      assertEquals(700, img.getHeight());
      assertTrue(has(img, ScatterPlot.CATEGORY_COLOURS.get(0).getRGB()) || k == 2);
    }
  }

  @Test
  void coordinatesCsvQuotesAndLeavesMissingEmpty() throws IOException {
    Path csv = tmp.resolve("p.csv");
    ProjectionCsv.write(
        csv,
        List.of("a", "b,c"),
        new double[][] {{1.5, -2}, {0, 3e-7}},
        "label",
        Arrays.asList("FR\"I", null));
    assertEquals(
        "sname,x,y,label\na,1.50000,-2.00000,\"FR\"\"I\"\n\"b,c\",0.00000,3.00000e-07,\n",
        Files.readString(csv));
  }

  @Test
  void badInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ScatterPlot.plain("t", "x", "y", new double[2], new double[3]));
    assertThrows(
        IllegalArgumentException.class,
        () -> ScatterPlot.plain("t", "x", "y", X, Y).render(100, 100));
  }

  private static boolean has(BufferedImage img, int rgb) {
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
