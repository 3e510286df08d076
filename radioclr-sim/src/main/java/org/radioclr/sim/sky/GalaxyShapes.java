package org.radioclr.sim.sky;

import static org.radioclr.sim.sky.ShapeKit.angle;
import static org.radioclr.sim.sky.ShapeKit.logNormal;
import static org.radioclr.sim.sky.ShapeKit.logUniform;
import static org.radioclr.sim.sky.ShapeKit.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.sim.model.Gaussian;

/**
 * Radio galaxies with their core at {@code (x, y)}. The largest angular size (LAS) is log-normal,
 * median 100", sigma(ln) 0.5, clipped to [4 beams, 0.9 frame]; the total flux is the one given,
 * except FR2_MULTI_ISLAND whose lobes are set to peak at 4–15 rms so they fall apart.
 *
 * <ul>
 *   <li>FR1: core (10–25% of the flux) and two jets, chains of Gaussians along gently bent curves
 *       that widen (0.2 to 1.1 beam) and fade ({@code exp(-1.5 t)}); one side 0.5–1 of the other.
 *   <li>FR2: two lobes (elongated Gaussian over the outer half of each arm) with a compact hotspot
 *       at the tip; arms 0.75–1 of each other, misaligned up to ±9°; a weak core (2–8%) in 60%.
 *   <li>FR2_MULTI_ISLAND: FR2 with compact, faint lobes far enough apart that the model between
 *       them stays below 1 rms; weak core in 30%.
 *   <li>WAT: core and two jets that leave 100–170° apart and bend into a common trailing direction,
 *       ending in broad lobes.
 *   <li>NAT: bright core at the head and two tails that leave at most 30° apart and trail side by
 *       side over the whole LAS.
 *   <li>DOUBLE_DOUBLE: outer FR2 pair plus an aligned inner pair at 25–45% of the outer arm.
 * </ul>
 */
final class GalaxyShapes {

  private GalaxyShapes() {}

  /** Largest angular size, pixels. */
  static double drawLas(ShapeKit kit, SplittableRandom rng) {
    double lo = 4 * kit.beamFwhm;
    double hi = Math.max(lo * 1.5, 0.9 * ShapeKit.FRAME);
    return Math.max(lo, Math.min(hi, kit.px(logNormal(rng, 100, 0.5, 0, Double.MAX_VALUE))));
  }

  static List<Gaussian> build(
      ShapeKit kit, Morphology m, double x, double y, double flux, SplittableRandom rng) {
    double las = drawLas(kit, rng);
    double h = las / 2;
    double theta = angle(rng);
    return switch (m) {
      case FR1 -> ShapeKit.withTotal(fr1(kit, x, y, h, theta, rng), flux);
      case FR2 -> ShapeKit.withTotal(fr2(kit, x, y, h, theta, rng), flux);
      case FR2_MULTI_ISLAND -> fr2MultiIsland(kit, x, y, h, theta, rng);
      case WAT -> ShapeKit.withTotal(tails(kit, x, y, h, theta, true, rng), flux);
      case NAT -> ShapeKit.withTotal(tails(kit, x, y, 2 * h, theta, false, rng), flux);
      case DOUBLE_DOUBLE -> ShapeKit.withTotal(doubleDouble(kit, x, y, h, theta, rng), flux);
      default -> throw new IllegalArgumentException("not a radio galaxy morphology: " + m);
    };
  }

  static List<Gaussian> fr1(
      ShapeKit kit, double x, double y, double h, double theta, SplittableRandom rng) {
    List<Gaussian> out = new ArrayList<>();
    double core = uniform(rng, 0.1, 0.25);
    out.add(Gaussian.point(x, y, core));
    double weak = uniform(rng, 0.5, 1);
    for (int side = 0; side < 2; side++) {
      double dir = theta + side * Math.PI + uniform(rng, -0.1, 0.1);
      double bend = uniform(rng, -0.35, 0.35);
      List<Gaussian> jet = jet(kit, x, y, h * uniform(rng, 0.8, 1), dir, bend, 0.2, 1.1, 1.5);
      out.addAll(
          ShapeKit.scaled(ShapeKit.withTotal(jet, 1), (1 - core) / 2 * (side == 0 ? 1 : weak)));
    }
    return out;
  }

