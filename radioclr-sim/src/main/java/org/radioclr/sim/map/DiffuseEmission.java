package org.radioclr.sim.map;

import java.util.SplittableRandom;

/**
 * Large-scale Galactic diffuse emission: a smooth, positive random field brighter towards the
 * Galactic plane, in Jy/beam.
 *
 * <p><b>Model.</b> A Gaussian random field G with power spectrum {@code P(k) ∝ k^-2.8} (the slope
 * of Galactic synchrotron and thermal emission fluctuations) is made on a coarse periodic grid
 * (about 480 nodes across the map, so structure from tens of pixels up to the map size) by
 * filtering white noise in Fourier space, normalised to zero mean and unit variance, and turned
 * into a log-normal brightness {@code I = A · profile(d) · exp(0.8 G − 0.32)} (median A·profile,
 * bright knots a few times brighter). {@code d} is the pixel distance to the plane line (the b = 0
 * line of the field's WCS, or a random line for maps without one), and {@code profile(d) = 0.1 +
 * 0.9 exp(−d²/2h²)} with h = 25–50% of the map side. {@code A} is 2–4 times the nominal rms, so the
 * emission is clearly visible but modest: bright HII regions and SNRs are separate, catalogued
 * sources. Pixels are interpolated from the grid with uniform cubic B-spline weights (positive, so
 * the field stays positive; C² smooth).
 *
 * <p>Immutable and thread-safe; {@link #at} is a pure function of the pixel position.
 */
public final class DiffuseEmission {
  private static final double SLOPE = 2.8;
  private static final double LOG_SIGMA = 0.8;

  private final int width;
  private final int step;
  private final int nx;
  private final double[] columnWeights; // [4 * x + n]: weight of node column x / step + n
  private final float[] grid; // Jy/beam at node (i, j): pixel ((i - 1) step, (j - 1) step)
  private final double amplitude;

  private DiffuseEmission(int width, int step, int nx, float[] grid, double amplitude) {
    this.width = width;
    this.step = step;
    this.columnWeights = new double[4 * width];
    for (int x = 0; x < width; x++) {
      System.arraycopy(weights(x), 0, columnWeights, 4 * x, 4);
    }
    this.nx = nx;
    this.grid = grid;
    this.amplitude = amplitude;
  }

  /**
   * Emission for a {@code width x height} map.
   *
   * @param rmsJy nominal noise rms, Jy/beam (sets the brightness scale)
   * @param plane the plane line as two pixel positions {x1, y1, x2, y2}, or null for a random line
   *     through the map
   * @param key counter-noise key for the random field
   * @param rng other random choices (scale height, amplitude)
   */
  public static DiffuseEmission galactic(
      int width, int height, double rmsJy, double[] plane, long key, SplittableRandom rng) {
    int side = Math.max(width, height);
    int step = Math.max(4, (int) Math.ceil(side / 480.0));
    int nx = Integer.highestOneBit(Math.max(4, (width - 1) / step + 5) - 1) << 1;
    int ny = Integer.highestOneBit(Math.max(4, (height - 1) / step + 5) - 1) << 1;
    double[] re = new double[nx * ny];
    double[] im = new double[nx * ny];
    float[] row = new float[nx];
    for (int j = 0; j < ny; j++) {
      CounterNoise.fillRow(key, 0, j, row, 0, nx);
      for (int i = 0; i < nx; i++) {
        re[j * nx + i] = row[i];
      }
    }
    Fft.transform2d(re, im, nx, ny, -1);
    double k0 = 1.0 / Math.max(nx, ny);
    for (int j = 0; j < ny; j++) {
      double ky = (j <= ny / 2 ? j : j - ny) / (double) ny;
      for (int i = 0; i < nx; i++) {
        double kx = (i <= nx / 2 ? i : i - nx) / (double) nx;
        double k2 = kx * kx + ky * ky;
        double f = (i == 0 && j == 0) ? 0 : Math.pow(k2 + k0 * k0, -SLOPE / 4);
        re[j * nx + i] *= f;
        im[j * nx + i] *= f;
      }
    }
    Fft.transform2d(re, im, nx, ny, 1);
    double sum = 0;
    double sum2 = 0;
    for (double v : re) {
      sum += v;
      sum2 += v * v;
    }
    int n = re.length;
    double mean = sum / n;
    double sd = Math.sqrt(Math.max(1e-300, sum2 / n - mean * mean));
    double[] line = plane;
    if (line == null) {
      double angle = rng.nextDouble() * Math.PI;
      double cx = width * (0.3 + 0.4 * rng.nextDouble());
      double cy = height * (0.3 + 0.4 * rng.nextDouble());
      line = new double[] {cx, cy, cx + Math.cos(angle), cy + Math.sin(angle)};
    }
    double lx = line[2] - line[0];
    double ly = line[3] - line[1];
    double len = Math.hypot(lx, ly);
    if (!(len > 0)) {
      throw new IllegalArgumentException("plane line needs two distinct points");
    }
    double h = side * (0.25 + 0.25 * rng.nextDouble());
    double amplitude = rmsJy * (2 + 2 * rng.nextDouble());
    float[] grid = new float[n];
    for (int j = 0; j < ny; j++) {
      double py = (j - 1.0) * step;
      for (int i = 0; i < nx; i++) {
        double px = (i - 1.0) * step;
        double d = ((px - line[0]) * ly - (py - line[1]) * lx) / len;
        double profile = 0.1 + 0.9 * Math.exp(-0.5 * d * d / (h * h));
        double g = (re[j * nx + i] - mean) / sd;
        grid[j * nx + i] =
            (float) (amplitude * profile * Math.exp(LOG_SIGMA * g - 0.5 * LOG_SIGMA * LOG_SIGMA));
      }
    }
    return new DiffuseEmission(width, step, nx, grid, amplitude);
  }

