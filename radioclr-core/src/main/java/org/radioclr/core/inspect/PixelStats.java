package org.radioclr.core.inspect;

import org.radioclr.core.cutout.NoiseEstimate;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.core.preprocess.Quickselect;

/**
 * Statistics of the pixel values of one image plane, in the image's unit (usually Jy/beam). A pixel
 * is valid or blank as {@link Pixels#isValid(float)} says (blank = NaN, ±Inf or exactly 0); the
 * value statistics are over the valid pixels only and NaN when there is none.
 *
 * @param pixels number of pixels in the plane, &ge; 1
 * @param blank number of blank pixels, in [0, pixels]
 * @param min smallest valid value
 * @param max largest valid value
 * @param median median of the valid values ({@code numpy.median}: the mean of the two middle values
 *     for an even count)
 * @param rms robust noise rms: the standard deviation of the valid values after 3-sigma clipping
 *     ({@link NoiseEstimate#rms(Plane)}, astropy's {@code sigma_clipped_stats(sigma=3)} std)
 */
public record PixelStats(int pixels, int blank, double min, double max, double median, double rms) {

  public PixelStats {
    if (pixels < 1) {
      throw new IllegalArgumentException("pixels must be >= 1, got " + pixels);
    }
    if (blank < 0 || blank > pixels) {
      throw new IllegalArgumentException("blank must be in [0, " + pixels + "], got " + blank);
    }
    if (blank < pixels && !(min <= max)) {
      throw new IllegalArgumentException("min " + min + " must be <= max " + max);
    }
  }

  /**
   * The statistics of {@code plane}: one pass for the blank count, min and max (gathering the valid
   * values), quickselect for the median, {@link NoiseEstimate#rms(Plane)} for the rms.
   */
  public static PixelStats of(Plane plane) {
    float[] data = plane.data();
    double[] values = new double[data.length];
    int n = 0;
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : data) {
      if (Pixels.isValid(v)) {
        values[n++] = v;
        if (v < min) {
          min = v;
        }
        if (v > max) {
          max = v;
        }
      }
    }
    if (n == 0) {
      return new PixelStats(
          data.length, data.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double median = Quickselect.median(values, n);
    return new PixelStats(data.length, data.length - n, min, max, median, NoiseEstimate.rms(plane));
  }

  /** Number of valid pixels. */
  public int valid() {
    return pixels - blank;
  }

  /** Fraction of blank pixels, in [0, 1]. */
  public double blankFraction() {
    return blank / (double) pixels;
  }
}
