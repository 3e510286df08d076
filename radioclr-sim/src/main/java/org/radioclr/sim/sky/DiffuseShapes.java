package org.radioclr.sim.sky;

import static org.radioclr.sim.sky.ShapeKit.angle;
import static org.radioclr.sim.sky.ShapeKit.gauss;
import static org.radioclr.sim.sky.ShapeKit.logNormal;
import static org.radioclr.sim.sky.ShapeKit.logUniform;
import static org.radioclr.sim.sky.ShapeKit.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.sim.model.Gaussian;

/**
 * Diffuse sources centred on {@code (x, y)}, set by their peak surface brightness in units of the
 * nominal rms (the flux follows from the size).
 *
 * <ul>
 *   <li>DIFFUSE_BLOB: 1–3 roundish Gaussians (axis ratio 0.6–1), size log-normal median 6 beams,
 *       sigma(ln) 0.4, clipped to [3 beams, 0.3 frame]; peak 2.5–8 rms (log-uniform).
 *   <li>DIFFUSE_LARGE: 20–40 broad Gaussians (FWHM 0.25–0.6 R) around 3–5 clumps within a radius R
 *       of 0.2–0.4 of a 256-pixel frame; peak 2.5–8 rms (so the 3-rms mask keeps its brighter
 *       parts).
 *   <li>HII_REGION: filled Gaussian of radius R (log-normal median 5 beams, clipped to [2 beams,
 *       0.2 frame]) inside a partial shell (half to full circle), bright knot in half; peak 5–60
 *       rms.
 *   <li>SNR_SHELL: shell of many small Gaussians, radius log-normal median 90", sigma(ln) 0.5,
 *       clipped to [6 beams, 0.45 frame], thickness 6–15% of R, bilateral brightness modulation,
 *       60–100% of the circle; peak 3–15 rms.
 *   <li>FILAMENT: chain of elongated Gaussians along a smooth random curve (three sine modes),
 *       length log-normal median 100", clipped to [5 beams, 0.8 frame], width 0.2–0.8 beam; peak
 *       2.5–8 rms.
 * </ul>
 */
final class DiffuseShapes {

  private DiffuseShapes() {}

  static List<Gaussian> build(
      ShapeKit kit, Morphology m, double x, double y, SplittableRandom rng) {
    return switch (m) {
      case DIFFUSE_BLOB -> blob(kit, x, y, rng);
      case DIFFUSE_LARGE -> large(kit, x, y, rng);
      case HII_REGION -> hii(kit, x, y, rng);
      case SNR_SHELL -> shell(kit, x, y, rng);
      case FILAMENT -> filament(kit, x, y, rng);
      default -> throw new IllegalArgumentException("not a diffuse morphology: " + m);
    };
  }

