package org.radioclr.sim.model;

/**
 * One elliptical Gaussian component of a source model, before convolution with the beam.
 *
 * @param x centre column, map pixels (0-based)
 * @param y centre row, map pixels (0-based)
 * @param sigmaMajor intrinsic standard deviation along the major axis, pixels ({@code >= 0}; 0 is a
 *     point)
 * @param sigmaMinor intrinsic standard deviation along the minor axis, pixels ({@code 0 <=
 *     sigmaMinor <= sigmaMajor})
 * @param pa position angle of the major axis, radians counter-clockwise from the +x (column) axis
 * @param flux integrated flux density, Jy ({@code > 0})
 */
public record Gaussian(
    double x, double y, double sigmaMajor, double sigmaMinor, double pa, double flux) {

  public Gaussian {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("component centre must be finite, got " + x + ", " + y);
    }
    if (!(sigmaMajor >= 0)
        || !(sigmaMinor >= 0)
        || sigmaMinor > sigmaMajor
        || Double.isInfinite(sigmaMajor)) {
      throw new IllegalArgumentException(
          "need 0 <= sigmaMinor <= sigmaMajor < inf, got " + sigmaMinor + ", " + sigmaMajor);
    }
    if (!Double.isFinite(pa)) {
      throw new IllegalArgumentException("position angle must be finite, got " + pa);
    }
    if (!(flux > 0) || Double.isInfinite(flux)) {
      throw new IllegalArgumentException("component flux must be finite and > 0, got " + flux);
    }
  }

  /** A point component. */
  public static Gaussian point(double x, double y, double flux) {
    return new Gaussian(x, y, 0, 0, 0, flux);
  }
}
