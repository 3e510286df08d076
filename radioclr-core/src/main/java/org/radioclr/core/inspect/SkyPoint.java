package org.radioclr.core.inspect;

import java.util.Objects;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;

/**
 * A pixel of a map and where it lies on the sky, in equatorial and Galactic coordinates; both
 * positions are invalid (NaN) when the pixel is outside the projection's domain.
 *
 * @param x 0-based pixel position along NAXIS1 (the centre of the first pixel is 0)
 * @param y 0-based pixel position along NAXIS2
 * @param equatorial RA/Dec in degrees, in the map's frame when that is ICRS or FK5, else ICRS
 * @param galactic l/b in degrees
 */
public record SkyPoint(double x, double y, SkyCoord equatorial, SkyCoord galactic) {

  public SkyPoint {
    Objects.requireNonNull(equatorial, "equatorial");
    Objects.requireNonNull(galactic, "galactic");
    if (equatorial.frame() == CelestialFrame.GALACTIC) {
      throw new IllegalArgumentException("equatorial position must be ICRS or FK5, got GALACTIC");
    }
    if (galactic.frame() != CelestialFrame.GALACTIC) {
      throw new IllegalArgumentException(
          "galactic position must be GALACTIC, got " + galactic.frame());
    }
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException(
          "pixel position must be finite, got (" + x + ", " + y + ")");
    }
  }

  /** Whether the pixel has a sky position. */
  public boolean isValid() {
    return equatorial.isValid();
  }
}
