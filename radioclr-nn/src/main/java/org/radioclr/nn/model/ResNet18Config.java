package org.radioclr.nn.model;

import org.radioclr.core.io.Json;

/**
 * Shape of a {@link ResNet18}. In JSON a missing key takes {@link #encoder()}'s value.
 *
 * @param inputChannels channels of the input images (3 for the paper's three-channel cutouts)
 * @param smallInputStem true for the small-image stem (conv1 3x3 stride 1 padding 1, no max-pool),
 *     meant for images of 64 px or less; false for torchvision's stem (conv1 7x7 stride 2 padding 3
 *     and a 3x3 stride 2 max-pool)
 * @param numClasses 0 for the 512-d encoder (no {@code fc}), otherwise the size of the {@code fc}
 *     classification head (1000 for ImageNet)
 */
public record ResNet18Config(int inputChannels, boolean smallInputStem, int numClasses) {
  /** Width of the pooled feature vector. */
  public static final int FEATURE_DIM = 512;

  /** Validates the fields. */
  public ResNet18Config {
    if (inputChannels < 1) {
      throw new IllegalArgumentException("inputChannels must be >= 1, got " + inputChannels);
    }
    if (numClasses < 0) {
      throw new IllegalArgumentException(
          "numClasses must be >= 0 (0 = no fc head), got " + numClasses);
    }
  }

  /** The 512-d encoder on three-channel images with torchvision's stem. */
  @Json.Defaults
  public static ResNet18Config encoder() {
    return new ResNet18Config(3, false, 0);
  }

  /** The 512-d encoder on three-channel images; the small stem when {@code smallInputStem}. */
  public static ResNet18Config encoder(boolean smallInputStem) {
    return new ResNet18Config(3, smallInputStem, 0);
  }

  /** torchvision's {@code resnet18()}: three channels, standard stem, 1000-class {@code fc}. */
  public static ResNet18Config imagenet() {
    return new ResNet18Config(3, false, 1000);
  }

  /** Whether the network ends with the {@code fc} head. */
  public boolean hasClassifier() {
    return numClasses > 0;
  }
}
