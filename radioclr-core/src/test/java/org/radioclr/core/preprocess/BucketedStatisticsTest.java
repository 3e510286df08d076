package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BucketedStatisticsTest {

  @Test
  void matchesBruteForceOnFloatData() {
    BucketedStatistics stats = new BucketedStatistics(); // reused across data sets, as in use
    long seed = 10;
    for (double[] values : RangeStatisticsChecks.floatDataSets(1)) {
      double[] padded = new double[values.length + 3]; // only the first n count
      System.arraycopy(values, 0, padded, 0, values.length);
      padded[values.length] = Double.NaN;
      assertTrue(stats.reset(padded, values.length));
      RangeStatisticsChecks.check(stats, values, seed++);
    }
  }

  @Test
  void refusesValuesThatAreNotFloats() {
    BucketedStatistics stats = new BucketedStatistics();
    assertFalse(stats.reset(new double[] {1, 2, 0.1, 4}, 4));
    assertFalse(stats.reset(new double[] {1, Double.NaN}, 2));
    assertTrue(stats.reset(new double[] {1, 0.5, -3}, 3));
    assertThrows(IllegalArgumentException.class, () -> stats.reset(new double[1], 0));
  }

  @Test
  void stdOfTheWholeDataMatchesTheTwoPassFormulaDespiteHugeOutliers() {
    // prefix-style sums would lose the small variance of the kept range next to 1e30 values
    double[] v = new double[10_000];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (1 + 1e-3 * rnd.nextGaussian());
    }
    v[17] = 1e30f;
    v[18] = -1e30f;
    BucketedStatistics stats = new BucketedStatistics();
    assertTrue(stats.reset(v, v.length));
    double[] sorted = v.clone();
    java.util.Arrays.sort(sorted);
    double expected = RangeStatisticsChecks.std(sorted, 1, v.length - 1);
    org.junit.jupiter.api.Assertions.assertEquals(
        expected, stats.std(1, v.length - 1), 1e-12 * expected);
  }
}
