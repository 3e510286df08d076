package org.radioclr.core.preprocess;

import org.radioclr.core.io.Json;

/**
 * The inverse hyperbolic sine stretch of values in [0, 1] (astropy's {@code AsinhStretch}): {@code
 * asinh(v / a) / asinh(1 / a)}; linear for faint values, logarithmic for bright ones, so faint
 * extended emission and a bright core are both visible. Put it after a min-max stage.
 *
 * @param a the transition point, in (0, 1] (default 0.1, astropy's)
 */
public record AsinhStage(double a) implements ChannelStage {

  @Json.Defaults
  static AsinhStage jsonDefaults() {
    return new AsinhStage(0.1);
  }

  public AsinhStage {
    if (!(a > 0 && a <= 1)) {
      throw new IllegalArgumentException("a must be in (0, 1], got " + a);
    }
  }

  /** {@code asinh stretch (a = 0.1)}. */
  @Override
  public String describe() {
    return "asinh stretch (a = " + RecipeText.number(a) + ")";
  }

  @Override
  public void apply(double[] values, int n, Workspace workspace) {
    double scale = 1 / asinh(1 / a);
    for (int i = 0; i < n; i++) {
      values[i] = asinh(values[i] / a) * scale;
    }
  }

  private static double asinh(double x) {
    return Math.log(x + Math.sqrt(x * x + 1));
  }
}
