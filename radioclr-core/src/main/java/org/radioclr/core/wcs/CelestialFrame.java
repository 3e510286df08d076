package org.radioclr.core.wcs;

/**
 * Celestial reference frames a {@link Wcs} can describe and {@link SkyCoord} can convert between.
 * Longitude and latitude are in degrees: (RA, Dec) for {@link #ICRS} and {@link #FK5}, (l, b) for
 * {@link #GALACTIC}.
 *
 * <p>The conversions are fixed rotations, defined as in astropy 5.2: ICRS to FK5 (J2000) is the
 * frame-bias matrix of USNO Circular 179 (Kaplan 2005; offsets of about 20 mas), and FK5 (J2000) to
 * Galactic uses the north Galactic pole at (192.8594812065348, 27.12825118085622) deg and the
 * longitude of the north celestial pole l = 122.9319185680026 deg. ICRS to Galactic goes through
 * FK5, as astropy's transform graph does.
 */
public enum CelestialFrame {
  /** International Celestial Reference System (the FITS default when no equinox is given). */
  ICRS,
  /** FK5 at equinox J2000 ({@code RADESYS='FK5'}, or {@code EQUINOX}/{@code EPOCH} 2000). */
  FK5,
  /** Galactic coordinates (IAU 1958, as realised by astropy), {@code GLON}/{@code GLAT} axes. */
  GALACTIC;

  /**
   * The 3x3 rotation taking unit vectors in this frame to unit vectors in {@code target} (row-major
   * {@code [3][3]}; shared, not to be modified).
   */
  double[][] rotationTo(CelestialFrame target) {
    return FrameRotations.between(this, target);
  }
}
