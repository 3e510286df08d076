package org.radioclr.sim.sky;

import static org.radioclr.sim.sky.ShapeKit.angle;
import static org.radioclr.sim.sky.ShapeKit.logNormal;
import static org.radioclr.sim.sky.ShapeKit.uniform;

import java.util.List;
import java.util.SplittableRandom;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.sim.model.Gaussian;

/**
 * Compact sources of total flux {@code flux} (Jy) centred on {@code (x, y)}.
 *
 * <ul>
 *   <li>POINT: one point.
 *   <li>RESOLVED: intrinsic FWHM log-normal, median 0.8 beam, sigma(ln) 0.35, clipped to [0.3, 1.6]
 *       beams; axis ratio uniform in [0.35, 1].
 *   <li>CLOSE_DOUBLE: two points 1–3 beam FWHM apart, flux ratio uniform in [0.25, 1].
 *   <li>CLOSE_TRIPLE: a point with two neighbours 0.9–2.2 beams away on roughly opposite sides
 *       (bend up to ±35°), weights uniform in [0.3, 1].
 * </ul>
 */
final class CompactShapes {

  private CompactShapes() {}

  static List<Gaussian> build(
      ShapeKit kit, Morphology m, double x, double y, double flux, SplittableRandom rng) {
    double b = kit.beamFwhm;
    switch (m) {
      case POINT -> {
        return List.of(Gaussian.point(x, y, flux));
      }
      case RESOLVED -> {
        double fwhm = b * logNormal(rng, 0.8, 0.35, 0.3, 1.6);
        double q = uniform(rng, 0.35, 1);
        return List.of(ShapeKit.shaped(x, y, fwhm, fwhm * q, angle(rng), flux));
      }
      case CLOSE_DOUBLE -> {
        double d = b * uniform(rng, 1.0, 3.0);
        double pa = angle(rng);
        double r = uniform(rng, 0.25, 1);
        double c = Math.cos(pa);
        double s = Math.sin(pa);
        double d1 = d * r / (1 + r);
        double d2 = d / (1 + r);
        return List.of(
            Gaussian.point(x - d1 * c, y - d1 * s, flux / (1 + r)),
            Gaussian.point(x + d2 * c, y + d2 * s, flux * r / (1 + r)));
      }
      case CLOSE_TRIPLE -> {
        double pa = angle(rng);
        double pb = pa + Math.PI + uniform(rng, -0.6, 0.6);
        double da = b * uniform(rng, 0.9, 2.2);
        double db = b * uniform(rng, 0.9, 2.2);
        double w0 = uniform(rng, 0.3, 1);
        double wa = uniform(rng, 0.3, 1);
        double wb = uniform(rng, 0.3, 1);
        double k = flux / (w0 + wa + wb);
        return List.of(
            Gaussian.point(x, y, w0 * k),
            Gaussian.point(x + da * Math.cos(pa), y + da * Math.sin(pa), wa * k),
            Gaussian.point(x + db * Math.cos(pb), y + db * Math.sin(pb), wb * k));
      }
      default -> throw new IllegalArgumentException("not a compact morphology: " + m);
    }
  }
}
