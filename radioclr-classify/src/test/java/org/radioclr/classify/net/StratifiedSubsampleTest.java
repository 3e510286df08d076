package org.radioclr.classify.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StratifiedSubsampleTest {
  /** 100 images of class 0, 20 of class 1, 3 of class 2, interleaved. */
  private static int[][] truth() {
    int[][] t = new int[123][];
    for (int i = 0; i < t.length; i++) {
      t[i] = new int[] {i < 100 ? 0 : i < 120 ? 1 : 2};
    }
    return t;
  }

  private static int[] counts(int[][] truth, int[] idx) {
    int[] c = new int[3];
    for (int i : idx) {
      c[truth[i][0]]++;
    }
    return c;
  }

  @Test
  void keepsEveryClassWithRoundedShares() {
    int[][] t = truth();
    assertArrayEquals(new int[] {1, 1, 1}, counts(t, StratifiedSubsample.indices(t, 3, 0.01, 1)));
    assertArrayEquals(new int[] {10, 2, 1}, counts(t, StratifiedSubsample.indices(t, 3, 0.1, 1)));
    assertArrayEquals(new int[] {50, 10, 2}, counts(t, StratifiedSubsample.indices(t, 3, 0.5, 1)));
    assertEquals(123, StratifiedSubsample.indices(t, 3, 1.0, 1).length);
  }

  @Test
  void isSeededSortedAndDistinct() {
    int[][] t = truth();
    int[] a = StratifiedSubsample.indices(t, 3, 0.25, 9);
    assertArrayEquals(a, StratifiedSubsample.indices(t, 3, 0.25, 9));
    for (int i = 1; i < a.length; i++) {
      if (a[i] <= a[i - 1]) {
        throw new AssertionError("not strictly increasing at " + i);
      }
    }
    int[] b = StratifiedSubsample.indices(t, 3, 0.25, 10);
    if (java.util.Arrays.equals(a, b)) {
      throw new AssertionError("another seed drew the same subsample");
    }
  }

  @Test
  void refusesBadFractions() {
    assertThrows(
        IllegalArgumentException.class, () -> StratifiedSubsample.indices(truth(), 3, 0, 1));
    assertThrows(
        IllegalArgumentException.class, () -> StratifiedSubsample.indices(truth(), 3, 1.5, 1));
  }
}