  /**
   * A jet from {@code (x, y)} of length {@code len} leaving at angle {@code dir}, its end turned by
   * {@code bend} radians, widening from {@code w0} to {@code w1} beams and fading as {@code
   * exp(-fade t)}.
   */
  static List<Gaussian> jet(
      ShapeKit kit,
      double x,
      double y,
      double len,
      double dir,
      double bend,
      double w0,
      double w1,
      double fade) {
    double x1 = x + 0.5 * len * Math.cos(dir);
    double y1 = y + 0.5 * len * Math.sin(dir);
    double x2 = x1 + 0.5 * len * Math.cos(dir + bend);
    double y2 = y1 + 0.5 * len * Math.sin(dir + bend);
    int n = ShapeKit.samples(len, 0.5 * kit.beamFwhm, 4, 80);
    double[][] p = ShapeKit.bezier(x, y, x1, y1, x2, y2, n, 0.12);
    double[] widths = new double[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      double t = (i + 1.0) / n;
      widths[i] = kit.beamFwhm * (w0 + (w1 - w0) * t);
      weights[i] = Math.exp(-fade * t);
    }
    return ShapeKit.chain(p[0], p[1], widths, weights);
  }

  /**
   * One FR2 lobe along {@code dir} at arm length {@code h}: a hotspot of weight {@code hotspot} at
   * the tip and a lobe of weight 1 centred at {@code centre x h}, FWHM {@code length x h} along the
   * arm and {@code width} times that across.
   */
  static List<Gaussian> lobe(
      ShapeKit kit,
      double x,
      double y,
      double h,
      double dir,
      double hotspot,
      double centre,
      double length,
      double width) {
    double c = Math.cos(dir);
    double s = Math.sin(dir);
    double lobeLen = Math.max(length * h, 0.6 * kit.beamFwhm);
    return List.of(
        ShapeKit.shaped(x + h * c, y + h * s, 0.3 * kit.beamFwhm, 0.2 * kit.beamFwhm, dir, hotspot),
        ShapeKit.shaped(x + centre * h * c, y + centre * h * s, lobeLen, lobeLen * width, dir, 1));
  }

  static List<Gaussian> fr2(
      ShapeKit kit, double x, double y, double h, double theta, SplittableRandom rng) {
    List<Gaussian> out = new ArrayList<>();
    double core = rng.nextDouble() < 0.6 ? uniform(rng, 0.02, 0.08) : 0;
    if (core > 0) {
      out.add(Gaussian.point(x, y, core));
    }
    double weak = uniform(rng, 0.6, 1);
    for (int side = 0; side < 2; side++) {
      double dir = theta + side * (Math.PI + uniform(rng, -0.15, 0.15));
      double arm = h * (side == 0 ? 1 : uniform(rng, 0.75, 1));
      List<Gaussian> l =
          lobe(kit, x, y, arm, dir, uniform(rng, 0.25, 0.5), 0.7, 0.55, uniform(rng, 0.3, 0.6));
      out.addAll(ShapeKit.withTotal(l, (1 - core) / 2 * (side == 0 ? 1 : weak)));
    }
    return out;
  }

  static List<Gaussian> fr2MultiIsland(
      ShapeKit kit, double x, double y, double h, double theta, SplittableRandom rng) {
    double arm = Math.max(h, 4 * kit.beamFwhm);
    double peak = kit.rmsJy * logUniform(rng, 4, 15);
    double widthRatio = uniform(rng, 0.3, 0.6);
    double hotspot = uniform(rng, 0.2, 0.4);
    double misalign = uniform(rng, -0.15, 0.15);
    boolean core = rng.nextDouble() < 0.3;
    double coreFlux = kit.rmsJy * uniform(rng, 4, 8);
    for (int attempt = 0; ; attempt++) {
      List<Gaussian> out = new ArrayList<>();
      if (core) {
        out.add(Gaussian.point(x, y, coreFlux));
      }
      for (int side = 0; side < 2; side++) {
        double dir = theta + side * (Math.PI + misalign);
        List<Gaussian> l = lobe(kit, x, y, arm, dir, hotspot, 0.8, 0.35, widthRatio);
        out.addAll(kit.withPeak(l, peak));
      }
      if (attempt >= 6 || gapBelow(kit, out, x, y, arm, theta, core ? 1 : 0)) {
        return out;
      }
      arm *= 1.25;
    }
  }

