package org.radioclr.core.preprocess;

/**
 * {@link RangeStatistics} of values sorted beforehand, each query in O(log n + n / 64) after an
 * O(n) set-up (used for values that are not all float32 numbers; see {@link BucketedStatistics}):
 * the values (ascending, not NaN) are cut into blocks of {@value #BLOCK}, and for each block the
 * sums of {@code v - c} and {@code (v - c)^2} are kept, {@code c} being the median of all values. A
 * range's sums are then its whole blocks' sums plus its partial blocks summed directly (sums of
 * non-overlapping parts, never differences of running totals, so outliers outside the range cost no
 * precision), and its variance is {@code S2 / m - (S1 / m)^2}. Centring on the median keeps the
 * cancellation small for the ranges sigma clipping asks for ({@code |mean - median| <= std} for any
 * data); other ranges fall back to the two-pass formula ({@link RangeStatistics#std}).
 *
 * <p>Reused through the {@link Workspace}.
 */
final class SortedStatistics implements RangeStatistics {
  static final int BLOCK = 64;

  private double[] sorted = new double[0];
  private int n;
  private double centre;
  private double[] blockSum = new double[0];
  private double[] blockSumSquares = new double[0];

  /**
   * Prepares for {@code sorted[0..n)} (ascending, no NaN, not modified while in use; the array is
   * kept, not copied).
   */
  void reset(double[] sorted, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("statistics need at least 1 value, got " + n);
    }
    this.sorted = sorted;
    this.n = n;
    this.centre = median(0, n);
    int blocks = n / BLOCK;
    if (blockSum.length < blocks) {
      blockSum = new double[blocks];
      blockSumSquares = new double[blocks];
    }
    double c = centre;
    for (int b = 0; b < blocks; b++) {
      int start = b * BLOCK;
      // four interleaved accumulators per sum: no long chain of dependent additions
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      double q0 = 0;
      double q1 = 0;
      double q2 = 0;
      double q3 = 0;
      for (int i = start; i < start + BLOCK; i += 4) {
        double d0 = sorted[i] - c;
        double d1 = sorted[i + 1] - c;
        double d2 = sorted[i + 2] - c;
        double d3 = sorted[i + 3] - c;
        s0 += d0;
        s1 += d1;
        s2 += d2;
        s3 += d3;
        q0 += d0 * d0;
        q1 += d1 * d1;
        q2 += d2 * d2;
        q3 += d3 * d3;
      }
      blockSum[b] = (s0 + s1) + (s2 + s3);
      blockSumSquares[b] = (q0 + q1) + (q2 + q3);
    }
  }

  @Override
  public int size() {
    return n;
  }

  @Override
  public double median(int from, int to) {
    int m = to - from;
    if (m <= 0) {
      return Double.NaN;
    }
    int mid = from + (m >>> 1);
    return (m & 1) == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }

  @Override
  public double std(int from, int to) {
    int m = to - from;
    if (m <= 0) {
      return Double.NaN;
    }
    double s = 0;
    double q = 0;
    int firstBlock = (from + BLOCK - 1) / BLOCK;
    int endBlock = to / BLOCK;
    double c = centre;
    if (firstBlock >= endBlock) {
      for (int i = from; i < to; i++) {
        double d = sorted[i] - c;
        s += d;
        q += d * d;
      }
    } else {
      for (int i = from; i < firstBlock * BLOCK; i++) {
        double d = sorted[i] - c;
        s += d;
        q += d * d;
      }
      for (int b = firstBlock; b < endBlock; b++) {
        s += blockSum[b];
        q += blockSumSquares[b];
      }
      for (int i = endBlock * BLOCK; i < to; i++) {
        double d = sorted[i] - c;
        s += d;
        q += d * d;
      }
    }
    return RangeStatistics.std(s, q, sorted, from, to);
  }

  @Override
  public int firstAtLeast(double x, int from, int to) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] >= x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  @Override
  public int firstAbove(double x, int from, int to) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
