package org.radioclr.core.preprocess;

import java.util.Arrays;

/**
 * Sorting in O(n) for the pre-processing statistics: an LSD radix sort of 32-bit unsigned keys in
 * three passes of 11, 11 and 10 bits (one counting pass for all three digit histograms; a pass is
 * skipped when every key has the same digit), and on top of it a sorted copy of double values that
 * are all float32 numbers (pixels read from float32 maps), through order-preserving keys of their
 * float32 bit patterns. Values that are not all float32 numbers fall back to {@link
 * Arrays#sort(double[], int, int)}.
 *
 * <p>Order: ascending as {@link Double#compare}, so {@code -0.0} comes before {@code 0.0}. Values
 * must not be NaN (the pre-processing never passes one; they would end up last, as in {@code
 * Arrays.sort}, through the fallback).
 */
final class RadixSort {
  private static final int BITS = 11;
  private static final int RADIX = 1 << BITS;
  private static final int MASK = RADIX - 1;

  /** Length of the digit-count buffer {@link #sort(int[], int, int[], int[])} needs. */
  static final int COUNTS_LENGTH = 3 * RADIX;

  private RadixSort() {}

  /**
   * The key of a float: its bit pattern with the sign bit flipped for positive numbers and all bits
   * flipped for negative ones, so that keys compared as unsigned ints order as the floats do.
   */
  static int key(float f) {
    int bits = Float.floatToRawIntBits(f);
    return bits ^ ((bits >> 31) | Integer.MIN_VALUE);
  }

  /** The float whose {@link #key} is {@code key}. */
  static float value(int key) {
    return Float.intBitsToFloat(key ^ ((~key >> 31) | Integer.MIN_VALUE));
  }

  /**
   * Sorts {@code keys[0..n)} as unsigned ints.
   *
   * @param scratch at least {@code n} ints, overwritten
   * @param counts at least {@link #COUNTS_LENGTH} ints, overwritten
   * @return the array that holds the sorted keys in {@code [0..n)}: {@code keys} or {@code scratch}
   */
  static int[] sort(int[] keys, int n, int[] scratch, int[] counts) {
    countDigits(keys, n, counts);
    int[] src = keys;
    int[] dst = scratch;
    for (int pass = 0; pass < 3; pass++) {
      if (prepareOffsets(counts, pass, keys[0], n)) {
        scatter(src, dst, n, pass * BITS, pass * RADIX, counts);
        int[] t = src;
        src = dst;
        dst = t;
      }
    }
    return src;
  }

  /**
   * Sorts {@code a[from..to)} by the unsigned value of their low {@code bits} bits (the keys of one
   * {@link BucketedStatistics} bucket, which share their other bits).
   *
   * @param scratch at least {@code to - from} ints, overwritten
   * @param counts at least {@link #COUNTS_LENGTH} ints, overwritten
   */
  static void sortLowBits(int[] a, int from, int to, int bits, int[] scratch, int[] counts) {
    int n = to - from;
    if (n < 2) {
      return;
    }
    int[] src = a;
    int srcOffset = from;
    int[] dst = scratch;
    int dstOffset = 0;
    for (int shift = 0; shift < bits; shift += BITS) {
      int digits = (1 << Math.min(BITS, bits - shift)) - 1;
      Arrays.fill(counts, 0, RADIX, 0);
      for (int i = srcOffset; i < srcOffset + n; i++) {
        counts[(src[i] >>> shift) & digits]++;
      }
      if (counts[(src[srcOffset] >>> shift) & digits] == n) {
        continue; // one digit only: the order stays
      }
      int sum = 0;
      for (int d = 0; d < RADIX; d++) {
        int c = counts[d];
        counts[d] = sum;
        sum += c;
      }
      for (int i = srcOffset; i < srcOffset + n; i++) {
        int k = src[i];
        dst[dstOffset + counts[(k >>> shift) & digits]++] = k;
      }
      int[] t = src;
      src = dst;
      dst = t;
      int o = srcOffset;
      srcOffset = dstOffset;
      dstOffset = o;
    }
    if (src != a) {
      System.arraycopy(src, srcOffset, a, from, n);
    }
  }

  /**
   * Writes {@code values[0..n)} in ascending order into {@code sorted[0..n)}; {@code values} is
   * left unchanged. O(n) when every value is a float32 number.
   */
  static void sortedCopy(double[] values, int n, double[] sorted, Workspace workspace) {
    if (n <= 0) {
      return;
    }
    int[] keys = workspace.sortKeys(n);
    for (int i = 0; i < n; i++) {
      double v = values[i];
      float f = (float) v;
      if (f != v) { // not a float32 number (or NaN)
        System.arraycopy(values, 0, sorted, 0, n);
        Arrays.sort(sorted, 0, n);
        return;
      }
      keys[i] = key(f);
    }
    int[] result = sort(keys, n, workspace.sortScratch(n), workspace.radixCounts());
    for (int i = 0; i < n; i++) {
      sorted[i] = value(result[i]);
    }
  }

  private static void countDigits(int[] keys, int n, int[] counts) {
    Arrays.fill(counts, 0, COUNTS_LENGTH, 0);
    for (int i = 0; i < n; i++) {
      int k = keys[i];
      counts[k & MASK]++;
      counts[RADIX + ((k >>> BITS) & MASK)]++;
      counts[2 * RADIX + (k >>> (2 * BITS))]++;
    }
  }

  /**
   * Turns the counts of {@code pass} into start offsets; false (pass not needed) when every key has
   * the digit of {@code anyKey}.
   */
  private static boolean prepareOffsets(int[] counts, int pass, int anyKey, int n) {
    int base = pass * RADIX;
    if (counts[base + ((anyKey >>> (pass * BITS)) & MASK)] == n) {
      return false;
    }
    int sum = 0;
    for (int d = base; d < base + RADIX; d++) {
      int c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    return true;
  }

  private static void scatter(int[] src, int[] dst, int n, int shift, int base, int[] offsets) {
    for (int i = 0; i < n; i++) {
      int k = src[i];
      dst[offsets[base + ((k >>> shift) & MASK)]++] = k;
    }
  }
}
