package org.radioclr.core.fits;

import java.util.Optional;
import nom.tam.fits.Header;

/**
 * The restoring beam of a radio map as an ellipse: full widths at half maximum of the major and
 * minor axes and the position angle of the major axis (east of north), all in degrees, as in the
 * FITS keywords {@code BMAJ}, {@code BMIN}, {@code BPA}.
 */
public record Beam(double major, double minor, double positionAngle) {

  public Beam {
    if (!(major > 0) || !Double.isFinite(major)) {
      throw new IllegalArgumentException("beam major axis must be > 0 degrees, got " + major);
    }
    if (!(minor > 0) || !Double.isFinite(minor)) {
      throw new IllegalArgumentException("beam minor axis must be > 0 degrees, got " + minor);
    }
    if (!Double.isFinite(positionAngle)) {
      throw new IllegalArgumentException(
          "beam position angle must be finite, got " + positionAngle);
    }
  }

  /** A circular beam of the given FWHM in arcseconds (the FIRST survey's is 5.4"). */
  public static Beam circularArcsec(double fwhmArcsec) {
    return new Beam(fwhmArcsec / 3600.0, fwhmArcsec / 3600.0, 0.0);
  }

  /** Major axis FWHM in arcseconds. */
  public double majorArcsec() {
    return major * 3600.0;
  }

  /** Minor axis FWHM in arcseconds. */
  public double minorArcsec() {
    return minor * 3600.0;
  }

  /**
   * The beam described by {@code BMAJ}, {@code BMIN} and {@code BPA} (0 when absent); empty when
   * {@code BMAJ} or {@code BMIN} is missing or not a positive number.
   */
  public static Optional<Beam> fromHeader(Header header) {
    double bmaj = header.getDoubleValue("BMAJ", Double.NaN);
    double bmin = header.getDoubleValue("BMIN", Double.NaN);
    double bpa = header.getDoubleValue("BPA", 0.0);
    if (!(bmaj > 0) || !(bmin > 0) || !Double.isFinite(bmaj) || !Double.isFinite(bmin)) {
      return Optional.empty();
    }
    return Optional.of(new Beam(bmaj, bmin, Double.isFinite(bpa) ? bpa : 0.0));
  }
}
