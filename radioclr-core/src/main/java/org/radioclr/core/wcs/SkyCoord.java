package org.radioclr.core.wcs;

import java.util.Objects;

/**
 * A position on the sky: longitude and latitude in degrees in a {@link CelestialFrame} (RA/Dec for
 * ICRS and FK5, l/b for Galactic).
 *
 * <p>The longitude is normalised to [0, 360). A position that does not exist (a pixel beyond a
 * projection's boundary, see {@link Wcs#pixelToSky(double, double)}) has both values NaN; {@link
 * #isValid()} tells them apart.
 *
 * @param lon longitude in degrees, any finite value (stored in [0, 360)) or NaN
 * @param lat latitude in degrees, in [-90, 90] or NaN
 * @param frame the frame the angles are given in
 */
public record SkyCoord(double lon, double lat, CelestialFrame frame) {

  public SkyCoord {
    Objects.requireNonNull(frame, "frame");
    if (Double.isInfinite(lon)) {
      throw new IllegalArgumentException("lon must be finite or NaN, got " + lon);
    }
    if (lat < -90.0 || lat > 90.0 || Double.isInfinite(lat)) {
      throw new IllegalArgumentException("lat must be in [-90, 90], got " + lat);
    }
    if (Double.isNaN(lon) || Double.isNaN(lat)) {
      lon = Double.NaN;
      lat = Double.NaN;
    } else {
      lon = normalizeLongitude(lon);
    }
  }

  /** The invalid position (both angles NaN) in {@code frame}. */
  public static SkyCoord invalid(CelestialFrame frame) {
    return new SkyCoord(Double.NaN, Double.NaN, frame);
  }

  /** Whether this is a real position (not NaN). */
  public boolean isValid() {
    return !Double.isNaN(lat);
  }

  /**
   * This position in another frame (a fixed rotation, see {@link CelestialFrame}); an invalid
   * position stays invalid.
   */
  public SkyCoord to(CelestialFrame target) {
    Objects.requireNonNull(target, "target");
    if (target == frame) {
      return this;
    }
    if (!isValid()) {
      return invalid(target);
    }
    double[] v = unitVector(lon, lat);
    double[][] m = frame.rotationTo(target);
    double x = m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2];
    double y = m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2];
    double z = m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2];
    return new SkyCoord(
        Math.toDegrees(Math.atan2(y, x)), Math.toDegrees(Math.atan2(z, Math.hypot(x, y))), target);
  }

  /**
   * Great-circle distance to {@code other} in degrees (converted to this frame first; Vincenty's
   * formula, accurate at all separations); NaN if either position is invalid.
   */
  public double separationDeg(SkyCoord other) {
    SkyCoord o = other.to(frame);
    double l1 = Math.toRadians(lon);
    double b1 = Math.toRadians(lat);
    double l2 = Math.toRadians(o.lon);
    double b2 = Math.toRadians(o.lat);
    double dl = l2 - l1;
    double num1 = Math.cos(b2) * Math.sin(dl);
    double num2 = Math.cos(b1) * Math.sin(b2) - Math.sin(b1) * Math.cos(b2) * Math.cos(dl);
    double den = Math.sin(b1) * Math.sin(b2) + Math.cos(b1) * Math.cos(b2) * Math.cos(dl);
    return Math.toDegrees(Math.atan2(Math.hypot(num1, num2), den));
  }

  /** A longitude in degrees wrapped into [0, 360). */
  public static double normalizeLongitude(double lonDeg) {
    double l = lonDeg % 360.0;
    if (l < 0.0) {
      l += 360.0;
    }
    return l >= 360.0 ? 0.0 : l;
  }

  private static double[] unitVector(double lonDeg, double latDeg) {
    double l = Math.toRadians(lonDeg);
    double b = Math.toRadians(latDeg);
    double cb = Math.cos(b);
    return new double[] {cb * Math.cos(l), cb * Math.sin(l), Math.sin(b)};
  }
}
