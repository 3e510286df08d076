package org.radioclr.core.augment;

import java.util.SplittableRandom;

/**
 * One augmentation of the paper's Table 2: an immutable, validated configuration record that
 * transforms a view in place. All parameters of one application (crop position, jitter factors,
 * angle, sigma, percentiles) are drawn from the {@link SplittableRandom} passed in, so a view is a
 * pure function of the input and the random stream. Records are shared freely between threads; the
 * {@link AugmentView} (scratch memory) is per thread.
 */
public sealed interface Augmentation
    permits RandomCropResize,
        ColorJitter,
        HorizontalFlip,
        VerticalFlip,
        Rotate90,
        GaussianBlur,
        RandomThreshold {

  /**
   * Transforms the view in place (its shape is kept), drawing its parameters from {@code random}.
   */
  void apply(AugmentView view, SplittableRandom random);

  /**
   * Throws {@link IllegalArgumentException} if this augmentation cannot handle images of this
   * shape. The pipeline checks every step before drawing anything, so an unsuitable shape fails at
   * once rather than only when the step happens to be drawn.
   */
  default void checkShape(int channels, int height, int width) {}

  /** The probability Table 2 gives this step (used when a configuration does not say). */
  double paperProbability();

  /** Uniform draw in {@code [lo, hi)} (exactly {@code lo} when equal); always one draw. */
  static double uniform(SplittableRandom random, double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }
}
