package org.radioclr.core.preprocess;

/**
 * A closed value range {@code [lower, upper]} found by a stretch stage (sigma-clip bounds, zscale
 * limits), in the units of the image (usually Jy/beam).
 */
public record Interval(double lower, double upper) {

  /**
   * Clamps {@code v} to this interval, as {@code numpy.clip}: {@code min(max(v, lower), upper)}.
   */
  public double clamp(double v) {
    return Math.min(Math.max(v, lower), upper);
  }

  /** Clamps the first {@code n} values in place. */
  public void clamp(double[] values, int n) {
    double lo = lower;
    double hi = upper;
    for (int i = 0; i < n; i++) {
      values[i] = Math.min(Math.max(values[i], lo), hi);
    }
  }
}
