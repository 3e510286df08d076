package org.radioclr.sim.map;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Residual mosaicking patterns on a map, in units of the local noise rms: one or two straight seams
 * between mosaic tiles (a ridge and a trough side by side, 1.5–3 σ, about a beam wide, running
 * along the rows or columns over 40–100% of the map, with tapered ends) and, on most such maps, a
 * low-level periodic ripple (0.6–1.2 σ stripes of wavelength 5–12 beams in a random direction) over
 * a patch of 20–50% of the side with cosine-tapered edges. These imitate the imperfect joins and
 * calibration stripes seen in survey mosaics; the affected rectangles are listed for frame labels.
 * Immutable and thread-safe.
 */
public final class MosaicResiduals {
  private final List<Pattern> patterns;

  private sealed interface Pattern permits Seam, Ripple {
    MosaicRegion region();

    /** Value at (x, y), in units of the local rms. */
    double at(int x, int y);
  }

  /** A ridge/trough pair along a line x = pos (vertical) or y = pos (horizontal). */
  private record Seam(
      MosaicRegion region,
      boolean vertical,
      double pos,
      double halfWidth,
      double amp,
      double lo,
      double hi)
      implements Pattern {
    @Override
    public double at(int x, int y) {
      double d = (vertical ? x : y) - pos;
      double along = vertical ? y : x;
      double u = d / halfWidth;
      return amp * u * Math.exp(0.5 - 0.5 * u * u) * taper(along, lo, hi, 0.08 * (hi - lo));
    }
  }

  /** Stripes {@code amp sin(k·r + phase)} inside a tapered rectangle. */
  private record Ripple(MosaicRegion region, double kx, double ky, double phase, double amp)
      implements Pattern {
    @Override
    public double at(int x, int y) {
      double wx = taper(x, region.x0(), region.x1(), 0.2 * (region.x1() - region.x0()));
      double wy = taper(y, region.y0(), region.y1(), 0.2 * (region.y1() - region.y0()));
      return amp * Math.sin(kx * x + ky * y + phase) * wx * wy;
    }
  }

  private MosaicResiduals(List<Pattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /** No residual patterns. */
  public static MosaicResiduals none() {
    return new MosaicResiduals(List.of());
  }

  /**
   * Random patterns for a {@code width x height} map whose beam has a FWHM of {@code beamFwhmPx}
   * pixels (major axis).
   */
  public static MosaicResiduals random(
      int width, int height, double beamFwhmPx, SplittableRandom rng) {
    List<Pattern> out = new ArrayList<>();
    int seams = 1 + rng.nextInt(2);
    for (int s = 0; s < seams; s++) {
      boolean vertical = rng.nextBoolean();
      int across = vertical ? width : height;
      int along = vertical ? height : width;
      double pos = across * (0.15 + 0.7 * rng.nextDouble());
      double halfWidth = Math.max(1.0, 1.2 * beamFwhmPx);
      double length = along * (0.4 + 0.6 * rng.nextDouble());
      double lo = rng.nextDouble() * (along - length);
      double hi = lo + length;
      double amp = (1.0 + 1.0 * rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1);
      int a0 = clamp((int) Math.floor(pos - 4 * halfWidth), across);
      int a1 = clamp((int) Math.ceil(pos + 4 * halfWidth) + 1, across);
      int b0 = clamp((int) Math.floor(lo), along);
      int b1 = clamp((int) Math.ceil(hi) + 1, along);
      if (a1 <= a0 || b1 <= b0) {
        continue;
      }
      MosaicRegion r =
          vertical
              ? new MosaicRegion(MosaicRegion.Kind.SEAM, a0, b0, a1, b1)
              : new MosaicRegion(MosaicRegion.Kind.SEAM, b0, a0, b1, a1);
      out.add(new Seam(r, vertical, pos, halfWidth, amp, lo, hi));
    }
    if (rng.nextDouble() < 0.7) {
      int w = Math.max(8, (int) (width * (0.2 + 0.3 * rng.nextDouble())));
      int h = Math.max(8, (int) (height * (0.2 + 0.3 * rng.nextDouble())));
      int x0 = rng.nextInt(Math.max(1, width - w + 1));
      int y0 = rng.nextInt(Math.max(1, height - h + 1));
      int x1 = Math.min(width, x0 + w);
      int y1 = Math.min(height, y0 + h);
      double lambda = Math.max(4.0, beamFwhmPx * (5 + 7 * rng.nextDouble()));
      double dir = rng.nextDouble() * Math.PI;
      double k = 2 * Math.PI / lambda;
      out.add(
          new Ripple(
              new MosaicRegion(MosaicRegion.Kind.RIPPLE, x0, y0, x1, y1),
              k * Math.cos(dir),
              k * Math.sin(dir),
              rng.nextDouble() * 2 * Math.PI,
              0.6 + 0.6 * rng.nextDouble()));
    }
    return new MosaicResiduals(out);
  }

  private static int clamp(int v, int n) {
    return Math.max(0, Math.min(n, v));
  }

  /** A smooth window: 0 outside [lo, hi], rising as sin² over {@code ramp} at each end. */
  private static double taper(double v, double lo, double hi, double ramp) {
    if (v <= lo || v >= hi) {
      return 0;
    }
    double d = Math.min(v - lo, hi - v);
    if (ramp <= 0 || d >= ramp) {
      return 1;
    }
    double s = Math.sin(0.5 * Math.PI * d / ramp);
    return s * s;
  }

  /** Whether there is any pattern. */
  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /** The affected rectangles. */
  public List<MosaicRegion> regions() {
    return patterns.stream().map(Pattern::region).toList();
  }

  /** Whether pixel (x, y) lies in an affected rectangle. */
  public boolean affects(int x, int y) {
    for (Pattern p : patterns) {
      if (p.region().contains(x, y)) {
        return true;
      }
    }
    return false;
  }

  /** The pattern's value at pixel (x, y), in units of the local rms (0 outside the regions). */
  public double at(int x, int y) {
    double v = 0;
    for (Pattern p : patterns) {
      if (p.region().contains(x, y)) {
        v += p.at(x, y);
      }
    }
    return v;
  }

  /**
   * Adds {@code scale(x) * value(x, y)} to {@code row[off + x]} for the affected pixels of row y,
   * {@code scale} giving the local rms in Jy/beam for each column of that row ({@code scale[x]}).
   */
  void addRow(int y, float[] row, int off, double[] scale) {
    for (Pattern p : patterns) {
      MosaicRegion r = p.region();
      if (y < r.y0() || y >= r.y1()) {
        continue;
      }
      for (int x = r.x0(); x < r.x1(); x++) {
        row[off + x] += (float) (scale[x] * p.at(x, y));
      }
    }
  }
}
