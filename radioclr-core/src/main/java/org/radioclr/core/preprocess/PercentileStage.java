package org.radioclr.core.preprocess;

import org.radioclr.core.io.Json;

/**
 * Percentile clipping: values are clamped to {@code [P(lower), P(upper)]}, the percentiles of the
 * channel's own values (linear interpolation between order statistics, as {@code
 * numpy.percentile}).
 *
 * @param lower lower percentile in [0, 100) (default 0: no lower clipping)
 * @param upper upper percentile in ({@code lower}, 100] (default 99.9)
 */
public record PercentileStage(double lower, double upper) implements ChannelStage {

  @Json.Defaults
  static PercentileStage jsonDefaults() {
    return new PercentileStage(0, 99.9);
  }

  public PercentileStage {
    if (!(lower >= 0 && lower < 100)) {
      throw new IllegalArgumentException("lower must be in [0, 100), got " + lower);
    }
    if (!(upper > lower && upper <= 100)) {
      throw new IllegalArgumentException("upper must be in (lower, 100], got " + upper);
    }
  }

  /** {@code clipped to the 0–99.9 percentiles}. */
  @Override
  public String describe() {
    return "clipped to the "
        + RecipeText.number(lower)
        + "–"
        + RecipeText.number(upper)
        + " percentiles";
  }

  @Override
  public void apply(double[] values, int n, Workspace workspace) {
    double[] scratch = workspace.sorted(n);
    System.arraycopy(values, 0, scratch, 0, n);
    new Interval(percentile(scratch, n, lower), percentile(scratch, n, upper)).clamp(values, n);
  }

  /**
   * The {@code q}-th percentile of {@code a[0..n)} as numpy's linear method; reorders {@code a}.
   */
  static double percentile(double[] a, int n, double q) {
    double rank = q / 100 * (n - 1);
    int below = (int) Math.floor(rank);
    Quickselect.select(a, 0, n - 1, below);
    double low = a[below];
    if (below + 1 >= n || rank == below) {
      return low;
    }
    Quickselect.select(a, below + 1, n - 1, below + 1);
    return low + (rank - below) * (a[below + 1] - low);
  }
}
