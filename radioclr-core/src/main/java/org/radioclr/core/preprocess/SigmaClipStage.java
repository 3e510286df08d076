package org.radioclr.core.preprocess;

import org.radioclr.core.io.Json;

/**
 * Sigma clipping that clamps to the clipped bounds, as astropy 5.2.1 {@code sigma_clip(data,
 * sigma_lower, sigma_upper, maxiters, cenfunc="median", stdfunc="std", axis=None)} ({@code
 * SigmaClip._sigmaclip_noaxis}): each iteration takes the values that survived the previous one,
 * computes centre = median and spread = population standard deviation (ddof 0), keeps the values in
 * {@code [median - sigmaLower * std, median + sigmaUpper * std]}, and stops when an iteration
 * removes nothing or after {@code maxIterations}. The stage then clamps every value to the last
 * bounds. Statistics are computed in double precision.
 *
 * <p>Implementation: the values are sorted once ({@link RadixSort}, O(n) for float32 pixels); the
 * survivors of every iteration are then a contiguous range of the sorted values, whose median is
 * read by index and whose standard deviation comes from block sums ({@link SortedStatistics}), and
 * the kept range is found by binary search with astropy's test {@code v >= lo && v <= hi}.
 *
 * <p>One deviation: if an iteration removed every value (only possible with sigmas below 1),
 * astropy would go on to NaN bounds; here the bounds of that last iteration are kept.
 *
 * @param sigmaLower lower clipping bound in standard deviations, &gt; 0 (paper: 5)
 * @param sigmaUpper upper clipping bound in standard deviations, &gt; 0 (paper: 30)
 * @param maxIterations at most this many clipping iterations, &ge; 1 (astropy default 5)
 */
public record SigmaClipStage(double sigmaLower, double sigmaUpper, int maxIterations)
    implements ChannelStage {

  /** The paper's channel-1 clipping: sigma_lower 5, sigma_upper 30, 5 iterations. */
  public static final SigmaClipStage PAPER = new SigmaClipStage(5, 30, 5);

  @Json.Defaults
  static SigmaClipStage jsonDefaults() {
    return PAPER;
  }

  public SigmaClipStage {
    if (!(sigmaLower > 0) || Double.isInfinite(sigmaLower)) {
      throw new IllegalArgumentException("sigma_lower must be finite and > 0, got " + sigmaLower);
    }
    if (!(sigmaUpper > 0) || Double.isInfinite(sigmaUpper)) {
      throw new IllegalArgumentException("sigma_upper must be finite and > 0, got " + sigmaUpper);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("max_iterations must be >= 1, got " + maxIterations);
    }
  }

  /** astropy's default number of iterations, left out of {@link #describe()}. */
  static final int DEFAULT_ITERATIONS = 5;

  /**
   * {@code sigma-clipped (5σ lower, 30σ upper)}, with {@code at most N iterations} when that is not
   * astropy's default of 5.
   */
  @Override
  public String describe() {
    return "sigma-clipped ("
        + RecipeText.number(sigmaLower)
        + "σ lower, "
        + RecipeText.number(sigmaUpper)
        + "σ upper"
        + (maxIterations == DEFAULT_ITERATIONS ? "" : ", at most " + maxIterations + " iterations")
        + ")";
  }

  /**
   * The clipping bounds of {@code values[0..n)} (left unchanged).
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Interval bounds(double[] values, int n, Workspace workspace) {
    return clip(values, n, workspace).bounds();
  }

  /**
   * Clips {@code values[0..n)} (left unchanged) and returns the last bounds with the median and
   * population standard deviation of the values that survived (astropy's {@code
   * sigma_clipped_stats} median and std): with sigmas of 3 the std is a robust noise rms.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Clipped clip(double[] values, int n, Workspace workspace) {
    if (n < 1) {
      throw new IllegalArgumentException("sigma clipping needs at least 1 value, got " + n);
    }
    // The values kept after any iteration are those of the original ones inside [lo, hi], so they
    // are a contiguous range [from, to) of the values' ascending order.
    RangeStatistics stats = workspace.rangeStatistics(values, n);
    int from = 0;
    int to = n;
    double lo = Double.NaN;
    double hi = Double.NaN;
    int removed = 1;
    for (int iteration = 0; removed != 0 && iteration < maxIterations && to > from; iteration++) {
      double median = stats.median(from, to);
      double std = stats.std(from, to);
      lo = median - std * sigmaLower;
      hi = median + std * sigmaUpper;
      // kept: v >= lo && v <= hi
      int keptFrom = stats.firstAtLeast(lo, from, to);
      int keptTo = stats.firstAbove(hi, keptFrom, to);
      removed = (to - from) - (keptTo - keptFrom);
      from = keptFrom;
      to = keptTo;
    }
    return new Clipped(
        new Interval(lo, hi), stats.median(from, to), stats.std(from, to), to - from);
  }

  /**
   * The outcome of clipping.
   *
   * @param bounds the last clipping bounds
   * @param median median of the surviving values
   * @param std population standard deviation of the surviving values
   * @param kept number of surviving values
   */
  public record Clipped(Interval bounds, double median, double std, int kept) {}

  /** Clamps {@code values[0..n)} to their clipping bounds. */
  @Override
  public void apply(double[] values, int n, Workspace workspace) {
    bounds(values, n, workspace).clamp(values, n);
  }
}
