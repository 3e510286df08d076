package org.radioclr.sim.products;

import java.util.Objects;
import org.radioclr.core.cutout.HulkConfig;

/**
 * Settings of the three benchmark sets ({@link BenchmarkSets}).
 *
 * @param hulk the hulk frames of the detection and anomaly sets (the paper's 256-pixel frames, 50%
 *     overlap)
 * @param frameLabels how frames get their §5.1 labels
 * @param detectionMinSnr smallest peak SNR of a source annotated in the detection set (5)
 * @param classification the classification set
 * @param telescope written as the {@code telescope} of the detection annotations
 */
public record BenchmarkConfig(
    HulkConfig hulk,
    FrameLabelRules frameLabels,
    double detectionMinSnr,
    ClassificationConfig classification,
    String telescope) {

  /** The paper's frames, default rules, SNR 5, default classification, "radioclr-sim". */
  public static final BenchmarkConfig DEFAULT =
      new BenchmarkConfig(
          HulkConfig.PAPER,
          FrameLabelRules.DEFAULT,
          5,
          ClassificationConfig.DEFAULT,
          "radioclr-sim");

  public BenchmarkConfig {
    Objects.requireNonNull(hulk, "hulk");
    Objects.requireNonNull(frameLabels, "frameLabels");
    if (!(detectionMinSnr >= 0) || Double.isInfinite(detectionMinSnr)) {
      throw new IllegalArgumentException(
          "detection minimum SNR must be finite and >= 0, got " + detectionMinSnr);
    }
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(telescope, "telescope");
  }

  /** These settings with other hulk frames (a tiny map needs frames smaller than 256). */
  public BenchmarkConfig withHulk(HulkConfig newHulk) {
    return new BenchmarkConfig(newHulk, frameLabels, detectionMinSnr, classification, telescope);
  }

  /** These settings with another telescope name. */
  public BenchmarkConfig withTelescope(String newTelescope) {
    return new BenchmarkConfig(hulk, frameLabels, detectionMinSnr, classification, newTelescope);
  }
}
