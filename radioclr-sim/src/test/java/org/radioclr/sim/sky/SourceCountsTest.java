package org.radioclr.sim.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SourceCountsTest {

  @Test
  void normalisedToNinetyPerSquareDegreeAboveOneMilliJanskyAtOnePointFourGigahertz() {
    SourceCounts c = new SourceCounts(1.4e9);
    assertEquals(90, c.numberAbove(1e-3), 1e-9);
    // slope 1.75 between the breaks: N(>S) ∝ S^-0.75 relative to the 50 mJy tail
    double inner = c.numberBetween(1e-3, 10e-3);
    double expected = c.numberAbove(1e-3) - c.numberAbove(10e-3);
    assertEquals(expected, inner, 1e-9);
    // sub-mJy: dN/dS ∝ S^-2.2, so N between 0.1 and 1 mJy is K/1.2 (0.1^-1.2 - 1) mJy units
    double ratio = c.numberBetween(1e-4, 1e-3) / c.numberBetween(1e-5, 1e-4);
    assertEquals(Math.pow(10, -1.2), ratio, 1e-9);
  }

  @Test
  void realisticDensities() {
    SourceCounts first = new SourceCounts(1.4e9);
    assertTrue(first.numberAbove(0.05) > 2 && first.numberAbove(0.05) < 8);
    assertTrue(first.numberAbove(1) > 0.03 && first.numberAbove(1) < 0.3);
    // EMU pilot: about 800 sources per deg² above 150 µJy at 944 MHz
    SourceCounts emu = new SourceCounts(944e6);
    assertEquals(800, emu.numberAbove(150e-6), 100);
  }

  @Test
  void lowerFrequencyMeansBrighterSources() {
    SourceCounts lo = new SourceCounts(700e6);
    SourceCounts ref = new SourceCounts(1.4e9);
    double scale = Math.pow(0.5, -0.7);
    assertEquals(ref.numberAbove(2e-3), lo.numberAbove(2e-3 * scale), 1e-9);
  }

  @Test
  void fluxForDensityInvertsTheCounts() {
    SourceCounts c = new SourceCounts(1.3e9);
    for (double d : new double[] {0.1, 10, 500, 9000}) {
      assertEquals(d, c.numberAbove(c.fluxForDensity(d)), d * 1e-6);
    }
  }

  @Test
  void samplesFollowTheCounts() {
    SourceCounts c = new SourceCounts(1.4e9);
    SplittableRandom rng = new SplittableRandom(3);
    double lo = 30e-6;
    double hi = 10;
    int n = 200_000;
    int[] bins = new int[4];
    double[] edges = {lo, 1e-4, 1e-3, 50e-3, hi};
    for (int i = 0; i < n; i++) {
      double s = c.sample(lo, hi, rng);
      assertTrue(s >= lo * (1 - 1e-9) && s <= hi * (1 + 1e-9), "sample " + s);
      for (int b = 0; b < 4; b++) {
        if (s >= edges[b] && s < edges[b + 1]) {
          bins[b]++;
        }
      }
    }
    double total = c.numberBetween(lo, hi);
    for (int b = 0; b < 4; b++) {
      double p = c.numberBetween(edges[b], edges[b + 1]) / total;
      double sd = Math.sqrt(n * p * (1 - p));
      assertEquals(n * p, bins[b], 5 * sd + 1, "bin " + b);
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new SourceCounts(0));
    SourceCounts c = new SourceCounts(1.4e9);
    assertThrows(IllegalArgumentException.class, () -> c.fluxForDensity(-1));
    assertThrows(
        IllegalArgumentException.class, () -> c.sample(1e-3, 1e-4, new SplittableRandom(1)));
  }
}
