package org.radioclr.sim.sky;

import java.util.List;
import java.util.Objects;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.model.Gaussian;
import org.radioclr.sim.model.PixelBeam;
import org.radioclr.sim.model.SimSource;

/**
 * Renders a {@link SimSource} convolved with the restoring beam into a {@link Stamp} in Jy/beam.
 *
 * <p>Each intrinsic Gaussian component (covariance {@code C}) convolved with the beam (covariance
 * {@code B}) is the Gaussian of covariance {@code C + B}; its peak in Jy/beam is {@code flux *
 * beamArea / convolvedArea} with areas {@code 2 pi sqrt(det)}, so a point source peaks at its flux
 * and {@code sum(stamp) / beamArea} is the flux in Jy. The model is sampled at pixel centres
 * (integer coordinates). Each component is evaluated only inside its own ellipse of Mahalanobis
 * radius {@code n}, where {@code n} is the larger of {@code minSigmas} and the radius at which the
 * component falls to {@code floorJy}; rows use a multiplicative recurrence, so a pixel costs two
 * multiplications and no {@code exp}.
 *
 * <p>Thread-safe and immutable.
 */
public final class SourceRenderer {

  /** Default truncation radius, in standard deviations of each convolved component. */
  public static final double DEFAULT_SIGMAS = 5.0;

  private final PixelBeam beam;
  private final double minSigmas;
  private final double floorJy;
  private final double bxx;
  private final double bxy;
  private final double byy;

  /** Renderer truncating each component at {@value #DEFAULT_SIGMAS} sigma. */
  public SourceRenderer(PixelBeam beam) {
    this(beam, DEFAULT_SIGMAS, 0);
  }

  /**
   * @param beam restoring beam, pixels
   * @param minSigmas truncation radius of each convolved component at least this many standard
   *     deviations ({@code >= 1})
   * @param floorJy extend a component's box further until it falls below this level, Jy/beam
   *     ({@code >= 0}; 0 = never). Use a small fraction of the map rms so bright sources keep their
   *     wings.
   */
  public SourceRenderer(PixelBeam beam, double minSigmas, double floorJy) {
    this.beam = Objects.requireNonNull(beam, "beam");
    if (!(minSigmas >= 1) || Double.isInfinite(minSigmas)) {
      throw new IllegalArgumentException("truncation must be >= 1 sigma, got " + minSigmas);
    }
    if (!(floorJy >= 0) || Double.isInfinite(floorJy)) {
      throw new IllegalArgumentException("floor must be finite and >= 0, got " + floorJy);
    }
    this.minSigmas = minSigmas;
    this.floorJy = floorJy;
    double[] b = covariance(beam.sigmaMajor(), beam.sigmaMinor(), beam.pa());
    bxx = b[0];
    bxy = b[1];
    byy = b[2];
  }

  public PixelBeam beam() {
    return beam;
  }

  /** Peak of one component after convolution, Jy/beam: {@code flux * beamArea / convolvedArea}. */
  public double componentPeak(Gaussian g) {
    return convolve(g).peak;
  }

  /** Covariance of one component after convolution, pixels squared: {@code {xx, xy, yy}}. */
  public double[] convolvedCovariance(Gaussian g) {
    Convolved c = convolve(g);
    return new double[] {c.cxx, c.cxy, c.cyy};
  }

  /** The analytic convolved model at a map position, Jy/beam (no truncation). */
  public double modelAt(List<Gaussian> components, double x, double y) {
    double s = 0;
    for (Gaussian g : components) {
      Convolved c = convolve(g);
      double dx = x - c.x;
      double dy = y - c.y;
      s += c.peak * Math.exp(-0.5 * (c.ixx * dx * dx + 2 * c.ixy * dx * dy + c.iyy * dy * dy));
    }
    return s;
  }

  /** The map pixels {@link #render} would cover, without rendering. */
  public PixelBox footprint(SimSource source) {
    int x0 = Integer.MAX_VALUE;
    int y0 = Integer.MAX_VALUE;
    int x1 = Integer.MIN_VALUE;
    int y1 = Integer.MIN_VALUE;
    for (Gaussian g : source.components()) {
      Convolved c = convolve(g);
      x0 = Math.min(x0, c.xLo);
      y0 = Math.min(y0, c.yLo);
      x1 = Math.max(x1, c.xHi);
      y1 = Math.max(y1, c.yHi);
    }
    return new PixelBox(x0, y0, x1, y1);
  }

