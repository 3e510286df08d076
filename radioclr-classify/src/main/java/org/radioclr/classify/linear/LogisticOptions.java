package org.radioclr.classify.linear;

/**
 * Settings of a logistic-regression fit.
 *
 * <p>The objective is the mean log-loss plus {@code (l2 / 2) |W|^2} (intercepts not penalised), so
 * scikit-learn's {@code LogisticRegression(C=c)} on {@code n} training rows corresponds to {@code
 * l2 = 1 / (c n)}.
 *
 * @param l2 the L2 penalty on the weights, &ge; 0
 * @param maxIterations L-BFGS iteration budget, &ge; 1
 * @param tolerance stop when the largest relative gradient component {@code |g_i| max(|w_i|, 1) /
 *     max(loss, 1)} is below this (Smile's L-BFGS test), &gt; 0
 */
public record LogisticOptions(double l2, int maxIterations, double tolerance) {

  /**
   * Default L2 penalty: scikit-learn's C = 1 for about 6000 training rows (the paper's 6 x 1000).
   */
  public static final double DEFAULT_L2 = 1e-4;

  /** Default iteration budget. */
  public static final int DEFAULT_MAX_ITERATIONS = 1000;

  /** Default relative gradient tolerance. */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  public LogisticOptions {
    if (!(l2 >= 0) || Double.isInfinite(l2)) {
      throw new IllegalArgumentException("l2 must be finite and >= 0, got " + l2);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
    }
  }

  /** The defaults. */
  public static LogisticOptions defaults() {
    return new LogisticOptions(DEFAULT_L2, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
  }
}
