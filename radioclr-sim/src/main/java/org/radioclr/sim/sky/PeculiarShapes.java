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
 * Rare peculiar objects centred on {@code (x, y)}.
 *
 * <ul>
 *   <li>ORC: faint edge-brightened ring, radius log-normal median 35", sigma(ln) 0.4, clipped to
 *       [15", 70"] and at least 2.5 beams, thickness 15–30% of R, ring peak 3–8 rms, a central
 *       compact source (5–30 rms) in 40%.
 *   <li>X_SHAPED: core, a primary pair of lobes with hotspots and a secondary pair of wings
 *       without, 30–80° away, 0.5–1 of the length and 0.3–0.7 of the flux; total flux as given.
 *   <li>PECULIAR_OTHER: one of one-sided (core plus a single jet or lobe), ring-plus-core (bright
 *       core inside a ring of 2.5–5 beams at 5–20% of its peak) or corkscrew (two jets wiggling
 *       with growing amplitude); total flux as given.
 * </ul>
 */
final class PeculiarShapes {

  private PeculiarShapes() {}

  static List<Gaussian> build(
      ShapeKit kit, Morphology m, double x, double y, double flux, SplittableRandom rng) {
    return switch (m) {
      case ORC -> orc(kit, x, y, rng);
      case X_SHAPED -> ShapeKit.withTotal(xShaped(kit, x, y, rng), flux);
      case PECULIAR_OTHER -> ShapeKit.withTotal(other(kit, x, y, rng), flux);
      default -> throw new IllegalArgumentException("not a peculiar morphology: " + m);
    };
  }

  static List<Gaussian> orc(ShapeKit kit, double x, double y, SplittableRandom rng) {
    double b = kit.beamFwhm;
    double r = Math.max(2.5 * b, kit.px(logNormal(rng, 35, 0.4, 15, 70)));
    double width = r * uniform(rng, 0.15, 0.3);
    int n = ShapeKit.samples(2 * Math.PI * r, 0.5 * Math.max(width, b), 12, 200);
    List<Gaussian> out =
        new ArrayList<>(
            kit.withPeak(
                ShapeKit.ring(
                    x,
                    y,
                    r,
                    uniform(rng, 0.8, 1),
                    angle(rng),
                    width,
                    n,
                    angle(rng),
                    2 * Math.PI,
                    uniform(rng, 0.1, 0.3),
                    1 + rng.nextInt(2),
                    angle(rng)),
                kit.rmsJy * logUniform(rng, 3, 8)));
    if (rng.nextDouble() < 0.4) {
      out.add(Gaussian.point(x, y, kit.rmsJy * uniform(rng, 5, 30)));
    }
    return out;
  }

  static List<Gaussian> xShaped(ShapeKit kit, double x, double y, SplittableRandom rng) {
    double h = GalaxyShapes.drawLas(kit, rng) / 2;
    double theta = angle(rng);
    double turn = (rng.nextBoolean() ? 1 : -1) * Math.toRadians(uniform(rng, 30, 80));
    double wing = h * uniform(rng, 0.5, 1);
    double wingFlux = uniform(rng, 0.3, 0.7);
    List<Gaussian> out = new ArrayList<>();
    out.add(Gaussian.point(x, y, 0.05));
    for (int side = 0; side < 2; side++) {
      double dir = theta + side * Math.PI;
      out.addAll(
          ShapeKit.withTotal(GalaxyShapes.lobe(kit, x, y, h, dir, 0.3, 0.7, 0.55, 0.45), 0.5));
      out.addAll(
          ShapeKit.withTotal(
              GalaxyShapes.lobe(kit, x, y, wing, dir + turn, 0.02, 0.6, 0.7, 0.4), 0.5 * wingFlux));
    }
    return out;
  }

  static List<Gaussian> other(ShapeKit kit, double x, double y, SplittableRandom rng) {
    double b = kit.beamFwhm;
    double h = GalaxyShapes.drawLas(kit, rng) / 2;
    double theta = angle(rng);
    List<Gaussian> out = new ArrayList<>();
    switch (rng.nextInt(3)) {
      case 0 -> { // one-sided
        out.add(Gaussian.point(x, y, 0.2));
        List<Gaussian> side =
            rng.nextBoolean()
                ? GalaxyShapes.jet(kit, x, y, 2 * h, theta, uniform(rng, -0.5, 0.5), 0.2, 1.0, 1.5)
                : GalaxyShapes.lobe(kit, x, y, 1.5 * h, theta, 0.4, 0.7, 0.55, 0.5);
        out.addAll(ShapeKit.withTotal(side, 0.8));
      }
      case 1 -> { // ring plus core
        Gaussian core = Gaussian.point(x, y, 1);
        out.add(core);
        double r = b * uniform(rng, 2.5, 5);
        int n = ShapeKit.samples(2 * Math.PI * r, 0.5 * b, 12, 200);
        List<Gaussian> ring =
            ShapeKit.ring(
                x,
                y,
                r,
                uniform(rng, 0.7, 1),
                angle(rng),
                0.7 * b,
                n,
                0,
                2 * Math.PI,
                0.2,
                2,
                angle(rng));
        out.addAll(kit.withPeak(ring, kit.renderer.componentPeak(core) * uniform(rng, 0.05, 0.2)));
      }
      default -> { // corkscrew
        out.add(Gaussian.point(x, y, 0.15));
        double period = 2 * h / uniform(rng, 2, 4);
        for (int side = 0; side < 2; side++) {
          double dir = theta + side * Math.PI;
          int n = ShapeKit.samples(2 * h, 0.4 * b, 8, 120);
          double[] xs = new double[n];
          double[] ys = new double[n];
          double[] widths = new double[n];
          double[] weights = new double[n];
          double phase = side * Math.PI;
          for (int i = 0; i < n; i++) {
            double u = 2 * h * (i + 1.0) / n;
            double v = 0.2 * u * Math.sin(2 * Math.PI * u / period + phase);
            xs[i] = x + u * Math.cos(dir) - v * Math.sin(dir);
            ys[i] = y + u * Math.sin(dir) + v * Math.cos(dir);
            widths[i] = b * 0.3;
            weights[i] = Math.exp(-1.2 * u / (2 * h));
          }
          out.addAll(ShapeKit.withTotal(ShapeKit.chain(xs, ys, widths, weights), 0.425));
        }
      }
    }
    return out;
  }
}
