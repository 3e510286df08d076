package org.radioclr.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ChartsTest {
  @Test
  void rendersHeadlessAndWritesAPngAtomically(@TempDir Path dir) throws Exception {
    XYChart c = Charts.xy(300, 200, "t", "x", "y");
    c.addSeries("a", new double[] {0, 1}, new double[] {0, 1});
    Path png = dir.resolve("c.png");
    Charts.writePng(png, c);
    assertEquals("true", System.getProperty("java.awt.headless"));
    BufferedImage back = ImageIO.read(png.toFile());
    assertEquals(300, back.getWidth());
    assertEquals(200, back.getHeight());
    assertEquals(Color.WHITE.getRGB(), back.getRGB(0, 0));
    assertTrue(count(back, Charts.PALETTE.get(0)) > 20);
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left");
    }
  }

  @Test
  void tickLabels() {
    assertEquals("0", Charts.tickLabel(0));
    assertEquals("0.25", Charts.tickLabel(0.25));
    assertEquals("0.3", Charts.tickLabel(0.1 + 0.2));
    assertEquals("-3", Charts.tickLabel(-3));
    assertEquals("0.001", Charts.tickLabel(1e-3));
    assertEquals("1e5", Charts.tickLabel(1e5));
    assertEquals("1.5e-4", Charts.tickLabel(1.5e-4));
    assertEquals("-2e-7", Charts.tickLabel(-2e-7));
  }

  @Test
  void stacksChartsTopToBottom() {
    XYChart a = Charts.xy(200, 100, "a", "x", "y");
    a.addSeries("a", new double[] {0, 1}, new double[] {0, 1});
    XYChart b = Charts.xy(200, 100, "b", "x", "y");
    b.addSeries("b", new double[] {0, 1}, new double[] {1, 0});
    BufferedImage img = Charts.stack(List.of(a, b), 200, 205);
    assertEquals(205, img.getHeight());
    assertEquals(Color.WHITE.getRGB(), img.getRGB(100, 203), "rows below the charts stay white");
  }

  static int count(BufferedImage img, Color c) {
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
}
