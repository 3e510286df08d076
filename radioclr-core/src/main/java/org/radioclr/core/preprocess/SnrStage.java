package org.radioclr.core.preprocess;

import org.radioclr.core.io.Json;

/**
 * Signal-to-noise: every value becomes {@code (value - median) / rms}, the sigma-clipped median and
 * rms of the image (3σ both sides, 5 iterations, as astropy's {@code sigma_clipped_stats}), clamped
 * to {@code [low, high]}. Followed by min-max, a fixed significance (the 3σ contour radio source
 * finders and the simulator's truth masks use) lands on the same value in every image, whatever the
 * image's noise; the zscale and sigma-clip channels move it with the image's contrast.
 *
 * @param low lower clamp, in rms, finite
 * @param high upper clamp, in rms, finite and &gt; {@code low}
 */
public record SnrStage(double low, double high) implements ChannelStage {

  /** Clamped to [-5, 50] rms. */
  public static final SnrStage DEFAULT = new SnrStage(-5, 50);

  private static final SigmaClipStage NOISE = new SigmaClipStage(3, 3, 5);

  @Json.Defaults
  static SnrStage jsonDefaults() {
    return DEFAULT;
  }

  public SnrStage {
    if (!Double.isFinite(low) || !Double.isFinite(high) || !(high > low)) {
      throw new IllegalArgumentException(
          "snr clamp must be finite with high > low, got [" + low + ", " + high + "]");
    }
  }

  /** {@code signal-to-noise (clipped rms), clamped to [-5, 50]}. */
  @Override
  public String describe() {
    return "signal-to-noise (clipped rms), clamped to ["
        + RecipeText.number(low)
        + ", "
        + RecipeText.number(high)
        + "]";
  }

  @Override
  public void apply(double[] values, int n, Workspace workspace) {
    SigmaClipStage.Clipped noise = NOISE.clip(values, n, workspace);
    double median = noise.median();
    double rms = noise.std();
    for (int i = 0; i < n; i++) {
      double s = rms > 0 ? (values[i] - median) / rms : 0;
      values[i] = Math.min(high, Math.max(low, s));
    }
  }
}