  /** Whether the lobes leave a gap below 1 rms along the axis around the core. */
  private static boolean gapBelow(
      ShapeKit kit, List<Gaussian> comps, double x, double y, double arm, double theta, int skip) {
    List<Gaussian> lobes = comps.subList(skip, comps.size());
    double min = Double.MAX_VALUE;
    for (int i = -10; i <= 10; i++) {
      double t = 0.3 * arm * i / 10.0;
      min =
          Math.min(
              min, kit.renderer.modelAt(lobes, x + t * Math.cos(theta), y + t * Math.sin(theta)));
    }
    return min < kit.rmsJy;
  }

  static List<Gaussian> tails(
      ShapeKit kit,
      double x,
      double y,
      double len,
      double theta,
      boolean wide,
      SplittableRandom rng) {
    List<Gaussian> out = new ArrayList<>();
    double core = wide ? uniform(rng, 0.1, 0.25) : uniform(rng, 0.2, 0.4);
    out.add(Gaussian.point(x, y, core));
    double trail = theta + Math.PI;
    double open =
        wide ? Math.toRadians(uniform(rng, 100, 170)) : Math.toRadians(uniform(rng, 5, 30));
    for (int side = -1; side <= 1; side += 2) {
      double start = trail + side * open / 2;
      double end = trail + side * uniform(rng, 0.0, wide ? 0.4 : 0.12);
      double l1 = len * (wide ? 0.4 : 0.3);
      double l2 = len * (wide ? 0.6 : 0.7) * uniform(rng, 0.8, 1);
      double x1 = x + l1 * Math.cos(start);
      double y1 = y + l1 * Math.sin(start);
      double x2 = x1 + l2 * Math.cos(end);
      double y2 = y1 + l2 * Math.sin(end);
      int n = ShapeKit.samples(l1 + l2, 0.5 * kit.beamFwhm, 5, 100);
      double[][] p = ShapeKit.bezier(x, y, x1, y1, x2, y2, n, 0.08);
      double[] widths = new double[n];
      double[] weights = new double[n];
      for (int i = 0; i < n; i++) {
        double t = (i + 1.0) / n;
        widths[i] = kit.beamFwhm * (0.3 + 1.0 * t);
        weights[i] = Math.exp(-(wide ? 1.0 : 1.5) * t);
      }
      List<Gaussian> tail = new ArrayList<>(ShapeKit.chain(p[0], p[1], widths, weights));
      if (wide) {
        double lobe = Math.max(1.5 * kit.beamFwhm, 0.25 * l2);
        tail.add(ShapeKit.shaped(p[0][n - 1], p[1][n - 1], lobe, 0.7 * lobe, end, n * 0.15));
      }
      out.addAll(ShapeKit.withTotal(tail, (1 - core) / 2 * uniform(rng, 0.7, 1)));
    }
    return out;
  }

  static List<Gaussian> doubleDouble(
      ShapeKit kit, double x, double y, double h, double theta, SplittableRandom rng) {
    List<Gaussian> out = new ArrayList<>();
    if (rng.nextDouble() < 0.5) {
      out.add(Gaussian.point(x, y, 0.05));
    }
    double inner = h * uniform(rng, 0.25, 0.45);
    for (int side = 0; side < 2; side++) {
      double dir = theta + side * Math.PI + uniform(rng, -0.08, 0.08);
      out.addAll(ShapeKit.withTotal(lobe(kit, x, y, h, dir, 0.4, 0.75, 0.45, 0.5), 0.3));
      out.addAll(ShapeKit.withTotal(lobe(kit, x, y, inner, dir, 0.6, 0.8, 0.35, 0.5), 0.2));
    }
    return out;
  }
}
