package org.radioclr.classify.metrics;

import java.util.Locale;

/**
 * A figure measured over K independent splits: the mean and its standard error {@code s / sqrt(K)},
 * with {@code s} the sample standard deviation (divisor {@code K - 1}). With K = 1 the error is 0:
 * one split gives no spread to estimate.
 *
 * @param mean the mean over splits
 * @param standardError {@code s / sqrt(K)}, &ge; 0
 * @param splits K, &ge; 1
 */
public record Estimate(double mean, double standardError, int splits) {

  public Estimate {
    if (splits < 1) {
      throw new IllegalArgumentException("an estimate needs at least 1 split, got " + splits);
    }
    if (!(standardError >= 0)) {
      throw new IllegalArgumentException("standard error must be >= 0, got " + standardError);
    }
  }

  /** The mean and standard error of the values (one per split). */
  public static Estimate of(double... values) {
    int k = values.length;
    if (k == 0) {
      throw new IllegalArgumentException("an estimate needs at least 1 value");
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= k;
    if (k == 1) {
      return new Estimate(mean, 0, 1);
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return new Estimate(mean, Math.sqrt(ss / (k - 1)) / Math.sqrt(k), k);
  }

  /** {@code 0.8123 ± 0.0040}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4f ± %.4f", mean, standardError);
  }
}
