package org.radioclr.detect;

import java.util.Objects;
import org.radioclr.formats.labels.DetectionClass;

/**
 * One object of an image, true or detected: its class, its score (1 for truth and for detectors
 * without one) and its pixels, a {@link PixelSet} of the image.
 *
 * @param pixels its mask
 * @param detectionClass its class
 * @param score detection score in [0, 1]
 */
public record Instance(PixelSet pixels, DetectionClass detectionClass, double score) {

  public Instance {
    Objects.requireNonNull(pixels, "pixels");
    Objects.requireNonNull(detectionClass, "detectionClass");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1], got " + score);
    }
  }

  /** A true object (score 1). */
  public static Instance truth(PixelSet pixels, DetectionClass c) {
    return new Instance(pixels, c, 1);
  }
}
