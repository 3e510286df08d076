package org.radioclr.core.preprocess;

import java.util.Arrays;

/**
 * In-place selection (Hoare partition, median-of-three pivot, expected O(n); C. A. R. Hoare, 1961,
 * Algorithm 65 FIND) on {@code double[]}, and the numpy median on it: the one nth-element of the
 * project (pixel statistics, augmentation percentiles). float32 pixels are selected as doubles: the
 * widening is exact and keeps their order, so the k-th value is the same float.
 */
public final class Quickselect {
  private Quickselect() {}

  /**
   * The median of {@code a[0..n)} as {@code numpy.median}: the middle value, or the mean {@code (a
   * + b) / 2} of the two middle values when {@code n} is even. Reorders {@code a[0..n)}. Values
   * must not be NaN.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public static double median(double[] a, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("median of no values");
    }
    int k = n >>> 1;
    select(a, 0, n - 1, k);
    double upper = a[k];
    if ((n & 1) == 1) {
      return upper;
    }
    double lower = a[0];
    for (int i = 1; i < k; i++) {
      if (a[i] > lower) {
        lower = a[i];
      }
    }
    return (lower + upper) / 2.0;
  }

  /**
   * Reorders {@code a[lo..hi]} so that {@code a[k]} holds the value it would have if sorted, with
   * no larger value before it and no smaller one after it. Values must not be NaN.
   */
  public static void select(double[] a, int lo, int hi, int k) {
    int rounds = 0;
    while (hi > lo) {
      if (++rounds > 96) { // pathological pivots: finish with a sort, still O(n log n)
        Arrays.sort(a, lo, hi + 1);
        return;
      }
      int mid = (lo + hi) >>> 1;
      if (a[mid] < a[lo]) {
        swap(a, lo, mid);
      }
      if (a[hi] < a[lo]) {
        swap(a, lo, hi);
      }
      if (a[hi] < a[mid]) {
        swap(a, mid, hi);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
