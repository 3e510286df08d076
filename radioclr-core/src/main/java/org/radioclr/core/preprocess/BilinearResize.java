package org.radioclr.core.preprocess;

import org.radioclr.core.image.Plane;

/**
 * Bilinear resizing exactly as Pillow 9.4 {@code Image.resize(size, Image.BILINEAR)} on a mode
 * {@code "F"} (float32) image ({@code libImaging/Resample.c}): a separable triangle filter whose
 * support is scaled by the shrink factor when shrinking (antialiasing; plain bilinear interpolation
 * when enlarging), pixel centres at {@code i + 0.5}, per-output normalised double weights, a
 * horizontal pass to a float32 intermediate then a vertical pass, each pass only when that
 * dimension changes. An unchanged size is the identity (the pixels are copied, not resampled).
 *
 * <p>Speed: the horizontal pass reads each input row converted to double once and, when every input
 * is finite, uses taps padded with zero weights to a fixed count per output (a zero-weight tap adds
 * an exact {@code +-0.0}, so the sums are those of Pillow); the vertical pass runs row by row over
 * whole output rows, which the JIT vectorises.
 *
 * <p>Planes are {@code [height][width]} row-major float; values keep their units.
 */
public final class BilinearResize {
  private BilinearResize() {}

  /** A resized copy of {@code in}, {@code width x height}. */
  public static Plane resize(Plane in, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "output size must be positive, got " + width + "x" + height);
    }
    float[] out = new float[Math.multiplyExact(width, height)];
    float[] data = in.data();
    resize(
        data,
        in.width(),
        in.height(),
        out,
        0,
        width,
        height,
        allFinite(data, data.length),
        new Workspace());
    return new Plane(width, height, out);
  }

  /**
   * Resizes {@code in} ({@code inWidth x inHeight}) into {@code out[offset ..]} ({@code outWidth x
   * outHeight}, row-major), using the workspace's scratch memory.
   *
   * @param finite whether every input value is finite (allows the padded taps)
   */
  static void resize(
      float[] in,
      int inWidth,
      int inHeight,
      float[] out,
      int offset,
      int outWidth,
      int outHeight,
      boolean finite,
      Workspace ws) {
    boolean horizontal = outWidth != inWidth;
    boolean vertical = outHeight != inHeight;
    if (!horizontal && !vertical) {
      System.arraycopy(in, 0, out, offset, inWidth * inHeight);
      return;
    }
    float[] src = in;
    int srcOffset = 0;
    if (horizontal) {
      Coefficients c = ws.horizontal(inWidth, outWidth);
      float[] dst;
      int dstOffset;
      if (vertical) {
        dst = ws.resizeTemp(outWidth * inHeight);
        dstOffset = 0;
      } else {
        dst = out;
        dstOffset = offset;
      }
      double[] row = ws.resizeRow(inWidth);
      if (finite) {
        paddedHorizontalPass(in, inWidth, inHeight, dst, dstOffset, outWidth, c, row);
      } else {
        horizontalPass(in, inWidth, inHeight, dst, dstOffset, outWidth, c, row);
      }
      src = dst;
      srcOffset = dstOffset;
    }
    if (vertical) {
      Coefficients c = ws.vertical(inHeight, outHeight);
      verticalPass(src, srcOffset, outWidth, out, offset, outHeight, c, ws.rowSums(outWidth));
    }
  }

  /** Whether {@code data[0..n)} are all finite. */
  static boolean allFinite(float[] data, int n) {
    // the sign bit of (exponent bits + lowest exponent bit) is set only for all-ones exponents
    int overflow = 0;
    for (int i = 0; i < n; i++) {
      overflow |= (Float.floatToRawIntBits(data[i]) & 0x7f800000) + 0x00800000;
    }
    return overflow >= 0;
  }

  /** Pillow's horizontal pass: per output, its taps in increasing order, summed in double. */
  private static void horizontalPass(
      float[] in,
      int inWidth,
      int rows,
      float[] out,
      int offset,
      int outWidth,
      Coefficients c,
      double[] row) {
    int[] bounds = c.bounds;
    double[] kk = c.kk;
    int ksize = c.ksize;
    for (int y = 0; y < rows; y++) {
      toDouble(in, y * inWidth, row, inWidth);
      int rowOut = offset + y * outWidth;
      for (int xx = 0; xx < outWidth; xx++) {
        int xmin = bounds[2 * xx];
        int xcount = bounds[2 * xx + 1];
        int k = xx * ksize;
        double ss = 0.0;
        for (int x = 0; x < xcount; x++) {
          ss += row[xmin + x] * kk[k + x];
        }
        out[rowOut + xx] = (float) ss;
      }
    }
  }

  /**
   * The horizontal pass with every output's taps padded to {@link Coefficients#taps} (finite inputs
   * only): the same sums without a data-dependent inner loop.
   */
  private static void paddedHorizontalPass(
      float[] in,
      int inWidth,
      int rows,
      float[] out,
      int offset,
      int outWidth,
      Coefficients c,
      double[] row) {
    int[] start = c.paddedStart;
    double[] w = c.paddedWeights;
    int taps = c.taps;
    for (int y = 0; y < rows; y++) {
      toDouble(in, y * inWidth, row, inWidth);
      int rowOut = offset + y * outWidth;
      if (taps == 2) {
        for (int xx = 0; xx < outWidth; xx++) {
          int s = start[xx];
          int k = 2 * xx;
          out[rowOut + xx] = (float) (0.0 + row[s] * w[k] + row[s + 1] * w[k + 1]);
        }
      } else if (taps == 3) {
        for (int xx = 0; xx < outWidth; xx++) {
          int s = start[xx];
          int k = 3 * xx;
          out[rowOut + xx] =
              (float) (0.0 + row[s] * w[k] + row[s + 1] * w[k + 1] + row[s + 2] * w[k + 2]);
        }
      } else {
        for (int xx = 0; xx < outWidth; xx++) {
          int s = start[xx];
          int k = taps * xx;
          double ss = 0.0;
          for (int t = 0; t < taps; t++) {
            ss += row[s + t] * w[k + t];
          }
          out[rowOut + xx] = (float) ss;
        }
      }
    }
  }

  /**
   * The horizontal pass of {@code count} rows already converted to double ({@code rows[r * inWidth
   * ..]}, {@code r < count}) into {@code out[offset + r * c.outSize ..]}: the same sums as {@link
   * #resize} gives those rows, for callers that compute a row's values on the fly instead of
   * reading them from a plane. Four finite rows with three taps (the usual shrink by less than 2)
   * share each output's tap positions and weights.
   *
   * @param finite whether every value of the rows is finite (allows the padded taps)
   */
  static void horizontalRows(
      double[] rows,
      int count,
      int inWidth,
      float[] out,
      int offset,
      Coefficients c,
      boolean finite) {
    int outWidth = c.outSize;
    if (finite && c.taps == 3 && count == 4) {
      int[] start = c.paddedStart;
      double[] w = c.paddedWeights;
      int r1 = inWidth;
      int r2 = 2 * inWidth;
      int r3 = 3 * inWidth;
      int o1 = offset + outWidth;
      int o2 = o1 + outWidth;
      int o3 = o2 + outWidth;
      for (int xx = 0; xx < outWidth; xx++) {
        int s = start[xx];
        int k = 3 * xx;
        double w0 = w[k];
        double w1 = w[k + 1];
        double w2 = w[k + 2];
        out[offset + xx] = (float) (0.0 + rows[s] * w0 + rows[s + 1] * w1 + rows[s + 2] * w2);
        out[o1 + xx] =
            (float) (0.0 + rows[r1 + s] * w0 + rows[r1 + s + 1] * w1 + rows[r1 + s + 2] * w2);
        out[o2 + xx] =
            (float) (0.0 + rows[r2 + s] * w0 + rows[r2 + s + 1] * w1 + rows[r2 + s + 2] * w2);
        out[o3 + xx] =
            (float) (0.0 + rows[r3 + s] * w0 + rows[r3 + s + 1] * w1 + rows[r3 + s + 2] * w2);
      }
      return;
    }
    for (int r = 0; r < count; r++) {
      horizontalRow(rows, r * inWidth, out, offset + r * outWidth, c, finite);
    }
  }

  /** {@link #horizontalRows} of the one row {@code row[from .. from + c.inSize)}. */
  private static void horizontalRow(
      double[] row, int from, float[] out, int offset, Coefficients c, boolean finite) {
    int outWidth = c.outSize;
    if (!finite) {
      int[] bounds = c.bounds;
      double[] kk = c.kk;
      int ksize = c.ksize;
      for (int xx = 0; xx < outWidth; xx++) {
        int xmin = from + bounds[2 * xx];
        int xcount = bounds[2 * xx + 1];
        int k = xx * ksize;
        double ss = 0.0;
        for (int x = 0; x < xcount; x++) {
          ss += row[xmin + x] * kk[k + x];
        }
        out[offset + xx] = (float) ss;
      }
      return;
    }
    int[] start = c.paddedStart;
    double[] w = c.paddedWeights;
    int taps = c.taps;
    for (int xx = 0; xx < outWidth; xx++) {
      int s = from + start[xx];
      int k = taps * xx;
      double ss = 0.0;
      for (int t = 0; t < taps; t++) {
        ss += row[s + t] * w[k + t];
      }
      out[offset + xx] = (float) ss;
    }
  }

  private static void toDouble(float[] in, int from, double[] row, int width) {
    for (int x = 0; x < width; x++) {
      row[x] = in[from + x];
    }
  }

  /**
   * Pillow's vertical pass: {@code in[inOffset ..]} ({@code width x c.inSize}, row-major) into
   * {@code out[offset ..]} ({@code width x c.outSize}).
   */
  static void verticalPass(
      float[] in, int inOffset, int width, float[] out, int offset, Coefficients c, Workspace ws) {
    verticalPass(in, inOffset, width, out, offset, c.outSize, c, ws.rowSums(width));
  }

  private static void verticalPass(
      float[] in,
      int inOffset,
      int width,
      float[] out,
      int offset,
      int outHeight,
      Coefficients c,
      double[] sums) {
    int[] bounds = c.bounds;
    double[] kk = c.kk;
    int ksize = c.ksize;
    for (int yy = 0; yy < outHeight; yy++) {
      int ymin = bounds[2 * yy];
      int ycount = bounds[2 * yy + 1];
      int k = yy * ksize;
      java.util.Arrays.fill(sums, 0, width, 0.0);
      // Same summation order per pixel as Pillow (taps in increasing order), row-wise for locality.
      for (int y = 0; y < ycount; y++) {
        double w = kk[k + y];
        int row = inOffset + (ymin + y) * width;
        for (int x = 0; x < width; x++) {
          sums[x] += in[row + x] * w;
        }
      }
      int rowOut = offset + yy * width;
      for (int x = 0; x < width; x++) {
        out[rowOut + x] = (float) sums[x];
      }
    }
  }

  /** Pillow's {@code precompute_coeffs} for the bilinear (triangle, support 1) filter. */
  static final class Coefficients {
    final int inSize;
    final int outSize;
    final int ksize;
    final int[] bounds; // per output: first input index, number of taps
    final double[] kk; // per output: ksize normalised weights
    final int taps; // the largest number of taps of any output
    final int[] paddedStart; // per output: first input index of its padded taps
    final double[] paddedWeights; // per output: taps weights, zero-padded around the real ones

    private Coefficients(int inSize, int outSize, int ksize, int[] bounds, double[] kk) {
      this.inSize = inSize;
      this.outSize = outSize;
      this.ksize = ksize;
      this.bounds = bounds;
      this.kk = kk;
      int most = 1;
      for (int xx = 0; xx < outSize; xx++) {
        most = Math.max(most, bounds[2 * xx + 1]);
      }
      taps = most;
      paddedStart = new int[outSize];
      paddedWeights = new double[outSize * taps];
      for (int xx = 0; xx < outSize; xx++) {
        int xmin = bounds[2 * xx];
        int count = bounds[2 * xx + 1];
        // zeros after the real taps where the row allows, otherwise (right edge) before them
        int start = Math.min(xmin, inSize - taps);
        paddedStart[xx] = start;
        for (int x = 0; x < count; x++) {
          paddedWeights[xx * taps + xmin - start + x] = kk[xx * ksize + x];
        }
      }
    }

    boolean matches(int in, int out) {
      return in == inSize && out == outSize;
    }

    static Coefficients of(int inSize, int outSize) {
      double scale = (double) inSize / outSize;
      double filterscale = Math.max(scale, 1.0);
      double support = 1.0 * filterscale;
      int ksize = (int) Math.ceil(support) * 2 + 1;
      int[] bounds = new int[2 * outSize];
      double[] kk = new double[outSize * ksize];
      double ss = 1.0 / filterscale;
      for (int xx = 0; xx < outSize; xx++) {
        double center = (xx + 0.5) * scale;
        int xmin = (int) (center - support + 0.5);
        if (xmin < 0) {
          xmin = 0;
        }
        int xmax = (int) (center + support + 0.5);
        if (xmax > inSize) {
          xmax = inSize;
        }
        xmax -= xmin;
        int k = xx * ksize;
        double ww = 0.0;
        for (int x = 0; x < xmax; x++) {
          double w = triangle((x + xmin - center + 0.5) * ss);
          kk[k + x] = w;
          ww += w;
        }
        if (ww != 0.0) {
          for (int x = 0; x < xmax; x++) {
            kk[k + x] /= ww;
          }
        }
        bounds[2 * xx] = xmin;
        bounds[2 * xx + 1] = xmax;
      }
      return new Coefficients(inSize, outSize, ksize, bounds, kk);
    }

    private static double triangle(double x) {
      double a = Math.abs(x);
      return a < 1.0 ? 1.0 - a : 0.0;
    }
  }
}
