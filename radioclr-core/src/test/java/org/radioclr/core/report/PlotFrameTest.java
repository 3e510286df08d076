package org.radioclr.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotFrameTest {
  @Test
  void tickLabels() {
    assertEquals("0", PlotFrame.tickLabel(0));
    assertEquals("0.25", PlotFrame.tickLabel(0.25));
    assertEquals("-3", PlotFrame.tickLabel(-3));
    assertEquals("1e+05", PlotFrame.tickLabel(1e5));
    assertEquals("5e-04", PlotFrame.tickLabel(5e-4));
  }

  @Test
  void mapsValuesOntoTheFrame() {
    PlotFrame f = new PlotFrame(10, 20, 110, 220);
    assertEquals(10, f.x(0, 0, 1), 0);
    assertEquals(60, f.x(0.5, 0, 1), 1e-12);
    assertEquals(220, f.y(-1, -1, 1), 0);
    assertEquals(20, f.y(1, -1, 1), 0);
  }

  @Test
  void drawsTicksBorderAndLegendOnAWhiteCanvas(@TempDir Path dir) throws Exception {
    PlotFrame f = new PlotFrame(40, 20, 280, 180);
    BufferedImage img =
        PlotFrame.canvas(
            300,
            220,
            g -> {
              g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
              f.xTick(g, 100, "1");
              f.xTick(g, 500, "outside"); // skipped
              f.yTick(g, 100, "2");
              f.border(g);
              f.legend(g, List.of("a", "b"), LinePlot.PALETTE, true);
            });
    assertEquals(Color.WHITE.getRGB(), img.getRGB(0, 0));
    assertEquals(PlotFrame.GRID.getRGB(), img.getRGB(100, 60), "x grid line");
    assertEquals(PlotFrame.GRID.getRGB(), img.getRGB(60, 100), "y grid line");
    assertEquals(Color.BLACK.getRGB(), img.getRGB(40, 150), "frame");
    assertTrue(count(img, LinePlot.PALETTE.get(0)) >= 60, "legend swatch 1");
    assertTrue(count(img, LinePlot.PALETTE.get(1)) >= 60, "legend swatch 2");
    Path png = dir.resolve("p.png");
    PlotFrame.writePng(png, img);
    BufferedImage back = ImageIO.read(png.toFile());
    assertEquals(img.getRGB(100, 60), back.getRGB(100, 60));
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left");
    }
  }

  private static int count(BufferedImage img, Color c) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (img.getRGB(x, y) == c.getRGB()) {
          n++;
        }
      }
    }
    return n;
  }
}
