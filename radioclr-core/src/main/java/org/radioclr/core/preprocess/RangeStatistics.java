package org.radioclr.core.preprocess;

/**
 * Statistics of index ranges {@code [from, to)} of the ascending order of a fixed set of values (no
 * NaN), as sigma clipping needs them: every clipping iteration keeps the values inside {@code [lo,
 * hi]}, which is such a range.
 */
sealed interface RangeStatistics permits SortedStatistics, BucketedStatistics {

  /** Number of values. */
  int size();

  /** The median of range {@code [from, to)} as {@code numpy.median}; NaN for an empty range. */
  double median(int from, int to);

  /** The population standard deviation (ddof 0) of the range; NaN for an empty range. */
  double std(int from, int to);

  /**
   * The first index in {@code [from, to)} whose value is {@code >= x}, or {@code to} if none (also
   * for NaN {@code x}).
   */
  int firstAtLeast(double x, int from, int to);

  /**
   * The first index in {@code [from, to)} whose value is not {@code <= x}, or {@code to} if none;
   * {@code from} for NaN {@code x}.
   */
  int firstAbove(double x, int from, int to);

  /**
   * The population standard deviation of the {@code m} values {@code a[from..to)} given their sums
   * {@code s} of {@code v - c} and {@code q} of {@code (v - c)^2} about a centre {@code c}: {@code
   * sqrt(q / m - (s / m)^2)}, which is accurate when the centre is within a few standard deviations
   * of the mean. When it is not (the variance is less than 1/16 of {@code q / m}), the cancellation
   * would cost precision and the exact two-pass formula over {@code a[from..to)} is used instead.
   */
  static double std(double s, double q, double[] a, int from, int to) {
    int m = to - from;
    double meanOffset = s / m;
    double meanSquare = q / m;
    double variance = meanSquare - meanOffset * meanOffset;
    if (variance * 16 >= meanSquare) {
      return Math.sqrt(variance);
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += a[i];
    }
    double mean = sum / m;
    double squares = 0;
    for (int i = from; i < to; i++) {
      double d = a[i] - mean;
      squares += d * d;
    }
    return Math.sqrt(squares / m);
  }
}
