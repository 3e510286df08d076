package org.radioclr.anomaly.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.report.Charts;

class BarPlotTest {
  @TempDir Path tmp;

  @Test
  void writesAPngOfTheRequestedSizeWithOneBarPerName() throws Exception {
    for (int bars : new int[] {1, 3, 30}) {
      List<String> names = new ArrayList<>();
      double[] gains = new double[bars];
      for (int i = 0; i < bars; i++) {
        names.add(i % 5 == 4 ? "same" : "feature_" + i);
        gains[i] = 100.0 / (i + 1);
      }
      Path png = tmp.resolve("bars" + bars + ".png");
      new BarPlot("importance", "gain", names, gains).write(png, 720, 80 + 22 * bars);
      assertTrue(Files.size(png) > 1000);
      BufferedImage img = ImageIO.read(png.toFile());
      assertEquals(720, img.getWidth());
      assertEquals(80 + 22 * bars, img.getHeight());
      int rgb = Charts.PALETTE.get(0).getRGB();
      int blue = 0;
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          blue += img.getRGB(x, y) == rgb ? 1 : 0;
        }
      }
      // the longest bar alone spans most of the width
      assertTrue(blue > 300, bars + " bars: " + blue + " bar pixels");
    }
  }

  @Test
  void badInput() {
    assertThrows(
        IllegalArgumentException.class, () -> new BarPlot("t", "v", List.of("a"), new double[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> new BarPlot("t", "v", List.of("a"), new double[] {-1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new BarPlot("t", "v", List.of("a"), new double[] {1}).render(100, 100));
  }
}
