package org.radioclr.sim.sky;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.radioclr.sim.model.Gaussian;
import org.radioclr.sim.model.PixelBeam;

/**
 * The survey a shape is drawn for (beam, pixel scale, noise) and the building blocks shared by the
 * morphology builders: Gaussians sized to a surface brightness, chains along curves, rings, and
 * random draws. All lengths are map pixels, brightnesses Jy/beam.
 */
final class ShapeKit {

  /** Side of a hulk frame, pixels: the scale of "large" diffuse sources and the largest sizes. */
  static final int FRAME = 256;

  final PixelBeam beam;
  final SourceRenderer renderer;
  final double pixelArcsec;
  final double rmsJy;

  /** Beam FWHM, geometric mean of the axes, pixels. */
  final double beamFwhm;

  ShapeKit(PixelBeam beam, double pixelArcsec, double rmsJy) {
    this.beam = beam;
    this.renderer = new SourceRenderer(beam);
    this.pixelArcsec = pixelArcsec;
    this.rmsJy = rmsJy;
    this.beamFwhm = Math.sqrt(beam.sigmaMajor() * beam.sigmaMinor()) * PixelBeam.FWHM_PER_SIGMA;
  }

  /** Pixels of an angle in arcsec. */
  double px(double arcsec) {
    return arcsec / pixelArcsec;
  }

  /**
   * A Gaussian of the given intrinsic FWHM axes (pixels, in either order) and position angle
   * (radians from +x) whose convolved peak is {@code peakJy}.
   */
  Gaussian withPeak(double x, double y, double fwhmA, double fwhmB, double pa, double peakJy) {
    Gaussian unit = shaped(x, y, fwhmA, fwhmB, pa, 1.0);
    double f = peakJy / renderer.componentPeak(unit);
    return new Gaussian(x, y, unit.sigmaMajor(), unit.sigmaMinor(), unit.pa(), f);
  }

  /** A Gaussian of the given intrinsic FWHM axes (either order) and total flux, Jy. */
  static Gaussian shaped(double x, double y, double fwhmA, double fwhmB, double pa, double flux) {
    double a = Math.max(0, fwhmA) / PixelBeam.FWHM_PER_SIGMA;
    double b = Math.max(0, fwhmB) / PixelBeam.FWHM_PER_SIGMA;
    if (b > a) {
      return new Gaussian(x, y, b, a, pa + Math.PI / 2, flux);
    }
    return new Gaussian(x, y, a, b, pa, flux);
  }

  /** The same components with every flux multiplied by {@code k}. */
  static List<Gaussian> scaled(List<Gaussian> comps, double k) {
    List<Gaussian> out = new ArrayList<>(comps.size());
    for (Gaussian g : comps) {
      out.add(new Gaussian(g.x(), g.y(), g.sigmaMajor(), g.sigmaMinor(), g.pa(), g.flux() * k));
    }
    return out;
  }

  /** The components rescaled so the total flux is {@code totalJy}. */
  static List<Gaussian> withTotal(List<Gaussian> comps, double totalJy) {
    double s = 0;
    for (Gaussian g : comps) {
      s += g.flux();
    }
    return scaled(comps, totalJy / s);
  }

  /**
   * The components rescaled so the convolved model peaks at about {@code peakJy} (the maximum over
   * the component centres, which is where sums of Gaussians peak unless they are sparse).
   */
  List<Gaussian> withPeak(List<Gaussian> comps, double peakJy) {
    double max = 0;
    for (Gaussian g : comps) {
      max = Math.max(max, renderer.modelAt(comps, g.x(), g.y()));
    }
    return scaled(comps, peakJy / max);
  }

