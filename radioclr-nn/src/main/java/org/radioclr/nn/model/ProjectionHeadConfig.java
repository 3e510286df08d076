package org.radioclr.nn.model;

import org.radioclr.core.io.Json;

/**
 * Sizes of the SimCLR {@link ProjectionHead} (paper Table 3: 512 -&gt; 256 -&gt; 128). In JSON a
 * missing key takes {@link #paper()}'s value.
 *
 * @param inputDim width of the encoder features
 * @param hiddenDim width of the hidden layer
 * @param outputDim width of the projections the contrastive loss sees
 */
public record ProjectionHeadConfig(int inputDim, int hiddenDim, int outputDim) {
  /** Validates the fields. */
  public ProjectionHeadConfig {
    if (inputDim < 1) {
      throw new IllegalArgumentException("inputDim must be >= 1, got " + inputDim);
    }
    if (hiddenDim < 1) {
      throw new IllegalArgumentException("hiddenDim must be >= 1, got " + hiddenDim);
    }
    if (outputDim < 1) {
      throw new IllegalArgumentException("outputDim must be >= 1, got " + outputDim);
    }
  }

  /** The paper's head: 512 -&gt; 256 -&gt; 128. */
  @Json.Defaults
  public static ProjectionHeadConfig paper() {
    return new ProjectionHeadConfig(512, 256, 128);
  }
}
