package org.radioclr.core.preprocess;

import java.util.Arrays;

/**
 * {@link RangeStatistics} of float32 values (pixels of float32 maps), sorted only where a query
 * needs it. The set-up is one counting pass over the values' order-preserving keys ({@link
 * RadixSort#key}) and one scatter of the values into {@value #BUCKETS} buckets by the top {@value
 * #TOP_BITS} bits of their keys (sign, exponent and 2 mantissa bits: quarter-octave value bands),
 * then the sums of {@code v - c} and {@code (v - c)^2} per bucket, {@code c} being the median of
 * all values. The buckets are in value order, so the ascending order is known bucket by bucket; a
 * bucket is sorted only when a median or a range bound falls inside it. Sigma clipping touches a
 * handful of buckets (the medians' and the bounds'), so most values are never sorted.
 *
 * <p>A range's sums are those of its whole buckets plus its partial end buckets summed directly,
 * and its variance is {@code S2 / m - (S1 / m)^2}; centring on the median keeps the cancellation
 * small for the ranges sigma clipping asks for ({@code |mean - median| <= std} for any data); other
 * ranges fall back to the two-pass formula ({@link RangeStatistics#std}). Range bounds are found by
 * binary search within one bucket with the very comparisons asked for ({@code v >= x}, {@code v <=
 * x}). Reused through the {@link Workspace}.
 */
final class BucketedStatistics implements RangeStatistics {
  static final int TOP_BITS = 11;
  static final int BUCKETS = 1 << TOP_BITS;
  private static final int LOW_BITS = 32 - TOP_BITS;

  /** Buckets up to this size are sorted by {@link Arrays#sort(double[], int, int)}. */
  private static final int SMALL_BUCKET = 256;

  private double[] values = new double[0]; // the values, bucket by bucket
  private int n;
  private final int[] start = new int[BUCKETS + 1]; // bucket b is values[start[b] .. start[b + 1])
  private final boolean[] sorted = new boolean[BUCKETS];
  private final double[] bucketSum = new double[BUCKETS];
  private final double[] bucketSumSquares = new double[BUCKETS];
  private final int[] fill = new int[BUCKETS];
  private final int[] counts = new int[RadixSort.COUNTS_LENGTH];
  private int[] keys = new int[0]; // scratch: bucket numbers, keys of a bucket being sorted
  private int[] scratch = new int[0];
  private double centre;
  private double partSum; // running sums of std()
  private double partSumSquares;

  /**
   * Prepares for {@code in[0..n)} (not modified, not kept); false, leaving this object unusable
   * until the next successful reset, if some value is not a float32 number (or is NaN).
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  boolean reset(double[] in, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("statistics need at least 1 value, got " + n);
    }
    if (keys.length < n) {
      keys = new int[n];
      scratch = new int[n];
      values = new double[n];
    }
    int[] k = keys;
    int[] count = fill;
    Arrays.fill(count, 0);
    for (int i = 0; i < n; i++) {
      double v = in[i];
      float f = (float) v;
      if (f != v) {
        return false;
      }
      int key = RadixSort.key(f) >>> LOW_BITS;
      k[i] = key;
      count[key]++;
    }
    this.n = n;
    int sum = 0;
    for (int b = 0; b < BUCKETS; b++) {
      start[b] = sum;
      sum += count[b];
      count[b] = start[b];
    }
    start[BUCKETS] = n;
    double[] out = values;
    for (int i = 0; i < n; i++) {
      out[count[k[i]]++] = in[i];
    }
    Arrays.fill(sorted, false);
    centre = median(0, n);
    double c = centre;
    for (int b = 0; b < BUCKETS; b++) {
      int i = start[b];
      int end = start[b + 1];
      double s0 = 0;
      double s1 = 0;
      double q0 = 0;
      double q1 = 0;
      for (; i + 1 < end; i += 2) {
        double d0 = out[i] - c;
        double d1 = out[i + 1] - c;
        s0 += d0;
        s1 += d1;
        q0 += d0 * d0;
        q1 += d1 * d1;
      }
      if (i < end) {
        double d = out[i] - c;
        s0 += d;
        q0 += d * d;
      }
      bucketSum[b] = s0 + s1;
      bucketSumSquares[b] = q0 + q1;
    }
    return true;
  }

  @Override
  public int size() {
    return n;
  }

  /** The {@code i}-th smallest value. */
  double valueAt(int i) {
    ensureSorted(bucketOf(i));
    return values[i];
  }

