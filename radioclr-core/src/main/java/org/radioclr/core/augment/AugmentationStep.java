package org.radioclr.core.augment;

import java.util.Objects;

/**
 * One step of an {@link AugmentationPipeline}: an augmentation and the probability with which it is
 * applied to a view.
 *
 * @param augmentation what to apply
 * @param probability chance of applying it, in [0, 1]
 */
public record AugmentationStep(Augmentation augmentation, double probability) {

  public AugmentationStep {
    Objects.requireNonNull(augmentation, "augmentation");
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
    }
  }

  /** The augmentation with the probability the paper's Table 2 gives it. */
  public static AugmentationStep paper(Augmentation augmentation) {
    return new AugmentationStep(augmentation, augmentation.paperProbability());
  }
}
