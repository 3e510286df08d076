package org.radioclr.sim.sky;

import static org.radioclr.sim.sky.ShapeKit.angle;
import static org.radioclr.sim.sky.ShapeKit.logUniform;
import static org.radioclr.sim.sky.ShapeKit.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.sim.model.Gaussian;

/**
 * Imaging artefacts around a bright source of convolved peak {@code hostPeak} (Jy/beam) at {@code
 * (x, y)}: positive only, at least 4 rms at their brightest.
 *
 * <ul>
 *   <li>ARTEFACT_RING: 1–3 concentric rings of beam width, the first at 3–8 beams and each next
 *       1.6, 2.2 times further, peaking at 0.1–0.5% of the host (log-uniform), 0.6 times fainter
 *       per ring, modulated 20–60% with 3- or 6-fold symmetry.
 *   <li>ARTEFACT_SPOKES: 3–8 radial spokes of beam width from 2 beams out to 8–20 beams, fading as
 *       1/r, peaking at 0.2–1% of the host.
 * </ul>
 */
final class ArtefactShapes {

  private ArtefactShapes() {}

  static List<Gaussian> build(
      ShapeKit kit, Morphology m, double x, double y, double hostPeak, SplittableRandom rng) {
    return switch (m) {
      case ARTEFACT_RING -> rings(kit, x, y, hostPeak, rng);
      case ARTEFACT_SPOKES -> spokes(kit, x, y, hostPeak, rng);
      default -> throw new IllegalArgumentException("not an artefact morphology: " + m);
    };
  }

  private static double floor(ShapeKit kit, double peak) {
    return Math.max(peak, 4 * kit.rmsJy);
  }

  static List<Gaussian> rings(
      ShapeKit kit, double x, double y, double hostPeak, SplittableRandom rng) {
    double b = kit.beamFwhm;
    int count = 1 + rng.nextInt(3);
    double r1 = b * uniform(rng, 3, 8);
    double f = logUniform(rng, 0.001, 0.005);
    int fold = rng.nextBoolean() ? 3 : 6;
    double modulation = uniform(rng, 0.2, 0.6);
    double phase = angle(rng);
    List<Gaussian> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      double r = r1 * (1 + 0.6 * k);
      int n = ShapeKit.samples(2 * Math.PI * r, 0.5 * b, 16, 400);
      List<Gaussian> ring =
          ShapeKit.ring(x, y, r, 1, 0, 0, n, 0, 2 * Math.PI, modulation, fold, phase);
      out.addAll(kit.withPeak(ring, floor(kit, hostPeak * f * Math.pow(0.6, k))));
    }
    return out;
  }

  static List<Gaussian> spokes(
      ShapeKit kit, double x, double y, double hostPeak, SplittableRandom rng) {
    double b = kit.beamFwhm;
    int count = 3 + rng.nextInt(6);
    double phase = angle(rng);
    double r0 = 2 * b;
    double r1 = b * uniform(rng, 8, 20);
    double peak = floor(kit, hostPeak * logUniform(rng, 0.002, 0.01));
    List<Gaussian> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      double dir = phase + 2 * Math.PI * k / count + uniform(rng, -0.05, 0.05);
      int n = ShapeKit.samples(r1 - r0, 0.5 * b, 4, 200);
      double[] xs = new double[n];
      double[] ys = new double[n];
      double[] widths = new double[n];
      double[] weights = new double[n];
      for (int i = 0; i < n; i++) {
        double r = r0 + (r1 - r0) * i / (n - 1.0);
        xs[i] = x + r * Math.cos(dir);
        ys[i] = y + r * Math.sin(dir);
        weights[i] = r0 / r;
      }
      out.addAll(
          kit.withPeak(ShapeKit.chain(xs, ys, widths, weights), peak * uniform(rng, 0.6, 1)));
    }
    return out;
  }
}
