package org.radioclr.core.preprocess;

import org.radioclr.core.io.Json;

/**
 * Removes the noise: every value below {@code median + sigma * rms} is raised to that level, where
 * median and rms are the sigma-clipped statistics of the image (3σ both sides, 5 iterations, as
 * astropy's {@code sigma_clipped_stats}). Followed by min-max, the sky becomes 0 and only emission
 * above the noise keeps its shape, which is how FR-DEEP and MiraBest images are usually prepared.
 *
 * @param sigma the floor in units of the clipped rms above the clipped median, finite and &ge; 0
 *     (default 3)
 */
public record NoiseFloorStage(double sigma) implements ChannelStage {

  /** The usual 3σ floor. */
  public static final NoiseFloorStage DEFAULT = new NoiseFloorStage(3);

  private static final SigmaClipStage NOISE = new SigmaClipStage(3, 3, 5);

  @Json.Defaults
  static NoiseFloorStage jsonDefaults() {
    return DEFAULT;
  }

  public NoiseFloorStage {
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
    }
  }

  /** {@code noise below 3σ (clipped rms) set to 0}. */
  @Override
  public String describe() {
    return "noise below " + RecipeText.number(sigma) + "σ (clipped rms) set to 0";
  }

  @Override
  public void apply(double[] values, int n, Workspace workspace) {
    SigmaClipStage.Clipped noise = NOISE.clip(values, n, workspace);
    double floor = noise.median() + sigma * noise.std();
    for (int i = 0; i < n; i++) {
      values[i] = Math.max(values[i], floor);
    }
  }
}