  @Override
  public double median(int from, int to) {
    int m = to - from;
    if (m <= 0) {
      return Double.NaN;
    }
    int mid = from + (m >>> 1);
    return (m & 1) == 1 ? valueAt(mid) : (valueAt(mid - 1) + valueAt(mid)) / 2.0;
  }

  @Override
  public double std(int from, int to) {
    int m = to - from;
    if (m <= 0) {
      return Double.NaN;
    }
    int first = bucketOf(from);
    int last = bucketOf(to - 1);
    partSum = 0;
    partSumSquares = 0;
    if (first == last) {
      addPart(first, from, to);
    } else {
      addPart(first, from, start[first + 1]);
      for (int b = first + 1; b < last; b++) {
        partSum += bucketSum[b];
        partSumSquares += bucketSumSquares[b];
      }
      addPart(last, start[last], to);
    }
    return RangeStatistics.std(partSum, partSumSquares, values, from, to);
  }

  /** Adds the sums of {@code [from, to)}, a part of bucket {@code b}, to the running sums. */
  private void addPart(int b, int from, int to) {
    if (from == start[b] && to == start[b + 1]) {
      partSum += bucketSum[b];
      partSumSquares += bucketSumSquares[b];
      return;
    }
    ensureSorted(b);
    double c = centre;
    double s = 0;
    double q = 0;
    for (int i = from; i < to; i++) {
      double d = values[i] - c;
      s += d;
      q += d * d;
    }
    partSum += s;
    partSumSquares += q;
  }

  @Override
  public int firstAtLeast(double x, int from, int to) {
    if (Double.isNaN(x)) {
      return to;
    }
    // Values >= x are those >= the smallest float f >= x, so lie in the bucket of f (for f == 0,
    // of -0.0, which is >= 0 too) or above.
    float f = (float) x;
    if (f < x) {
      f = Math.nextUp(f);
    }
    int b = bucketOfValue(f == 0f ? -0.0f : f);
    ensureSorted(b);
    int lo = start[b];
    int hi = start[b + 1];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] >= x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return clamp(lo, from, to);
  }

  @Override
  public int firstAbove(double x, int from, int to) {
    if (Double.isNaN(x)) {
      return from;
    }
    // Values <= x are those <= the largest float f <= x, so lie in the bucket of f (for f == 0,
    // of 0.0, which is <= -0.0 too) or below.
    float f = (float) x;
    if (f > x) {
      f = Math.nextDown(f);
    }
    int b = bucketOfValue(f == 0f ? 0.0f : f);
    ensureSorted(b);
    int lo = start[b];
    int hi = start[b + 1];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return clamp(lo, from, to);
  }

  private static int clamp(int index, int from, int to) {
    return Math.max(from, Math.min(index, to));
  }

  private static int bucketOfValue(float f) {
    return RadixSort.key(f) >>> LOW_BITS;
  }

  /** The bucket holding index {@code i} (in {@code [0, n)}): the last with {@code start <= i}. */
  private int bucketOf(int i) {
    int lo = 0;
    int hi = BUCKETS;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (start[mid] <= i) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void ensureSorted(int b) {
    if (sorted[b]) {
      return;
    }
    int from = start[b];
    int to = start[b + 1];
    if (to - from <= SMALL_BUCKET) {
      Arrays.sort(values, from, to);
    } else {
      int[] k = keys;
      for (int i = from; i < to; i++) {
        k[i] = RadixSort.key((float) values[i]);
      }
      // one bucket's keys share their top bits
      RadixSort.sortLowBits(k, from, to, LOW_BITS, scratch, counts);
      for (int i = from; i < to; i++) {
        values[i] = RadixSort.value(k[i]);
      }
    }
    sorted[b] = true;
  }
}
