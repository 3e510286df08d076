package org.radioclr.core.wcs;

/**
 * The rotation between native spherical coordinates (phi, theta) of a projection and celestial
 * coordinates (lon, lat), Calabretta &amp; Greisen (2002, Paper II, section 2.2-2.4).
 *
 * <p>Set up from the celestial coordinates of the fiducial point (CRVAL), the native coordinates of
 * that point (phi0 = 0, theta0 from the projection), the native longitude of the celestial pole
 * (LONPOLE, default 0 or 180) and LATPOLE (default +90, used only to choose between two solutions
 * for the celestial latitude of the native pole), following wcslib's {@code celset}. The rotation
 * itself is applied to unit vectors, so precision holds next to the poles too. Angles in the
 * methods are radians; immutable.
 */
final class SphericalRotation {
  private static final double TOL_DEG = 1.0e-10;

  /** Celestial longitude and latitude of the native pole, native longitude of celestial pole. */
  private final double alphaP;

  private final double sinDeltaP;
  private final double cosDeltaP;
  private final double phiP;

  private SphericalRotation(double alphaPDeg, double deltaPDeg, double phiPDeg) {
    this.alphaP = Math.toRadians(alphaPDeg);
    this.sinDeltaP = sind(deltaPDeg);
    this.cosDeltaP = cosd(deltaPDeg);
    this.phiP = Math.toRadians(phiPDeg);
  }

  /**
   * @param lon0 celestial longitude of the fiducial point (CRVAL of the longitude axis), degrees
   * @param lat0 celestial latitude of the fiducial point, degrees
   * @param theta0 native latitude of the fiducial point, degrees (90 zenithal, 0 for CAR/AIT)
   * @param lonpole LONPOLE in degrees, or NaN for the default
   * @param latpole LATPOLE in degrees, or NaN for the default (+90)
   * @throws WcsException when no celestial pole fits these values
   */
  static SphericalRotation of(
      double lon0, double lat0, double theta0, double lonpole, double latpole) {
    final double phi0 = 0.0;
    double phip = lonpole;
    if (Double.isNaN(phip)) {
      phip = (lat0 < theta0 ? 180.0 : 0.0) + phi0;
    }
    double latp = Double.isNaN(latpole) ? 90.0 : latpole;
    if (theta0 == 90.0) {
      return new SphericalRotation(lon0, lat0, phip);
    }
    double slat0 = sind(lat0);
    double clat0 = cosd(lat0);
    double sthe0 = sind(theta0);
    double cthe0 = cosd(theta0);
    double sphip;
    double u;
    double v;
    boolean latpFixed = false;
    if (phip == phi0) {
      sphip = 0.0;
      u = theta0;
      v = 90.0 - lat0;
    } else {
      sphip = sind(phip - phi0);
      double x = cthe0 * cosd(phip - phi0);
      double y = sthe0;
      double z = Math.hypot(x, y);
      if (z == 0.0) {
        if (slat0 != 0.0) {
          throw new WcsException(
              "no celestial pole fits CRVAL latitude "
                  + lat0
                  + " with LONPOLE "
                  + phip
                  + " (|LONPOLE| = 90 needs CRVAL latitude 0 for this projection)");
        }
        latp = Math.max(-90.0, Math.min(90.0, latp));
        latpFixed = true;
        u = 0.0;
        v = 0.0;
      } else {
        double slz = slat0 / z;
        if (Math.abs(slz) > 1.0) {
          if (Math.abs(slz) - 1.0 >= TOL_DEG) {
            throw new WcsException(
                "no celestial pole fits CRVAL latitude "
                    + lat0
                    + " with LONPOLE "
                    + phip
                    + " (needs |latitude| <= "
                    + Math.toDegrees(Math.asin(z))
                    + ")");
          }
          slz = Math.copySign(1.0, slz);
        }
        u = Math.toDegrees(Math.atan2(y, x));
        v = Math.toDegrees(Math.acos(slz));
      }
    }
    if (!latpFixed) {
      double latp1 = wrap180(u + v);
      double latp2 = wrap180(u - v);
      boolean ok1 = Math.abs(latp1) < 90.0 + TOL_DEG;
      boolean ok2 = Math.abs(latp2) < 90.0 + TOL_DEG;
      if (Math.abs(latp - latp1) < Math.abs(latp - latp2)) {
        latp = ok1 ? latp1 : latp2;
      } else {
        latp = ok2 ? latp2 : latp1;
      }
      if (Math.abs(latp) < 90.0 + TOL_DEG) {
        latp = Math.max(-90.0, Math.min(90.0, latp));
      } else {
        throw new WcsException(
            "no celestial pole fits CRVAL latitude " + lat0 + " with LONPOLE " + phip);
      }
    }
    double z = cosd(latp) * clat0;
    double lngp;
    if (Math.abs(z) < TOL_DEG) {
      if (Math.abs(clat0) < TOL_DEG) {
        lngp = lon0;
      } else if (latp > 0.0) {
        lngp = lon0 + phip - phi0 - 180.0;
      } else {
        lngp = lon0 - phip + phi0;
      }
    } else {
      double x = (sthe0 - sind(latp) * slat0) / z;
      double y = sphip * cthe0 / clat0;
      lngp = lon0 - Math.toDegrees(Math.atan2(y, x));
    }
    return new SphericalRotation(lngp, latp, phip);
  }

