package org.radioclr.core.preprocess;

import java.util.Arrays;

/**
 * One row of a fused channel's min-max values, {@code (float) ((clamp(v, lo, hi) - low) / range)}
 * widened to double for the resize, computed without a division per pixel but with the very same
 * float32 results.
 *
 * <p>Why it is exact: with {@code inv = 1 / range} rounded to double, {@code q = d * inv} is within
 * 3 double ulps of the rounded quotient {@code D = d / range} (three roundings of relative error
 * 2<sup>-53</sup> each). Rounding to float32 is monotone, so if {@code q - e} and {@code q + e}
 * with {@code e = q * 2^-50} (8 ulps) round to the same float, {@code D} (between them) rounds to
 * it too. Only when a float32 rounding boundary lies within 8 double ulps of {@code q} (about one
 * pixel in 2<sup>25</sup>) do the two differ, and that pixel is divided as before. The division in
 * a loop is several times slower than the multiplications, which the JIT vectorises.
 *
 * <p>Usable for {@code range >= Double.MIN_NORMAL} (a finite reciprocal); the caller divides
 * otherwise ({@link #usable}).
 */
final class MinMaxRow {
  private MinMaxRow() {}

  /** 8 ulps of a double, relative. */
  private static final double MARGIN = 0x1p-50;

  /** Whether {@code range} (finite, &gt; 0) has a finite reciprocal this class can use. */
  static boolean usable(double range) {
    return range >= Double.MIN_NORMAL && range <= Double.MAX_VALUE;
  }

  /**
   * {@code out[at + x] = (float) ((clamp(in[from + x], lo, hi) - low) / range)} for {@code x < n};
   * {@code below} and {@code above} are scratch of at least {@code n} floats. (The float results go
   * to float scratch and are widened in a loop of their own: the JIT vectorises that, not a loop
   * that narrows and widens in one go.)
   *
   * <p>With {@code weight} (for an image with invalid pixels: {@code in} holds the pixels with the
   * invalid ones replaced by 0, {@code weight} 1 for a valid pixel and 0 for an invalid one) the
   * float result is multiplied by {@code weight[from + x]}, so an invalid pixel gives 0, or -0
   * below {@code low}, exactly as {@code (float) ((clamp(0, lo, hi) - low) / range) * 0f}.
   *
   * @param weight per pixel of {@code in}, or null: all valid
   */
  static void scale(
      double[] in,
      float[] weight,
      int from,
      int n,
      double lo,
      double hi,
      double low,
      double range,
      double[] out,
      int at,
      float[] below,
      float[] above) {
    quotients(in, from, n, lo, hi, low, range, below, above);
    if (weight == null) {
      for (int x = 0; x < n; x++) {
        out[at + x] = below[x];
      }
    } else {
      for (int x = 0; x < n; x++) {
        out[at + x] = below[x] * weight[from + x];
      }
    }
  }

  /** {@code below[x] = (float) ((clamp(in[from + x], lo, hi) - low) / range)} for {@code x < n}. */
  private static void quotients(
      double[] in,
      int from,
      int n,
      double lo,
      double hi,
      double low,
      double range,
      float[] below,
      float[] above) {
    double inv = 1.0 / range;
    for (int x = 0; x < n; x++) {
      double q = (Math.min(Math.max(in[from + x], lo), hi) - low) * inv;
      double e = q * MARGIN;
      below[x] = (float) (q - e);
      above[x] = (float) (q + e);
    }
    for (int x = mismatch(below, above, 0, n); x >= 0; x = mismatch(below, above, x + 1, n)) {
      below[x] = (float) ((Math.min(Math.max(in[from + x], lo), hi) - low) / range);
    }
  }

  /** The first {@code x} in {@code [start, n)} with {@code below[x] != above[x]}, or -1. */
  private static int mismatch(float[] below, float[] above, int start, int n) {
    if (start >= n) {
      return -1;
    }
    int m = Arrays.mismatch(below, start, n, above, start, n);
    return m < 0 ? -1 : start + m;
  }
}