  /** The brightness scale A (median brightness on the plane line), Jy/beam. */
  public double amplitude() {
    return amplitude;
  }

  /** Brightness at pixel (x, y), Jy/beam (> 0); (x, y) must lie in the map. */
  public double at(int x, int y) {
    double[] wy = weights(y);
    int j = y / step + 1;
    double[] wx = weights(x);
    int i = x / step + 1;
    double s = 0;
    for (int n = 0; n < 4; n++) {
      s += wx[n] * blend(j, i - 1 + n, wy);
    }
    return s;
  }

  /**
   * Writes the brightness of row y into {@code values[0 .. width)}: the same values as {@link #at}
   * (the same operations in the same order), with the row blend done once per node column.
   */
  void row(int y, double[] values) {
    double[] wy = weights(y);
    int j = y / step + 1;
    int last = (width - 1) / step + 3;
    double[] blended = new double[last + 1];
    for (int c = 0; c <= last; c++) {
      blended[c] = blend(j, c, wy);
    }
    for (int x = 0; x < width; x++) {
      int i = x / step + 1;
      int w = 4 * x;
      double s = 0;
      for (int n = 0; n < 4; n++) {
        s += columnWeights[w + n] * blended[i - 1 + n];
      }
      values[x] = s;
    }
  }

  /** Node rows j-1 .. j+2 of node column c, weighted. */
  private double blend(int j, int c, double[] wy) {
    double s = 0;
    for (int m = 0; m < 4; m++) {
      s += wy[m] * grid[(j - 1 + m) * nx + c];
    }
    return s;
  }

  /** Cubic B-spline weights of the four nodes around pixel coordinate v. */
  private double[] weights(int v) {
    int i = v / step;
    double f = (double) (v - i * step) / step;
    return new double[] {bspline0(f), bspline1(f), bspline1(1 - f), bspline0(1 - f)};
  }

  /** Mean brightness over the rectangle {@code [x0, x0 + w) x [y0, y0 + h)}, sampled sparsely. */
  public double meanIn(int x0, int y0, int w, int h) {
    int stride = Math.max(1, Math.min(step, Math.min(w, h) / 4));
    double s = 0;
    long count = 0;
    for (int y = y0 + stride / 2; y < y0 + h; y += stride) {
      for (int x = x0 + stride / 2; x < x0 + w; x += stride) {
        s += at(x, y);
        count++;
      }
    }
    return count == 0 ? 0 : s / count;
  }

  /** Cubic B-spline weight of the node 1 before (distance 1 + f). */
  private static double bspline0(double f) {
    double g = 1 - f;
    return g * g * g / 6;
  }

  /** Cubic B-spline weight of the node at distance f in [0, 1]. */
  private static double bspline1(double f) {
    return (3 * f * f * f - 6 * f * f + 4) / 6;
  }
}
