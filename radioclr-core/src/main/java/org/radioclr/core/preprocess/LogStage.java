package org.radioclr.core.preprocess;

import org.radioclr.core.io.Json;

/**
 * The logarithmic stretch of values in [0, 1] (astropy's {@code LogStretch}): {@code log(a v + 1) /
 * log(a + 1)}, which lifts faint emission by up to a factor {@code a} against the peak. Put it
 * after a min-max stage.
 *
 * @param a the stretch strength, &gt; 0 and finite (default 1000, astropy's)
 */
public record LogStage(double a) implements ChannelStage {

  @Json.Defaults
  static LogStage jsonDefaults() {
    return new LogStage(1000);
  }

  public LogStage {
    if (!(a > 0) || Double.isInfinite(a)) {
      throw new IllegalArgumentException("a must be finite and > 0, got " + a);
    }
  }

  /** {@code log stretch (a = 1000)}. */
  @Override
  public String describe() {
    return "log stretch (a = " + RecipeText.number(a) + ")";
  }

  @Override
  public void apply(double[] values, int n, Workspace workspace) {
    double scale = 1 / Math.log1p(a);
    for (int i = 0; i < n; i++) {
      values[i] = Math.log1p(a * values[i]) * scale;
    }
  }
}
