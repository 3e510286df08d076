package org.radioclr.sim.model;

/**
 * The restoring beam in map pixels: an elliptical Gaussian with standard deviations along its axes
 * and the position angle of its major axis (radians counter-clockwise from +x, as {@link
 * Gaussian}). Convolving a {@link Gaussian} of total flux S with it gives a peak of {@code S *
 * beamArea / convolvedArea} Jy/beam, areas being {@code 2 pi sigmaMajor sigmaMinor}.
 */
public record PixelBeam(double sigmaMajor, double sigmaMinor, double pa) {

  public PixelBeam {
    if (!(sigmaMinor > 0) || sigmaMinor > sigmaMajor || Double.isInfinite(sigmaMajor)) {
      throw new IllegalArgumentException(
          "need 0 < sigmaMinor <= sigmaMajor < inf, got " + sigmaMinor + ", " + sigmaMajor);
    }
  }

  /** FWHM = {@code 2 sqrt(2 ln 2)} sigma. */
  public static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));

  /**
   * The beam of FWHM {@code bmajArcsec x bminArcsec} at position angle {@code bpaDeg} (degrees east
   * of north, the FITS BPA convention) on a map of {@code pixelArcsec} square pixels with RA
   * increasing to the left (-x) and Dec up (+y): north is +y, east is -x.
   */
  public static PixelBeam fromFwhm(
      double bmajArcsec, double bminArcsec, double bpaDeg, double pixelArcsec) {
    double paFromX = Math.toRadians(90 + bpaDeg);
    return new PixelBeam(
        bmajArcsec / pixelArcsec / FWHM_PER_SIGMA,
        bminArcsec / pixelArcsec / FWHM_PER_SIGMA,
        paFromX);
  }

  /** Beam solid angle in pixels, {@code 2 pi sigmaMajor sigmaMinor}. */
  public double areaPixels() {
    return 2 * Math.PI * sigmaMajor * sigmaMinor;
  }
}
