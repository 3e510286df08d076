package org.radioclr.sim.map;

/**
 * In-place radix-2 complex FFT (iterative Cooley–Tukey) on separate real and imaginary arrays, and
 * its 2-D row-column form. Small and dependency-free; used on coarse grids only.
 */
final class Fft {
  private Fft() {}

  /** Transforms {@code re[off + i*stride], im[...]}, i < n (n a power of two); sign -1 forward. */
  static void transform(double[] re, double[] im, int off, int stride, int n, int sign) {
    if (Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
    }
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        int a = off + i * stride;
        int b = off + j * stride;
        double t = re[a];
        re[a] = re[b];
        re[b] = t;
        t = im[a];
        im[a] = im[b];
        im[b] = t;
      }
    }
    double[] cos = new double[Math.max(1, n / 2)];
    double[] sin = new double[Math.max(1, n / 2)];
    for (int k = 0; k < n / 2; k++) {
      double ang = sign * 2 * Math.PI * k / n;
      cos[k] = Math.cos(ang);
      sin[k] = Math.sin(ang);
    }
    for (int len = 2; len <= n; len <<= 1) {
      int stride2 = n / len;
      for (int k = 0; k < len / 2; k++) {
        double wr = cos[k * stride2];
        double wi = sin[k * stride2];
        for (int s = 0; s < n; s += len) {
          int a = off + (s + k) * stride;
          int b = off + (s + k + len / 2) * stride;
          double xr = re[b] * wr - im[b] * wi;
          double xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
  }

  /** 2-D transform of a row-major {@code [ny][nx]} grid. */
  static void transform2d(double[] re, double[] im, int nx, int ny, int sign) {
    for (int j = 0; j < ny; j++) {
      transform(re, im, j * nx, 1, nx, sign);
    }
    double[] cr = new double[ny];
    double[] ci = new double[ny];
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < ny; j++) {
        cr[j] = re[j * nx + i];
        ci[j] = im[j * nx + i];
      }
      transform(cr, ci, 0, 1, ny, sign);
      for (int j = 0; j < ny; j++) {
        re[j * nx + i] = cr[j];
        im[j * nx + i] = ci[j];
      }
    }
  }
}
