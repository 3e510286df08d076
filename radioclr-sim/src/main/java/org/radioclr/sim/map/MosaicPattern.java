package org.radioclr.sim.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The mosaic of telescope pointings behind a simulated map: where the map has data (its footprint)
 * and how its noise rms varies.
 *
 * <p><b>Model.</b> Pointings lie on a hexagonal grid (spacing {@code S} = map side / 2.2–3.5,
 * rotated by up to ±15°, randomly offset), kept inside a quadrilateral whose corners are the map's
 * corners moved randomly in or out (so corners and edges are ragged). Each pointing has a Gaussian
 * primary beam of σ = S/2; a linear mosaic weights pointings by the primary beam squared, so the
 * mosaic weight is {@code W = Σ PB²} and the noise rms is proportional to {@code 1/√W} (as in
 * ASKAP's linmos). The footprint is where {@code W·(1 + wobble) ≥ 0.3 max W}: a scalloped edge made
 * of primary-beam level curves, roughened by a smooth random wobble (a few long-wavelength
 * sinusoids, ±25%). Outside it the map is blank.
 *
 * <p>The rms factor {@code 1/√W} is normalised over the footprint so that its median is 1 and its
 * range (peak to peak) is the preset's {@code rmsVariation}; with a variation of 0 it is exactly 1
 * everywhere.
 *
 * <p><b>Evaluation.</b> Both quantities are computed on a coarse grid of nodes every {@code g}
 * pixels ({@code g} = 8 for maps up to 4096, larger for bigger maps so the grid stays about 512
 * nodes across) and interpolated bilinearly; {@link #inFootprint} and {@link #rmsFactor} are pure
 * functions of the pixel position, so the truth builder and the map writer always agree. Immutable
 * and thread-safe.
 */
public final class MosaicPattern {
  private static final double CUTOFF = 0.3;

  private final int width;
  private final int height;
  private final int step;
  private final int nx;
  private final int ny;
  private final float[] level; // footprint where > = 0
  private final float[] rms; // rms factor
  private final List<double[]> pointings;
  private final double spacing;
  private final int[] colNode; // node column left of pixel column x
  private final double[] colFrac; // fractional position of x between that node and the next

  /**
   * A pattern for a {@code width x height} map.
   *
   * @param rmsVariation peak-to-peak fractional rms variation over the footprint, in [0, 1)
   * @param blankEdges whether the map has a blank border at all (false: the whole map is footprint)
   * @param rng source of the layout's randomness
   */
  public MosaicPattern(
      int width, int height, double rmsVariation, boolean blankEdges, SplittableRandom rng) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("map size must be positive, got " + width + "x" + height);
    }
    if (!(rmsVariation >= 0 && rmsVariation < 1)) {
      throw new IllegalArgumentException("rms variation must be in [0, 1), got " + rmsVariation);
    }
    this.width = width;
    this.height = height;
    int side = Math.max(width, height);
    this.step = Math.max(8, (int) Math.ceil(side / 512.0));
    this.nx = (width - 1) / step + 2;
    this.ny = (height - 1) / step + 2;
    this.colNode = new int[width];
    this.colFrac = new double[width];
    for (int x = 0; x < width; x++) {
      colNode[x] = x / step;
      colFrac[x] = (double) (x - colNode[x] * step) / step;
    }
    this.spacing = side / (3.0 + 1.5 * rng.nextDouble());
    this.pointings = layPointings(rng);
    double sigma = spacing / 2;
    double inv = 1 / (sigma * sigma); // PB² = exp(-d²/σ²)
    double reach2 = 25 * sigma * sigma;
    // wobble: four long-wavelength sinusoids
    double[][] waves = new double[4][];
    for (int m = 0; m < waves.length; m++) {
      double lambda = side * (0.12 + 0.35 * rng.nextDouble());
      double dir = rng.nextDouble() * Math.PI;
      double k = 2 * Math.PI / lambda;
      waves[m] =
          new double[] {
            k * Math.cos(dir), k * Math.sin(dir), rng.nextDouble() * 2 * Math.PI, 0.0625
          };
    }
    int n = nx * ny;
    double[] weight = new double[n];
    double maxW = 0;
    for (int j = 0; j < ny; j++) {
      double py = (double) j * step;
      for (int i = 0; i < nx; i++) {
        double px = (double) i * step;
        double w = 0;
        for (double[] p : pointings) {
          double dx = px - p[0];
          double dy = py - p[1];
          double d2 = dx * dx + dy * dy;
          if (d2 < reach2) {
            w += Math.exp(-d2 * inv);
          }
        }
        weight[j * nx + i] = w;
        maxW = Math.max(maxW, w);
      }
    }
    this.level = new float[n];
    double[] factor = new double[n];
    double[] inside = new double[n];
    int count = 0;
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int idx = j * nx + i;
        double wob = 0;
        for (double[] wave : waves) {
          wob += wave[3] * Math.sin(wave[0] * i * step + wave[1] * j * step + wave[2]);
        }
        double lv = blankEdges ? weight[idx] * (1 + wob) / (CUTOFF * maxW) - 1 : 1;
        level[idx] = (float) lv;
        factor[idx] = 1 / Math.sqrt(Math.max(weight[idx], 1e-3 * maxW));
        if (lv >= 0 && i * step < width + step && j * step < height + step) {
          inside[count++] = factor[idx];
        }
      }
    }
    this.rms = new float[n];
    double[] sorted = Arrays.copyOf(inside, count);
    Arrays.sort(sorted);
    double lo = count == 0 ? 1 : sorted[0];
    double hi = count == 0 ? 1 : sorted[count - 1];
    double median = count == 0 ? 1 : sorted[count / 2];
    double range = hi - lo;
    for (int idx = 0; idx < n; idx++) {
      double f = Math.max(lo, Math.min(hi, factor[idx]));
      double p = range > 1e-12 ? (f - median) / range : 0;
      rms[idx] = (float) (1 + rmsVariation * p);
    }
    if (rmsVariation == 0) {
      Arrays.fill(rms, 1f);
    }
  }

  private List<double[]> layPointings(SplittableRandom rng) {
    double rot = Math.toRadians(-15 + 30 * rng.nextDouble());
    double cos = Math.cos(rot);
    double sin = Math.sin(rot);
    double ox = rng.nextDouble() * spacing;
    double oy = rng.nextDouble() * spacing;
    // quadrilateral: map corners moved by up to 22% of the side inwards or 10% outwards
    double[][] quad = {
      {0, 0}, {width, 0}, {width, height}, {0, height},
    };
    double[] inward = {1, 1, -1, 1, -1, -1, 1, -1};
    for (int c = 0; c < 4; c++) {
      quad[c][0] += inward[2 * c] * width * (-0.12 + 0.3 * rng.nextDouble());
      quad[c][1] += inward[2 * c + 1] * height * (-0.12 + 0.3 * rng.nextDouble());
    }
    double cx = width / 2.0;
    double cy = height / 2.0;
    double rowStep = spacing * Math.sqrt(3) / 2;
    int reach = (int) Math.ceil(Math.hypot(width, height) / rowStep) + 2;
    List<double[]> out = new ArrayList<>();
    double[] nearest = null;
    double nearestD = Double.POSITIVE_INFINITY;
    for (int r = -reach; r <= reach; r++) {
      for (int q = -reach; q <= reach; q++) {
        double u = ox + q * spacing + ((r & 1) != 0 ? spacing / 2 : 0);
        double v = oy + r * rowStep;
        double px = cx + u * cos - v * sin;
        double py = cy + u * sin + v * cos;
        double d = Math.hypot(px - cx, py - cy);
        if (d < nearestD) {
          nearestD = d;
          nearest = new double[] {px, py};
        }
        if (insideConvex(quad, px, py)) {
          out.add(new double[] {px, py});
        }
      }
    }
    if (out.isEmpty() && nearest != null) {
      out.add(nearest);
    }
    return List.copyOf(out);
  }

  private static boolean insideConvex(double[][] quad, double x, double y) {
    for (int c = 0; c < quad.length; c++) {
      double[] a = quad[c];
      double[] b = quad[(c + 1) % quad.length];
      double cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
      if (cross < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether pixel {@code (x, y)} has data; false outside the map. */
  public boolean inFootprint(int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= height) {
      return false;
    }
    return interpolate(level, x, y) >= 0;
  }

  /** The local rms relative to the nominal one (median 1 over the footprint), at pixel (x, y). */
  public double rmsFactor(int x, int y) {
    int cx = Math.max(0, Math.min(width - 1, x));
    int cy = Math.max(0, Math.min(height - 1, y));
    return interpolate(rms, cx, cy);
  }

  /** Fraction of the map's pixels in the footprint, estimated on the node grid. */
  public double footprintFraction() {
    long in = 0;
    long all = 0;
    for (int y = step / 2; y < height; y += step) {
      for (int x = step / 2; x < width; x += step) {
        all++;
        if (inFootprint(x, y)) {
          in++;
        }
      }
    }
    return all == 0 ? 0 : (double) in / all;
  }

  /** The pointing centres, pixels {x, y} (copies). */
  public List<double[]> pointings() {
    return pointings.stream().map(double[]::clone).toList();
  }

  /** Distance between neighbouring pointings, pixels. */
  public double spacing() {
    return spacing;
  }

  /** Fills {@code factor[0 .. width)} with {@link #rmsFactor} of row y (same values, faster). */
  void rmsRow(int y, double[] factor) {
    int j = y / step;
    double fy = (double) (y - j * step) / step;
    int row = j * nx;
    for (int x = 0; x < width; x++) {
      factor[x] = lerp(rms, row + colNode[x], colFrac[x], fy);
    }
  }

  /**
   * Sets {@code blank[off + x]} to {@code !inFootprint(x, y)} for the columns of row y (same values
   * as {@link #inFootprint}, faster).
   */
  void blankRow(int y, boolean[] blank, int off) {
    int j = y / step;
    double fy = (double) (y - j * step) / step;
    int row = j * nx;
    for (int x = 0; x < width; x++) {
      blank[off + x] = !(lerp(level, row + colNode[x], colFrac[x], fy) >= 0);
    }
  }

  private double interpolate(float[] grid, int x, int y) {
    int j = y / step;
    double fy = (double) (y - j * step) / step;
    return lerp(grid, j * nx + colNode[x], colFrac[x], fy);
  }

  private double lerp(float[] grid, int idx, double fx, double fy) {
    double top = grid[idx] + fx * (grid[idx + 1] - grid[idx]);
    double bottom = grid[idx + nx] + fx * (grid[idx + nx + 1] - grid[idx + nx]);
    return top + fy * (bottom - top);
  }
}
