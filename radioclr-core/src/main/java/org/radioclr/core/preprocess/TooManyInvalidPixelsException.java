package org.radioclr.core.preprocess;

import java.util.Locale;
import org.radioclr.core.RadioclrException;

/**
 * An image whose fraction of invalid pixels (NaN, infinite or exactly 0) is above the configured
 * limit, or that has no valid pixel at all. When the caller knows the file it reports this as a
 * {@link org.radioclr.core.BadInputException} with the same message (see {@link
 * Preprocessor#process(org.radioclr.core.image.Plane, java.nio.file.Path)}).
 */
public final class TooManyInvalidPixelsException extends RadioclrException {
  private static final long serialVersionUID = 1L;

  private final double invalidFraction;
  private final double limit;

  public TooManyInvalidPixelsException(double invalidFraction, double limit) {
    super(message(invalidFraction, limit));
    this.invalidFraction = invalidFraction;
    this.limit = limit;
  }

  /** Fraction of invalid pixels in the image, in [0, 1]. */
  public double invalidFraction() {
    return invalidFraction;
  }

  /** The configured limit. */
  public double limit() {
    return limit;
  }

  /**
   * What images rejected for this share: {@code more than 30% of pixels blank or NaN} (the limit,
   * not this image's fraction).
   */
  public String reason() {
    return "more than " + percent(limit) + " of pixels blank or NaN";
  }

  private static String message(double fraction, double limit) {
    if (fraction >= 1) {
      return "all pixels are blank or NaN";
    }
    return String.format(Locale.ROOT, "%.1f%% of pixels are blank or NaN", fraction * 100)
        + " (limit "
        + percent(limit)
        + ")";
  }

  private static String percent(double limit) {
    double p = limit * 100;
    String s = String.format(Locale.ROOT, "%.4f", p).replaceAll("0+$", "").replaceAll("\\.$", "");
    return s + "%";
  }
}
