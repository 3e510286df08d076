package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SortedStatisticsTest {

  private static void checkOn(double[] values, long seed) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    SortedStatistics stats = new SortedStatistics();
    stats.reset(sorted, sorted.length);
    RangeStatisticsChecks.check(stats, values, seed);
  }

  @Test
  void matchesBruteForceOnFloatData() {
    long seed = 20;
    for (double[] values : RangeStatisticsChecks.floatDataSets(2)) {
      checkOn(values, seed++);
    }
  }

  @Test
  void matchesBruteForceOnDoubleData() {
    SplittableRandom rnd = new SplittableRandom(4);
    double[] v = new double[7_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextGaussian() * (rnd.nextInt(30) == 0 ? 1e6 : 1);
    }
    checkOn(v, 5);
  }

  @Test
  void rejectsNoValues() {
    assertThrows(
        IllegalArgumentException.class, () -> new SortedStatistics().reset(new double[1], 0));
  }
}