  static List<Gaussian> blob(ShapeKit kit, double x, double y, SplittableRandom rng) {
    double b = kit.beamFwhm;
    double d = b * logNormal(rng, 6, 0.4, 3, Math.max(3, 0.3 * ShapeKit.FRAME / b));
    int n = 1 + rng.nextInt(3);
    List<Gaussian> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double r = i == 0 ? 0 : 0.25 * d * rng.nextDouble();
      double a = angle(rng);
      double fwhm = d * uniform(rng, 0.5, 1);
      out.add(
          ShapeKit.shaped(
              x + r * Math.cos(a),
              y + r * Math.sin(a),
              fwhm,
              fwhm * uniform(rng, 0.6, 1),
              angle(rng),
              uniform(rng, 0.5, 1) * fwhm * fwhm));
    }
    return kit.withPeak(out, kit.rmsJy * logUniform(rng, 2.5, 8));
  }

  static List<Gaussian> large(ShapeKit kit, double x, double y, SplittableRandom rng) {
    double r = ShapeKit.FRAME * uniform(rng, 0.2, 0.4);
    int clumps = 3 + rng.nextInt(3);
    double[] cx = new double[clumps];
    double[] cy = new double[clumps];
    for (int i = 0; i < clumps; i++) {
      double rr = 0.6 * r * Math.sqrt(rng.nextDouble());
      double a = angle(rng);
      cx[i] = x + rr * Math.cos(a);
      cy[i] = y + rr * Math.sin(a);
    }
    int n = 20 + rng.nextInt(21);
    List<Gaussian> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(clumps);
      double fwhm = r * uniform(rng, 0.25, 0.6);
      out.add(
          ShapeKit.shaped(
              cx[c] + 0.4 * r * gauss(rng),
              cy[c] + 0.4 * r * gauss(rng),
              fwhm,
              fwhm * uniform(rng, 0.4, 1),
              angle(rng),
              logUniform(rng, 0.3, 1) * fwhm * fwhm));
    }
    return kit.withPeak(out, kit.rmsJy * logUniform(rng, 2.5, 8));
  }

  static List<Gaussian> hii(ShapeKit kit, double x, double y, SplittableRandom rng) {
    double b = kit.beamFwhm;
    double r = b * logNormal(rng, 5, 0.5, 2, Math.max(2, 0.2 * ShapeKit.FRAME / b));
    List<Gaussian> out = new ArrayList<>();
    double fill = r * uniform(rng, 0.8, 1.4);
    out.add(kit.withPeak(x, y, fill, fill * uniform(rng, 0.7, 1), angle(rng), 1));
    double arc = Math.PI * uniform(rng, 1, 2);
    double width = Math.max(0.5 * b, 0.25 * r);
    int n = ShapeKit.samples(arc * r, 0.5 * b, 8, 150);
    List<Gaussian> ring =
        ShapeKit.ring(
            x,
            y,
            r,
            uniform(rng, 0.8, 1),
            angle(rng),
            width,
            n,
            angle(rng),
            arc,
            0.3,
            3,
            angle(rng));
    out.addAll(kit.withPeak(ring, uniform(rng, 0.6, 1.2)));
    if (rng.nextBoolean()) {
      double a = angle(rng);
      double rr = 0.5 * r * rng.nextDouble();
      out.add(kit.withPeak(x + rr * Math.cos(a), y + rr * Math.sin(a), 0.5 * b, 0.5 * b, 0, 0.8));
    }
    return kit.withPeak(out, kit.rmsJy * logUniform(rng, 5, 60));
  }

  static List<Gaussian> shell(ShapeKit kit, double x, double y, SplittableRandom rng) {
    double b = kit.beamFwhm;
    double r =
        Math.max(
            6 * b,
            Math.min(0.45 * ShapeKit.FRAME, kit.px(logNormal(rng, 90, 0.5, 0, Double.MAX_VALUE))));
    double width = Math.max(0.5 * b, r * uniform(rng, 0.06, 0.15));
    double arc = rng.nextDouble() < 0.3 ? 2 * Math.PI * uniform(rng, 0.6, 1) : 2 * Math.PI;
    int n = ShapeKit.samples(arc * r, 0.5 * Math.max(width, b), 12, 250);
    List<Gaussian> out =
        new ArrayList<>(
            ShapeKit.ring(
                x,
                y,
                r,
                uniform(rng, 0.75, 1),
                angle(rng),
                width,
                n,
                angle(rng),
                arc,
                uniform(rng, 0.3, 0.8),
                2,
                angle(rng)));
    out = new ArrayList<>(kit.withPeak(out, 1));
    if (rng.nextBoolean()) {
      out.add(kit.withPeak(x, y, 1.5 * r, 1.5 * r, 0, 0.2));
    }
    return kit.withPeak(out, kit.rmsJy * logUniform(rng, 3, 15));
  }

  static List<Gaussian> filament(ShapeKit kit, double x, double y, SplittableRandom rng) {
    double b = kit.beamFwhm;
    double len =
        Math.max(
            5 * b,
            Math.min(0.8 * ShapeKit.FRAME, kit.px(logNormal(rng, 100, 0.5, 0, Double.MAX_VALUE))));
    double theta = angle(rng);
    double[] amp = new double[3];
    double[] phase = new double[3];
    for (int k = 0; k < 3; k++) {
      amp[k] = 0.08 * len / (k + 1) * gauss(rng);
      phase[k] = angle(rng);
    }
    int n = ShapeKit.samples(len, 0.5 * b, 6, 200);
    double[] xs = new double[n];
    double[] ys = new double[n];
    double[] widths = new double[n];
    double[] weights = new double[n];
    double width = b * uniform(rng, 0.2, 0.8);
    double wiggle = angle(rng);
    double c = Math.cos(theta);
    double s = Math.sin(theta);
    for (int i = 0; i < n; i++) {
      double t = i / (n - 1.0);
      double u = (t - 0.5) * len;
      double v = 0;
      for (int k = 0; k < 3; k++) {
        v += amp[k] * Math.sin((k + 1) * Math.PI * t + phase[k]);
      }
      xs[i] = x + u * c - v * s;
      ys[i] = y + u * s + v * c;
      widths[i] = width;
      weights[i] = 1 + 0.4 * Math.sin(4 * Math.PI * t + wiggle);
    }
    return kit.withPeak(
        ShapeKit.chain(xs, ys, widths, weights), kit.rmsJy * logUniform(rng, 2.5, 8));
  }
}