  /**
   * Native (phi, theta) to celestial: writes lon (in [0, 2 pi)) and lat into {@code out}, radians.
   */
  void toCelestial(double phi, double theta, double[] out) {
    rotate(phi - phiP, theta, out);
    out[0] = normalize(alphaP + out[0]);
  }

  /** Celestial (lon, lat) to native: writes phi (in [-pi, pi]) and theta into {@code out}. */
  void toNative(double lon, double lat, double[] out) {
    rotate(lon - alphaP, lat, out);
    double phi = phiP + out[0];
    phi = Math.IEEEremainder(phi, 2.0 * Math.PI);
    out[0] = phi;
  }

  /**
   * The Euler rotation of Paper II eq. 2 and 5, which has the same form in both directions: given a
   * longitude difference and a latitude, returns the other system's longitude difference and
   * latitude.
   */
  private void rotate(double dLon, double lat, double[] out) {
    double cosLat = Math.cos(lat);
    double u = cosLat * Math.cos(dLon);
    double v = cosLat * Math.sin(dLon);
    double w = Math.sin(lat);
    double x = w * cosDeltaP - u * sinDeltaP;
    double y = -v;
    double z = w * sinDeltaP + u * cosDeltaP;
    out[0] = Math.atan2(y, x);
    out[1] = Math.atan2(z, Math.hypot(x, y));
  }

  private static double normalize(double lonRad) {
    double twoPi = 2.0 * Math.PI;
    double l = lonRad % twoPi;
    if (l < 0.0) {
      l += twoPi;
    }
    return l >= twoPi ? 0.0 : l;
  }

  private static double wrap180(double deg) {
    if (deg > 180.0) {
      return deg - 360.0;
    }
    if (deg < -180.0) {
      return deg + 360.0;
    }
    return deg;
  }

  /** sin of degrees, exact at multiples of 90. */
  static double sind(double deg) {
    double r = deg % 90.0;
    if (r == 0.0) {
      long q = Math.floorMod(Math.round(deg / 90.0), 4);
      return q == 1 ? 1.0 : q == 3 ? -1.0 : 0.0;
    }
    return Math.sin(Math.toRadians(deg));
  }

  /** cos of degrees, exact at multiples of 90. */
  static double cosd(double deg) {
    double r = deg % 90.0;
    if (r == 0.0) {
      long q = Math.floorMod(Math.round(deg / 90.0), 4);
      return q == 0 ? 1.0 : q == 2 ? -1.0 : 0.0;
    }
    return Math.cos(Math.toRadians(deg));
  }
}
