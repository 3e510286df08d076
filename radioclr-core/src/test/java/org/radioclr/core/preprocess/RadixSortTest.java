package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadixSortTest {
  private final Workspace ws = new Workspace();

  /** Gaussian float32 values with outliers and (if asked) many duplicates; never 0 or NaN. */
  private static double[] floats(int n, long seed, boolean duplicates) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      double x =
          duplicates && rnd.nextInt(3) == 0
              ? rnd.nextInt(1, 6) * 0.125
              : 1e-4 * rnd.nextGaussian() + (rnd.nextInt(50) == 0 ? 0.05 * rnd.nextDouble() : 0);
      float f = (float) x;
      v[i] = f == 0f ? 1e-9f : f;
    }
    return v;
  }

  private static double[] sortedCopy(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s;
  }

  @Test
  void keysOrderAsTheFloatsAndDecodeBack() {
    float[] ordered = {
      Float.NEGATIVE_INFINITY,
      -Float.MAX_VALUE,
      -1e10f,
      -1f,
      -Float.MIN_NORMAL,
      -Float.MIN_VALUE,
      -0.0f,
      0.0f,
      Float.MIN_VALUE,
      Float.MIN_NORMAL,
      1e-30f,
      1f,
      Math.nextUp(1f),
      Float.MAX_VALUE,
      Float.POSITIVE_INFINITY
    };
    for (int i = 0; i < ordered.length; i++) {
      float f = ordered[i];
      assertEquals(
          Float.floatToRawIntBits(f), Float.floatToRawIntBits(RadixSort.value(RadixSort.key(f))));
      if (i > 0) {
        int previous = RadixSort.key(ordered[i - 1]);
        assertTrue(
            Integer.compareUnsigned(previous, RadixSort.key(f)) < 0, ordered[i - 1] + " < " + f);
      }
    }
  }

  @Test
  void sortsUnsignedKeysLikeASortOfTheirUnsignedValues() {
    SplittableRandom rnd = new SplittableRandom(3);
    int[] counts = new int[RadixSort.COUNTS_LENGTH];
    for (int n : new int[] {1, 2, 7, 100, 5000}) {
      int[] keys = new int[n];
      for (int i = 0; i < n; i++) {
        keys[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(8) << 29 : rnd.nextInt(); // duplicates
      }
      long[] expected = new long[n];
      for (int i = 0; i < n; i++) {
        expected[i] = Integer.toUnsignedLong(keys[i]);
      }
      Arrays.sort(expected);
      int[] result = RadixSort.sort(keys.clone(), n, new int[n], counts);
      long[] actual = new long[n];
      for (int i = 0; i < n; i++) {
        actual[i] = Integer.toUnsignedLong(result[i]);
      }
      assertArrayEquals(expected, actual, "n=" + n);
    }
  }

  @Test
  void skipsPassesWhereAllKeysShareTheDigitAndStillSorts() {
    // all keys share their top 10 and low 11 bits: only the middle pass does anything
    int[] keys = new int[1000];
    SplittableRandom rnd = new SplittableRandom(4);
    for (int i = 0; i < keys.length; i++) {
      keys[i] = 0xC0000000 | (rnd.nextInt(2048) << 11) | 5;
    }
    int[] expected = keys.clone();
    Arrays.sort(expected); // same top bit: signed order is the unsigned order
    int[] counts = new int[RadixSort.COUNTS_LENGTH];
    assertArrayEquals(
        expected, Arrays.copyOf(RadixSort.sort(keys, 1000, new int[1000], counts), 1000));
    int[] same = new int[50];
    Arrays.fill(same, 42);
    assertArrayEquals(same.clone(), RadixSort.sort(same, 50, new int[50], counts));
  }

  @Test
  void sortedCopyOfFloatValuesMatchesArraysSort() {
    for (boolean duplicates : new boolean[] {false, true}) {
      double[] v = floats(20_000, duplicates ? 5 : 6, duplicates);
      double[] before = v.clone();
      double[] out = new double[v.length];
      RadixSort.sortedCopy(v, v.length, out, ws);
      assertArrayEquals(sortedCopy(v), out, 0.0);
      assertArrayEquals(before, v, 0.0, "input unchanged");
    }
  }

  @Test
  void sortedCopyOfADoublePrefixOnly() {
    double[] v = {3, 1, 2, -7, 100, -1000};
    double[] out = new double[6];
    RadixSort.sortedCopy(v, 4, out, ws);
    assertArrayEquals(new double[] {-7, 1, 2, 3}, Arrays.copyOf(out, 4), 0.0);
  }

  @Test
  void sortedCopyOfValuesThatAreNotFloatsFallsBackToAFullSort() {
    SplittableRandom rnd = new SplittableRandom(7);
    double[] v = new double[3000];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextGaussian(); // not float32 numbers
    }
    v[10] = 0.5; // a few are
    double[] out = new double[v.length];
    RadixSort.sortedCopy(v, v.length, out, ws);
    assertArrayEquals(sortedCopy(v), out, 0.0);
  }

  @Test
  void sortsTheLowBitsOfASegment() {
    SplittableRandom rnd = new SplittableRandom(8);
    int[] a = new int[3000];
    for (int i = 0; i < a.length; i++) {
      a[i] = rnd.nextInt();
    }
    int from = 100;
    int to = 2900;
    for (int i = from; i < to; i++) {
      a[i] = 0x12345678 & ~0x1FFFFF | rnd.nextInt(1 << 21); // shared top 11 bits
      if (i % 7 == 0) {
        a[i] = a[from]; // duplicates
      }
    }
    int[] expected = a.clone();
    Arrays.sort(expected, from, to);
    RadixSort.sortLowBits(a, from, to, 21, new int[3000], new int[RadixSort.COUNTS_LENGTH]);
    assertArrayEquals(expected, a);
  }
}
