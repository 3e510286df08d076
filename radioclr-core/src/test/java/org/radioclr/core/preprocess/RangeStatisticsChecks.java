package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Brute-force checks of a {@link RangeStatistics} against the sorted values: medians exactly,
 * standard deviations against the two-pass formula, range bounds against a linear scan with the
 * same comparisons.
 */
final class RangeStatisticsChecks {
  private RangeStatisticsChecks() {}

  /** Test data sets of float32 values (never 0 or NaN), each a different shape. */
  static double[][] floatDataSets(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] noise = new double[30_000]; // radio-like: noise around 0, bright outliers
    for (int i = 0; i < noise.length; i++) {
      noise[i] = 1e-4 * rnd.nextGaussian() + (rnd.nextInt(40) == 0 ? rnd.nextDouble() : 0);
    }
    double[] offset = new double[20_000]; // one exponent band: big buckets, sorted by radix
    for (int i = 0; i < offset.length; i++) {
      offset[i] = 1000 + rnd.nextGaussian();
    }
    double[] duplicates = new double[5_000];
    for (int i = 0; i < duplicates.length; i++) {
      duplicates[i] = rnd.nextInt(1, 12) * (rnd.nextBoolean() ? 0.25 : -3);
    }
    double[] negative = new double[3_000];
    for (int i = 0; i < negative.length; i++) {
      negative[i] = -Math.exp(20 * rnd.nextDouble() - 10);
    }
    double[][] sets = {noise, offset, duplicates, negative, {5}, {2, -1}, {3, 3, 3}};
    for (double[] set : sets) {
      for (int i = 0; i < set.length; i++) {
        float f = (float) set[i];
        set[i] = f == 0f ? Float.MIN_NORMAL : f;
      }
    }
    return sets;
  }

  /** Checks {@code stats} (prepared for {@code values}) on whole, random and edge ranges. */
  static void check(RangeStatistics stats, double[] values, long seed) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    assertEquals(n, stats.size());
    SplittableRandom rnd = new SplittableRandom(seed);
    int[][] ranges = new int[40][];
    ranges[0] = new int[] {0, n};
    ranges[1] = new int[] {0, 0};
    ranges[2] = new int[] {n, n};
    ranges[3] = new int[] {n - 1, n};
    for (int r = 4; r < ranges.length; r++) {
      int a = rnd.nextInt(n + 1);
      int b = rnd.nextInt(n + 1);
      ranges[r] = new int[] {Math.min(a, b), Math.max(a, b)};
    }
    for (int[] range : ranges) {
      int from = range[0];
      int to = range[1];
      String what = "range [" + from + ", " + to + ") of " + n;
      assertEquals(median(sorted, from, to), stats.median(from, to), 0.0, what);
      double std = std(sorted, from, to);
      if (from == to) {
        assertEquals(Double.NaN, stats.std(from, to), what);
      } else {
        assertEquals(std, stats.std(from, to), 1e-12 * std + 1e-300, what);
      }
      for (double x : thresholds(sorted, rnd)) {
        assertEquals(
            firstAtLeast(sorted, x, from, to), stats.firstAtLeast(x, from, to), what + " >= " + x);
        assertEquals(
            firstAbove(sorted, x, from, to), stats.firstAbove(x, from, to), what + " > " + x);
      }
    }
  }

  private static double[] thresholds(double[] sorted, SplittableRandom rnd) {
    double[] t = new double[24];
    int k = 0;
    for (; k < 12; k++) {
      double v = sorted[rnd.nextInt(sorted.length)];
      t[k] =
          switch (k % 4) {
            case 0 -> v; // a value itself
            case 1 -> Math.nextUp(v); // a double just above it (not a float)
            case 2 -> Math.nextDown(v);
            default -> v + (Math.nextUp((float) v) - v) / 2; // between two floats
          };
    }
    double[] special = {
      0.0,
      -0.0,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      1e300,
      -1e300,
      sorted[0],
      sorted[sorted.length - 1],
      Math.nextDown(sorted[0]),
      1e-50,
      -1e-50
    };
    System.arraycopy(special, 0, t, k, special.length);
    return t;
  }

  private static double median(double[] sorted, int from, int to) {
    int m = to - from;
    if (m == 0) {
      return Double.NaN;
    }
    int mid = from + m / 2;
    return m % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }

  /** Two-pass population standard deviation. */
  static double std(double[] a, int from, int to) {
    int m = to - from;
    if (m == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += a[i];
    }
    double mean = sum / m;
    double ss = 0;
    for (int i = from; i < to; i++) {
      ss += (a[i] - mean) * (a[i] - mean);
    }
    return Math.sqrt(ss / m);
  }

  private static int firstAtLeast(double[] sorted, double x, int from, int to) {
    for (int i = from; i < to; i++) {
      if (sorted[i] >= x) {
        return i;
      }
    }
    return to;
  }

  private static int firstAbove(double[] sorted, double x, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!(sorted[i] <= x)) {
        return i;
      }
    }
    return to;
  }
}