  /** Renders the source: {@code [height][width]} Jy/beam on the map grid. */
  public Stamp render(SimSource source) {
    List<Gaussian> comps = source.components();
    Convolved[] cs = new Convolved[comps.size()];
    int x0 = Integer.MAX_VALUE;
    int y0 = Integer.MAX_VALUE;
    int x1 = Integer.MIN_VALUE;
    int y1 = Integer.MIN_VALUE;
    for (int i = 0; i < cs.length; i++) {
      Convolved c = convolve(comps.get(i));
      cs[i] = c;
      x0 = Math.min(x0, c.xLo);
      y0 = Math.min(y0, c.yLo);
      x1 = Math.max(x1, c.xHi);
      y1 = Math.max(y1, c.yHi);
    }
    int w = x1 - x0 + 1;
    int h = y1 - y0 + 1;
    if ((long) w * h > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "source " + source.id() + " is too large to render: " + w + "x" + h);
    }
    float[] data = new float[w * h];
    for (Convolved c : cs) {
      paint(c, data, x0, y0, w);
    }
    return new Stamp(x0, y0, w, h, data);
  }

  private static void paint(Convolved c, float[] data, int x0, int y0, int w) {
    double n2 = c.n * c.n;
    double a = c.ixx;
    double stepRatio = Math.exp(-a);
    for (int y = c.yLo; y <= c.yHi; y++) {
      double dy = y - c.y;
      // solve a dx^2 + 2 b dy dx + (c dy^2 - n^2) <= 0 for dx
      double bdy = c.ixy * dy;
      double disc = bdy * bdy - a * (c.iyy * dy * dy - n2);
      if (disc < 0) {
        continue;
      }
      double root = Math.sqrt(disc);
      int xa = Math.max(c.xLo, (int) Math.ceil(c.x + (-bdy - root) / a));
      int xb = Math.min(c.xHi, (int) Math.floor(c.x + (-bdy + root) / a));
      if (xa > xb) {
        continue;
      }
      double dx = xa - c.x;
      double e = -0.5 * (a * dx * dx + 2 * bdy * dx + c.iyy * dy * dy);
      double v = c.peak * Math.exp(e);
      double r = Math.exp(-0.5 * (a * (2 * dx + 1) + 2 * bdy));
      int row = (y - y0) * w - x0;
      for (int x = xa; x <= xb; x++) {
        data[row + x] += (float) v;
        v *= r;
        r *= stepRatio;
      }
    }
  }

  private Convolved convolve(Gaussian g) {
    double[] cov = covariance(g.sigmaMajor(), g.sigmaMinor(), g.pa());
    double cxx = cov[0] + bxx;
    double cxy = cov[1] + bxy;
    double cyy = cov[2] + byy;
    double det = cxx * cyy - cxy * cxy;
    double peak = g.flux() * beam.areaPixels() / (2 * Math.PI * Math.sqrt(det));
    double n = minSigmas;
    if (floorJy > 0 && peak > floorJy) {
      n = Math.max(n, Math.sqrt(2 * Math.log(peak / floorJy)));
    }
    return new Convolved(g.x(), g.y(), cxx, cxy, cyy, det, peak, n);
  }

  /** Covariance {xx, xy, yy} of a Gaussian with the given axes and position angle from +x. */
  static double[] covariance(double sigmaMajor, double sigmaMinor, double pa) {
    double c = Math.cos(pa);
    double s = Math.sin(pa);
    double a2 = sigmaMajor * sigmaMajor;
    double b2 = sigmaMinor * sigmaMinor;
    return new double[] {a2 * c * c + b2 * s * s, (a2 - b2) * c * s, a2 * s * s + b2 * c * c};
  }

  /** One convolved component: centre, covariance, its inverse, peak and truncation box. */
  private static final class Convolved {
    final double x;
    final double y;
    final double cxx;
    final double cxy;
    final double cyy;
    final double ixx;
    final double ixy;
    final double iyy;
    final double peak;
    final double n;
    final int xLo;
    final int xHi;
    final int yLo;
    final int yHi;

    Convolved(
        double x, double y, double cxx, double cxy, double cyy, double det, double peak, double n) {
      this.x = x;
      this.y = y;
      this.cxx = cxx;
      this.cxy = cxy;
      this.cyy = cyy;
      this.ixx = cyy / det;
      this.ixy = -cxy / det;
      this.iyy = cxx / det;
      this.peak = peak;
      this.n = n;
      double hx = n * Math.sqrt(cxx);
      double hy = n * Math.sqrt(cyy);
      this.xLo = (int) Math.ceil(x - hx);
      this.xHi = Math.max(xLo, (int) Math.floor(x + hx));
      this.yLo = (int) Math.ceil(y - hy);
      this.yHi = Math.max(yLo, (int) Math.floor(y + hy));
    }
  }
}
