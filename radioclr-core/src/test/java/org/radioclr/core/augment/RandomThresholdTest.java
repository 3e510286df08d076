package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.preprocess.Cube;

class RandomThresholdTest {

  /**
   * Two channels of 20x10 where every other pixel is blank (0) and the other 100 hold distinct
   * values in a shuffled order.
   */
  private static Cube halfBlank(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] d = new float[2 * 200];
    for (int c = 0; c < 2; c++) {
      int[] order = new int[100];
      for (int i = 0; i < 100; i++) {
        order[i] = i;
      }
      for (int i = 99; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int i = 0; i < 100; i++) {
        d[c * 200 + 2 * i + 1] = (order[i] + 1) / 100f;
      }
    }
    return new Cube(2, 20, 10, d);
  }

  private static int nonZero(AugmentView v, int c) {
    int n = 0;
    for (int i = 0; i < v.planeSize(); i++) {
      n += v.data()[c * v.planeSize() + i] != 0 ? 1 : 0;
    }
    return n;
  }

  @Test
  void keepsTheExactFractionAtAKnownPercentileAndIgnoresBlanks() {
    Cube c = halfBlank(1);
    // pos = q / 100 * 99: 50 -> 49.5 keeps 50; 40 -> 39.6 keeps 60; 60 -> 59.4 keeps 40
    double[][] cases = {{50, 50}, {40, 60}, {60, 40}, {0, 100}};
    for (double[] k : cases) {
      AugmentView v = TestCubes.view(c);
      double t = RandomThreshold.threshold(v, 0, k[0]);
      assertEquals((int) k[1], nonZero(v, 0), "percentile " + k[0] + ", threshold " + t);
      assertEquals(100, nonZero(v, 1)); // the other channel is untouched
      for (int i = 0; i < 200; i++) {
        float before = c.data()[i];
        float after = v.data()[i];
        if (before == 0f) {
          assertEquals(0f, after); // blanks stay blank (and did not count)
        } else {
          assertEquals(before >= t ? before : 0f, after, 0f);
        }
      }
    }
  }

  @Test
  void percentileMatchesNumpyWithTies() {
    // numpy.percentile([0.1, 0.2, 0.2, 0.7, 0.9, 0.35, 0.05] as float32, q)
    float[] values = {0.1f, 0.2f, 0.2f, 0.7f, 0.9f, 0.35f, 0.05f};
    double[][] ref = {
      {30, 0.180000002682209},
      {70, 0.4199999928474424},
      {41.7, 0.20000000298023224},
      {12.5, 0.0875000013038516},
      {99.9, 0.8987999762296678},
      {0, 0.05000000074505806},
      {100, 0.8999999761581421}
    };
    for (double[] r : ref) {
      assertEquals(
          r[1], RandomThreshold.percentile(widen(values), values.length, r[0]), 1e-12, "q " + r[0]);
    }
  }

  @Test
  void percentileOfFloatPixelsIsTheSortedFloatsInterpolatedExactly() {
    // the float32 pixels go through the double selection: the values are those of a sort
    SplittableRandom r = new SplittableRandom(11);
    for (int round = 0; round < 200; round++) {
      int n = 1 + r.nextInt(300);
      float[] values = new float[n];
      for (int i = 0; i < n; i++) {
        values[i] = r.nextInt(5) == 0 ? r.nextInt(3) * 0.25f : (float) r.nextDouble(); // ties
      }
      float[] sorted = values.clone();
      Arrays.sort(sorted);
      double q = r.nextDouble(0, 100);
      double quantile = q / 100.0;
      double pos = n * quantile + (1 + quantile * (1 - 1 - 1)) - 1;
      int lo = pos >= n - 1 ? n - 1 : Math.max(0, (int) Math.floor(pos));
      double frac = pos - lo;
      double expected;
      if (frac <= 0 || lo == n - 1) {
        expected = sorted[lo];
      } else {
        double below = sorted[lo];
        double diff = sorted[lo + 1] - below;
        expected = frac >= 0.5 ? sorted[lo + 1] - diff * (1 - frac) : below + diff * frac;
      }
      assertEquals(expected, RandomThreshold.percentile(widen(values), n, q), 0.0, "n " + n);
    }
  }

  private static double[] widen(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  @Test
  void randomPercentilesKeepFortyToSixtyPercentPerChannel() {
    Cube c = halfBlank(2);
    SplittableRandom r = new SplittableRandom(3);
    int lo = 100;
    int hi = 0;
    for (int i = 0; i < 300; i++) {
      AugmentView v = TestCubes.view(c);
      RandomThreshold.PAPER.apply(v, r);
      for (int ch = 0; ch < 2; ch++) {
        int kept = nonZero(v, ch);
        assertTrue(kept >= 40 && kept <= 60, "kept " + kept);
        lo = Math.min(lo, kept);
        hi = Math.max(hi, kept);
      }
    }
    assertTrue(lo <= 42 && hi >= 58, "kept between " + lo + " and " + hi);
  }

  @Test
  void channelsDrawTheirOwnPercentile() {
    Cube c = halfBlank(4);
    SplittableRandom r = new SplittableRandom(5);
    int differ = 0;
    for (int i = 0; i < 50; i++) {
      AugmentView v = TestCubes.view(c);
      RandomThreshold.PAPER.apply(v, r);
      differ += nonZero(v, 0) != nonZero(v, 1) ? 1 : 0;
    }
    assertTrue(differ > 35, "channels kept different counts " + differ + " of 50 times");
  }

  @Test
  void blankChannelIsLeftAlone() {
    AugmentView v = TestCubes.view(TestCubes.constant(3, 4, 4, 0f));
    assertTrue(Double.isNaN(RandomThreshold.threshold(v, 1, 50)));
    RandomThreshold.PAPER.apply(v, new SplittableRandom(1));
    for (float x : v.toCube().data()) {
      assertEquals(0f, x);
    }
  }

  @Test
  void validatesPercentiles() {
    assertThrows(IllegalArgumentException.class, () -> new RandomThreshold(-1, 50));
    assertThrows(IllegalArgumentException.class, () -> new RandomThreshold(60, 40));
    assertThrows(IllegalArgumentException.class, () -> new RandomThreshold(40, 101));
    assertThrows(IllegalArgumentException.class, () -> new RandomThreshold(Double.NaN, 60));
    assertEquals(0.5, RandomThreshold.PAPER.paperProbability());
  }
}