  /**
   * Gaussians spaced along a polyline {@code xs, ys} (at least 2 points), each elongated along the
   * local direction: intrinsic minor FWHM {@code widths[i]}, major FWHM {@code 1.2 x} the spacing
   * (so the chain is smooth), relative fluxes {@code weights[i]}.
   */
  static List<Gaussian> chain(double[] xs, double[] ys, double[] widths, double[] weights) {
    int n = xs.length;
    List<Gaussian> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int a = Math.max(0, i - 1);
      int b = Math.min(n - 1, i + 1);
      double dx = xs[b] - xs[a];
      double dy = ys[b] - ys[a];
      double step = Math.hypot(dx, dy) / Math.max(1, b - a);
      double pa = Math.atan2(dy, dx);
      out.add(shaped(xs[i], ys[i], 1.2 * step, widths[i], pa, weights[i]));
    }
    return out;
  }

  /**
   * Points along the quadratic Bezier curve {@code p0 -> p1 -> p2}, evenly in its parameter, from
   * {@code t0} to 1: {@code [2][n]}.
   */
  static double[][] bezier(
      double x0, double y0, double x1, double y1, double x2, double y2, int n, double t0) {
    double[][] p = new double[2][n];
    for (int i = 0; i < n; i++) {
      double t = n == 1 ? 1 : t0 + (1 - t0) * i / (n - 1.0);
      double u = 1 - t;
      p[0][i] = u * u * x0 + 2 * u * t * x1 + t * t * x2;
      p[1][i] = u * u * y0 + 2 * u * t * y1 + t * t * y2;
    }
    return p;
  }

  /**
   * A ring of {@code n} round Gaussians of intrinsic FWHM {@code width} at radius {@code r} about
   * {@code (cx, cy)}, squashed by {@code axisRatio} along {@code pa}, with weights from {@code 1 +
   * modulation * cos(m (phi - phase))}, over the arc from {@code phi0} spanning {@code arc}
   * radians.
   */
  static List<Gaussian> ring(
      double cx,
      double cy,
      double r,
      double axisRatio,
      double pa,
      double width,
      int n,
      double phi0,
      double arc,
      double modulation,
      int m,
      double phase) {
    List<Gaussian> out = new ArrayList<>(n);
    double c = Math.cos(pa);
    double s = Math.sin(pa);
    boolean full = arc >= 2 * Math.PI - 1e-9;
    for (int i = 0; i < n; i++) {
      double phi = phi0 + arc * (full ? i / (double) n : i / Math.max(1.0, n - 1.0));
      double u = r * Math.cos(phi);
      double v = r * axisRatio * Math.sin(phi);
      double x = cx + u * c - v * s;
      double y = cy + u * s + v * c;
      double w = Math.max(0.05, 1 + modulation * Math.cos(m * (phi - phase)));
      double step = 2 * Math.PI * r / n;
      out.add(shaped(x, y, Math.max(width, 1.1 * step), width, phi + pa + Math.PI / 2, w));
    }
    return out;
  }

  /** Number of points that sample a length with the given spacing, at least {@code min}. */
  static int samples(double length, double spacing, int min, int max) {
    return (int) Math.max(min, Math.min(max, Math.ceil(length / spacing) + 1));
  }

  // ---- random draws ----

  static double uniform(SplittableRandom rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  static double logUniform(SplittableRandom rng, double lo, double hi) {
    return Math.exp(uniform(rng, Math.log(lo), Math.log(hi)));
  }

  /** Log-normal with the given median and sigma of the log, clipped to [lo, hi]. */
  static double logNormal(
      SplittableRandom rng, double median, double sigmaLn, double lo, double hi) {
    return Math.min(hi, Math.max(lo, median * Math.exp(sigmaLn * gauss(rng))));
  }

  /** Pareto (power-law {@code dN/dS ∝ S^-gamma}) between lo and hi. */
  static double powerLaw(SplittableRandom rng, double gamma, double lo, double hi) {
    double g1 = gamma - 1;
    double a = Math.pow(lo, -g1);
    double b = Math.pow(hi, -g1);
    return Math.pow(a - rng.nextDouble() * (a - b), -1 / g1);
  }

  static double gauss(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  static double angle(SplittableRandom rng) {
    return 2 * Math.PI * rng.nextDouble();
  }

  /** Index drawn with the given weights (need not sum to 1). */
  static int pick(SplittableRandom rng, double[] weights) {
    double s = 0;
    for (double w : weights) {
      s += w;
    }
    double u = rng.nextDouble() * s;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
