package org.radioclr.core.augment;

import java.util.Arrays;

/** In-place selection on floats (Hoare partition, median-of-three pivot, expected O(n)). */
final class FloatSelect {
  private FloatSelect() {}

  /**
   * Reorders {@code a[lo..hi]} so that {@code a[k]} holds the value it would have if sorted, with
   * no larger value before it and no smaller one after it. Values must not be NaN.
   */
  static void select(float[] a, int lo, int hi, int k) {
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
      float pivot = a[mid];
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
          float t = a[i];
          a[i] = a[j];
          a[j] = t;
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

  private static void swap(float[] a, int i, int j) {
    float t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
