package org.radioclr.sim.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MosaicPatternTest {

  @Test
  void noVariationMeansExactlyConstantRms() {
    MosaicPattern p = new MosaicPattern(300, 200, 0.0, true, new SplittableRandom(1));
    for (int y = 0; y < 200; y += 7) {
      for (int x = 0; x < 300; x += 7) {
        assertEquals(1.0, p.rmsFactor(x, y));
      }
    }
  }

  @Test
  void rmsVariesSmoothlyOverTheConfiguredRangeWithMedianOne() {
    MosaicPattern p = new MosaicPattern(512, 512, 0.3, true, new SplittableRandom(4));
    double[] inside =
        java.util.stream.IntStream.range(0, 512 * 512)
            .filter(i -> i % 3 == 0 && p.inFootprint(i % 512, i / 512))
            .mapToDouble(i -> p.rmsFactor(i % 512, i / 512))
            .sorted()
            .toArray();
    double range = inside[inside.length - 1] - inside[0];
    assertTrue(range > 0.2 && range <= 0.3 + 1e-6, "peak-to-peak " + range);
    assertEquals(1.0, inside[inside.length / 2], 0.05, "median");
    for (int y = 1; y < 511; y += 5) {
      for (int x = 1; x < 511; x++) {
        double step = Math.abs(p.rmsFactor(x, y) - p.rmsFactor(x - 1, y));
        assertTrue(step < 0.01, "rms jumps by " + step + " at " + x + "," + y);
      }
    }
  }

  @Test
  void footprintHasTheCentreAndRaggedBlankEdges() {
    int withBlank = 0;
    for (long seed = 0; seed < 8; seed++) {
      MosaicPattern p = new MosaicPattern(400, 400, 0.2, true, new SplittableRandom(seed));
      assertTrue(p.inFootprint(200, 200), "centre blank for seed " + seed);
      double f = p.footprintFraction();
      assertTrue(f > 0.5 && f <= 1.0, "footprint fraction " + f);
      if (f < 0.99) {
        withBlank++;
      }
      assertFalse(p.inFootprint(-1, 5));
      assertFalse(p.inFootprint(400, 5));
    }
    assertTrue(withBlank >= 6, "only " + withBlank + " of 8 maps have a blank border");
  }

  @Test
  void withoutBlankingEverythingIsFootprint() {
    MosaicPattern p = new MosaicPattern(100, 100, 0.2, false, new SplittableRandom(2));
    assertEquals(1.0, p.footprintFraction());
  }

  @Test
  void rowFormsAgreeWithThePixelForms() {
    MosaicPattern p = new MosaicPattern(333, 97, 0.25, true, new SplittableRandom(3));
    double[] factor = new double[333];
    boolean[] blank = new boolean[333 + 5];
    for (int y = 0; y < 97; y++) {
      p.rmsRow(y, factor);
      Arrays.fill(blank, false);
      p.blankRow(y, blank, 5);
      for (int x = 0; x < 333; x++) {
        assertEquals(p.rmsFactor(x, y), factor[x]);
        assertEquals(!p.inFootprint(x, y), blank[5 + x]);
      }
    }
  }

  @Test
  void refusesBadSettings() {
    SplittableRandom r = new SplittableRandom(0);
    assertThrows(IllegalArgumentException.class, () -> new MosaicPattern(0, 10, 0, true, r));
    assertThrows(IllegalArgumentException.class, () -> new MosaicPattern(10, 10, 1.0, true, r));
    assertThrows(IllegalArgumentException.class, () -> new MosaicPattern(10, 10, -0.1, true, r));
  }
}
