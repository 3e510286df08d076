package org.radioclr.core.wcs;

/**
 * Spherical map projections of Calabretta &amp; Greisen (2002, Paper II, section 5), between native
 * spherical coordinates (phi, theta) and the projection plane (x, y). Everything here is in radians
 * with the sphere radius R0 = 1 (plane coordinates in degrees divided by 180/pi).
 *
 * <p>Both directions return {@code false} for a point outside the projection's domain (beyond the
 * SIN horizon, the far hemisphere of TAN, outside the AIT ellipse, and so on), with the same bounds
 * as wcslib 7. Instances are immutable.
 */
abstract sealed class Projection
    permits Projection.Zenithal, Projection.SlantSin, Projection.Car, Projection.Ait {

  private static final double HALF_PI = Math.PI / 2.0;

  /** Tolerance (radians) for points that fall on a domain boundary through rounding. */
  private static final double TOL = 1.0e-13;

  /** Native latitude of the fiducial point in degrees: 90 for zenithal, 0 for CAR and AIT. */
  abstract double theta0Deg();

  /**
   * Plane to native sphere. Writes phi into {@code out[0]} (in [-pi, pi]) and theta into {@code
   * out[1]}; returns false if (x, y) lies outside the projection.
   */
  abstract boolean toNative(double x, double y, double[] out);

  /**
   * Native sphere to plane. Writes x into {@code out[0]} and y into {@code out[1]}; returns false
   * if (phi, theta) cannot be projected.
   */
  abstract boolean toPlane(double phi, double theta, double[] out);

  /** Zenithal projections: the plane radius R depends on theta only (Paper II eq. 12-13). */
  abstract static sealed class Zenithal extends Projection permits Tan, Sin, Arc, Stg, Zea {
    @Override
    final double theta0Deg() {
      return 90.0;
    }

    /** theta for plane radius r, or NaN outside the domain. */
    abstract double theta(double r);

    /** Plane radius for theta, or NaN if theta cannot be projected. */
    abstract double radius(double theta);

    @Override
    final boolean toNative(double x, double y, double[] out) {
      double r = Math.hypot(x, y);
      double theta = theta(r);
      if (Double.isNaN(theta)) {
        return false;
      }
      out[0] = r == 0.0 ? 0.0 : Math.atan2(x, -y);
      out[1] = theta;
      return true;
    }

    @Override
    final boolean toPlane(double phi, double theta, double[] out) {
      double r = radius(theta);
      if (Double.isNaN(r)) {
        return false;
      }
      out[0] = r * Math.sin(phi);
      out[1] = -r * Math.cos(phi);
      return true;
    }
  }

  /** TAN, gnomonic: R = cot(theta); only the hemisphere theta &gt; 0 projects. */
  static final class Tan extends Zenithal {
    @Override
    double theta(double r) {
      return Math.atan2(1.0, r);
    }

    @Override
    double radius(double theta) {
      double s = Math.sin(theta);
      return s > 0.0 ? Math.cos(theta) / s : Double.NaN;
    }
  }

  /** SIN, orthographic: R = cos(theta); the plane ends at R = 1 (the horizon, theta = 0). */
  static final class Sin extends Zenithal {
    @Override
    double theta(double r) {
      double r2 = r * r;
      if (r2 < 0.5) {
        return Math.acos(r);
      }
      if (r2 <= 1.0) {
        return Math.asin(Math.sqrt(1.0 - r2));
      }
      return Double.NaN;
    }

    @Override
    double radius(double theta) {
      return theta >= 0.0 ? Math.cos(theta) : Double.NaN;
    }
  }

  /** ARC, zenithal equidistant: R = pi/2 - theta. */
  static final class Arc extends Zenithal {
    @Override
    double theta(double r) {
      double theta = HALF_PI - r;
      if (theta < -HALF_PI) {
        return theta < -HALF_PI - TOL ? Double.NaN : -HALF_PI;
      }
      return theta;
    }

    @Override
    double radius(double theta) {
      return HALF_PI - theta;
    }
  }

  /** STG, stereographic: R = 2 cos(theta) / (1 + sin(theta)); the antipode does not project. */
  static final class Stg extends Zenithal {
    @Override
    double theta(double r) {
      return HALF_PI - 2.0 * Math.atan(r / 2.0);
    }

    @Override
    double radius(double theta) {
      double s = 1.0 + Math.sin(theta);
      return s == 0.0 ? Double.NaN : 2.0 * Math.cos(theta) / s;
    }
  }

  /** ZEA, zenithal equal-area: R = 2 sin((pi/2 - theta) / 2); the plane ends at R = 2. */
  static final class Zea extends Zenithal {
    @Override
    double theta(double r) {
      double s = r / 2.0;
      if (s > 1.0) {
        return s - 1.0 < TOL ? -HALF_PI : Double.NaN;
      }
      return HALF_PI - 2.0 * Math.asin(s);
    }

    @Override
    double radius(double theta) {
      return 2.0 * Math.sin((HALF_PI - theta) / 2.0);
    }
  }

  /**
   * SIN with obliqueness parameters xi = {@code PV2_1}, eta = {@code PV2_2} (Paper II eq. 38-45),
   * the "synthesis" projection; NCP is this with xi = 0, eta = cot(delta0). The inverse solves a
   * quadratic in sin(theta) and keeps the root nearer the pole, as wcslib does.
   */
  static final class SlantSin extends Projection {
    private final double xi;
    private final double eta;

    SlantSin(double xi, double eta) {
      this.xi = xi;
      this.eta = eta;
    }

    @Override
    double theta0Deg() {
      return 90.0;
    }

    @Override
    boolean toNative(double x, double y, double[] out) {
      double r2 = x * x + y * y;
      double xy = x * xi + y * eta;
      double w1 = xi * xi + eta * eta;
      double z;
      double theta;
      if (r2 < 1.0e-10) {
        z = r2 / 2.0;
        theta = HALF_PI - Math.sqrt(r2 / (1.0 + xy));
      } else {
        double a = w1 + 1.0;
        double b = xy - w1;
        double c = r2 - xy - xy + w1 - 1.0;
        double d = b * b - a * c;
        if (d < 0.0) {
          return false;
        }
        d = Math.sqrt(d);
        double s1 = (-b + d) / a;
        double s2 = (-b - d) / a;
        double sinTheta = Math.max(s1, s2);
        if (sinTheta > 1.0) {
          sinTheta = sinTheta - 1.0 < TOL ? 1.0 : Math.min(s1, s2);
        }
        if (sinTheta < -1.0 && sinTheta + 1.0 > -TOL) {
          sinTheta = -1.0;
        }
        if (sinTheta > 1.0 || sinTheta < -1.0) {
          return false;
        }
        theta = Math.asin(sinTheta);
        z = 1.0 - sinTheta;
      }
      double u = -y + eta * z;
      double v = x - xi * z;
      out[0] = (u == 0.0 && v == 0.0) ? 0.0 : Math.atan2(v, u);
      out[1] = theta;
      return true;
    }

    @Override
    boolean toPlane(double phi, double theta, double[] out) {
      double sinPhi = Math.sin(phi);
      double cosPhi = Math.cos(phi);
      // The near side of the slanted horizon: theta >= -atan(xi sin(phi) - eta cos(phi)).
      if (theta < -Math.atan(xi * sinPhi - eta * cosPhi)) {
        return false;
      }
      double half = (HALF_PI - theta) / 2.0;
      double z = 2.0 * Math.sin(half) * Math.sin(half); // 1 - sin(theta), without cancellation
      double r = Math.cos(theta);
      out[0] = r * sinPhi + xi * z;
      out[1] = -r * cosPhi + eta * z;
      return true;
    }
  }

  /**
   * CAR, plate carree: x = phi, y = theta (Paper II eq. 84-85); |x| &gt; pi or |y| &gt; pi/2 is
   * off.
   */
  static final class Car extends Projection {
    @Override
    double theta0Deg() {
      return 0.0;
    }

    @Override
    boolean toNative(double x, double y, double[] out) {
      if (Math.abs(x) > Math.PI + TOL || Math.abs(y) > HALF_PI + TOL) {
        return false;
      }
      out[0] = Math.max(-Math.PI, Math.min(Math.PI, x));
      out[1] = Math.max(-HALF_PI, Math.min(HALF_PI, y));
      return true;
    }

    @Override
    boolean toPlane(double phi, double theta, double[] out) {
      out[0] = phi;
      out[1] = theta;
      return true;
    }
  }

  /** AIT, Hammer-Aitoff equal-area (Paper II eq. 107-110); the plane ends at an ellipse. */
  static final class Ait extends Projection {
    @Override
    double theta0Deg() {
      return 0.0;
    }

    @Override
    boolean toNative(double x, double y, double[] out) {
      double s = 1.0 - x * x / 16.0 - y * y / 4.0;
      if (s < 0.5) {
        if (s < 0.5 - TOL) {
          return false;
        }
        s = 0.5;
      }
      double z = Math.sqrt(s);
      double u = 2.0 * z * z - 1.0;
      double v = z * x / 2.0;
      out[0] = (u == 0.0 && v == 0.0) ? 0.0 : 2.0 * Math.atan2(v, u);
      double t = z * y;
      if (Math.abs(t) > 1.0) {
        if (Math.abs(t) > 1.0 + TOL) {
          return false;
        }
        out[1] = Math.copySign(HALF_PI, t);
      } else {
        out[1] = Math.asin(t);
      }
      return true;
    }

    @Override
    boolean toPlane(double phi, double theta, double[] out) {
      double cosTheta = Math.cos(theta);
      double w = Math.sqrt(2.0 / (1.0 + cosTheta * Math.cos(phi / 2.0)));
      out[0] = 2.0 * w * cosTheta * Math.sin(phi / 2.0);
      out[1] = w * Math.sin(theta);
      return true;
    }
  }
}
