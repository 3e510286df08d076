package org.radioclr.sim.map;

import java.util.Arrays;
import org.radioclr.sim.model.PixelBeam;

/**
 * Unit-variance Gaussian noise correlated like the noise of a restored radio image: white noise
 * from {@link CounterNoise} convolved with an elliptical Gaussian kernel whose covariance is half
 * the beam's, so that the noise autocorrelation has the beam's shape (FWHM along major and minor
 * axes, position angle).
 *
 * <p><b>Algorithm.</b> The kernel covariance {@code [[a, b], [b, c]]} is split into a 1-D Gaussian
 * along x of variance {@code a − b²/c} followed by a 1-D Gaussian of variance {@code c} (in rows)
 * along the sheared direction {@code (b/c, 1)}, sampled with linear interpolation between columns;
 * this is the decomposition of Geusebroek, Smeulders &amp; van de Weijer (2003), "Fast anisotropic
 * Gauss filtering", IEEE TIP 12, 938, and costs O(N·k) for N pixels and k taps. For a beam aligned
 * with the axes (BPA 0 or 90 degrees) the shear is 0 and the two passes are the usual separable
 * filter. The weights are scaled so that the effective 2-D kernel (including the interpolation) has
 * unit sum of squares, which makes the smoothed noise exactly unit variance. The kernel is sampled
 * at pixel centres and cut at 4σ; it follows the beam to a few percent when the beam's minor-axis
 * FWHM is at least about 2 pixels (narrower beams are undersampled).
 *
 * <p><b>Bands.</b> Rows are produced in bands: {@link #fillBand} writes rows {@code [y0, y0 +
 * rows)}, columns {@code [0, width)}, drawing the white noise it needs (including margins of {@link
 * #rowMargin()} rows and a few columns outside the map) from the counter-based generator. Every
 * output pixel is the same function of the global white-noise field, summed in the same order, so
 * the result does not depend on how the map is cut into bands or on the thread that computes a
 * band. Memory per call: the output plus a ring of {@code 2 rowMargin + 1} rows.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CorrelatedNoise {
  private static final double TRUNCATE_SIGMAS = 4.0;

  private final float[] taps1; // pass 1 along x, offsets -r1..r1
  private final int r1;
  private final int r2; // pass 2 offsets k = -r2..r2 rows
  private final int[] shift; // integer column shift of tap k
  private final float[] wa; // weight of column shift[k]
  private final float[] wb; // weight of column shift[k] + 1
  private final boolean sheared;
  private final int minCol; // lowest column offset pass 2 reads
  private final int maxCol; // highest column offset pass 2 reads
  private final double[] covariance;

  private CorrelatedNoise(double a, double b, double c) {
    this.covariance = new double[] {a, b, c};
    double var1 = Math.max(0, a - b * b / c);
    double sigma1 = Math.sqrt(var1);
    double sigma2 = Math.sqrt(c);
    double t = b / c;
    this.sheared = Math.abs(t) > 1e-12;
    this.r1 = sigma1 < 1e-3 ? 0 : (int) Math.ceil(TRUNCATE_SIGMAS * sigma1);
    this.taps1 = new float[2 * r1 + 1];
    for (int j = -r1; j <= r1; j++) {
      taps1[j + r1] = r1 == 0 ? 1f : (float) Math.exp(-0.5 * j * j / var1);
    }
    this.r2 = Math.max(1, (int) Math.ceil(TRUNCATE_SIGMAS * sigma2));
    int n2 = 2 * r2 + 1;
    this.shift = new int[n2];
    double[] a2 = new double[n2];
    double[] b2 = new double[n2];
    int lo = 0;
    int hi = 0;
    for (int k = -r2; k <= r2; k++) {
      double g = Math.exp(-0.5 * k * k / c);
      double pos = sheared ? t * k : 0.0;
      int s = (int) Math.floor(pos);
      double f = pos - s;
      shift[k + r2] = s;
      a2[k + r2] = g * (1 - f);
      b2[k + r2] = g * f;
      lo = Math.min(lo, s);
      hi = Math.max(hi, f > 0 ? s + 1 : s);
    }
    this.minCol = lo;
    this.maxCol = hi;
    // effective weight of white-noise pixel (X, k): a_k taps1[X - s_k] + b_k taps1[X - s_k - 1]
    double sumSq = 0;
    for (int k = 0; k < n2; k++) {
      for (int x = minCol - r1; x <= maxCol + r1; x++) {
        double w = a2[k] * tap1(x - shift[k]) + b2[k] * tap1(x - shift[k] - 1);
        sumSq += w * w;
      }
    }
    double scale = 1 / Math.sqrt(sumSq);
    this.wa = new float[n2];
    this.wb = new float[n2];
    for (int k = 0; k < n2; k++) {
      wa[k] = (float) (a2[k] * scale);
      wb[k] = (float) (b2[k] * scale);
    }
  }

  private double tap1(int j) {
    return j < -r1 || j > r1 ? 0 : taps1[j + r1];
  }

  /**
   * The filter for a beam: kernel covariance = beam covariance / 2, so the noise autocorrelation is
   * the beam.
   */
  public static CorrelatedNoise forBeam(PixelBeam beam) {
    double cos = Math.cos(beam.pa());
    double sin = Math.sin(beam.pa());
    double vMaj = beam.sigmaMajor() * beam.sigmaMajor() / 2;
    double vMin = beam.sigmaMinor() * beam.sigmaMinor() / 2;
    double a = vMaj * cos * cos + vMin * sin * sin;
    double b = (vMaj - vMin) * sin * cos;
    double c = vMaj * sin * sin + vMin * cos * cos;
    return new CorrelatedNoise(a, b, c);
  }

  /** Rows read above and below a band. */
  public int rowMargin() {
    return r2;
  }

  /** The smoothing kernel's covariance {xx, xy, yy}, pixels² (half the beam's). */
  public double[] kernelCovariance() {
    return covariance.clone();
  }

  /**
   * Writes unit-variance correlated noise for rows {@code [y0, y0 + rows)} and columns {@code [0,
   * width)} into {@code out[0 .. rows * width)}, row-major.
   *
   * @param key noise-field key ({@link CounterNoise#key})
   */
  public void fillBand(long key, int y0, int rows, int width, float[] out) {
    if (rows < 0 || width < 1 || out.length < (long) rows * width) {
      throw new IllegalArgumentException(
          "need rows >= 0, width >= 1 and out of rows*width floats, got "
              + rows
              + ", "
              + width
              + ", "
              + out.length);
    }
    int n2 = 2 * r2 + 1;
    // pass-1 row: column c is x = c + minCol; one spare column for the interpolation's right tap
    int cols = width + maxCol - minCol + 1;
    float[][] ring = new float[n2][cols];
    float[] white = new float[cols + 2 * r1];
    // ring slot of row Y is floorMod(Y, n2); fill rows y0 - r2 .. y0 + r2 - 1 first
    for (int yy = y0 - r2; yy < y0 + r2; yy++) {
      smoothRow(key, yy, ring[Math.floorMod(yy, n2)], white, cols);
    }
    for (int i = 0; i < rows; i++) {
      int y = y0 + i;
      int newest = y + r2;
      smoothRow(key, newest, ring[Math.floorMod(newest, n2)], white, cols);
      int base = i * width;
      Arrays.fill(out, base, base + width, 0f);
      for (int k = -r2; k <= r2; k++) {
        float[] src = ring[Math.floorMod(y + k, n2)];
        int off = shift[k + r2] - minCol;
        float a = wa[k + r2];
        if (sheared) {
          float b = wb[k + r2];
          for (int x = 0; x < width; x++) {
            out[base + x] += a * src[off + x] + b * src[off + x + 1];
          }
        } else {
          for (int x = 0; x < width; x++) {
            out[base + x] += a * src[off + x];
          }
        }
      }
    }
  }

  /** Pass 1: white noise of row y smoothed along x into {@code dst[0 .. cols)}. */
  private void smoothRow(long key, int y, float[] dst, float[] white, int cols) {
    CounterNoise.fillRow(key, minCol - r1, y, white, 0, cols + 2 * r1);
    if (r1 == 0) {
      System.arraycopy(white, 0, dst, 0, cols);
      return;
    }
    Arrays.fill(dst, 0, cols, 0f);
    for (int j = 0; j <= 2 * r1; j++) {
      float w = taps1[j];
      for (int c = 0; c < cols; c++) {
        dst[c] += w * white[c + j];
      }
    }
  }
}
