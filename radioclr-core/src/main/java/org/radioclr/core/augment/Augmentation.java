package org.radioclr.core.augment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.SplittableRandom;

/**
 * One augmentation of the paper's Table 2: an immutable, validated configuration record that
 * transforms a view in place. All parameters of one application (crop position, jitter factors,
 * angle, sigma, percentiles) are drawn from the {@link SplittableRandom} passed in, so a view is a
 * pure function of the input and the random stream. Records are shared freely between threads; the
 * {@link AugmentView} (scratch memory) is per thread. In JSON an augmentation is an object whose
 * {@code "type"} names it, beside the record's keys (a missing key takes the paper's value).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RandomCropResize.class, name = "random_crop_resize"),
  @JsonSubTypes.Type(value = ColorJitter.class, name = "color_jitter"),
  @JsonSubTypes.Type(value = HorizontalFlip.class, name = "horizontal_flip"),
  @JsonSubTypes.Type(value = VerticalFlip.class, name = "vertical_flip"),
  @JsonSubTypes.Type(value = Rotate90.class, name = "rotate90"),
  @JsonSubTypes.Type(value = RandomRotate.class, name = "rotate"),
  @JsonSubTypes.Type(value = GaussianBlur.class, name = "gaussian_blur"),
  @JsonSubTypes.Type(value = RandomThreshold.class, name = "random_threshold")
})
public sealed interface Augmentation
    permits RandomCropResize,
        ColorJitter,
        HorizontalFlip,
        VerticalFlip,
        Rotate90,
        RandomRotate,
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
