package org.radioclr.sim.map;

/** Measurements on noise images for the tests. */
final class NoiseStats {
  private NoiseStats() {}

  /** Standard deviation of {@code data} over the rectangle {@code [x0, x0+w) x [y0, y0+h)}. */
  static double std(float[] data, int width, int x0, int y0, int w, int h) {
    double s = 0;
    double s2 = 0;
    long n = 0;
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        double v = data[y * width + x];
        s += v;
        s2 += v * v;
        n++;
      }
    }
    double mean = s / n;
    return Math.sqrt(s2 / n - mean * mean);
  }

  /**
   * The beam-like shape of the autocorrelation of {@code data} over the rectangle: the normalised
   * autocorrelation is computed at integer lags up to {@code maxLag}, and {@code ln rho = c0 - 1/2
   * l^T P l} is fitted by least squares to the lags with {@code rho > 0.2}. Returns {FWHM major,
   * FWHM minor, angle of the major axis in radians counter-clockwise from +x in [0, pi)}.
   */
  static double[] acfShape(float[] data, int width, int x0, int y0, int w, int h, int maxLag) {
    double mean = 0;
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        mean += data[y * width + x];
      }
    }
    mean /= (double) w * h;
    int n = 2 * maxLag + 1;
    double[] acf = new double[n * n];
    for (int dy = -maxLag; dy <= maxLag; dy++) {
      for (int dx = -maxLag; dx <= maxLag; dx++) {
        double s = 0;
        long count = 0;
        for (int y = Math.max(y0, y0 - dy); y < Math.min(y0 + h, y0 + h - dy); y++) {
          for (int x = Math.max(x0, x0 - dx); x < Math.min(x0 + w, x0 + w - dx); x++) {
            s += (data[y * width + x] - mean) * (data[(y + dy) * width + x + dx] - mean);
            count++;
          }
        }
        acf[(dy + maxLag) * n + dx + maxLag] = s / count;
      }
    }
    double zero = acf[maxLag * n + maxLag];
    // least squares for ln rho = c0 + q1 dx^2 + q2 dx dy + q3 dy^2
    double[][] ata = new double[4][4];
    double[] atb = new double[4];
    for (int dy = -maxLag; dy <= maxLag; dy++) {
      for (int dx = -maxLag; dx <= maxLag; dx++) {
        double rho = acf[(dy + maxLag) * n + dx + maxLag] / zero;
        if (rho <= 0.2) {
          continue;
        }
        double[] row = {1, dx * dx, dx * dy, dy * dy};
        double b = Math.log(rho);
        for (int i = 0; i < 4; i++) {
          atb[i] += row[i] * b;
          for (int j = 0; j < 4; j++) {
            ata[i][j] += row[i] * row[j];
          }
        }
      }
    }
    double[] q = solve(ata, atb);
    // ln rho = -1/2 (Pxx dx^2 + 2 Pxy dx dy + Pyy dy^2)
    double pxx = -2 * q[1];
    double pxy = -q[2];
    double pyy = -2 * q[3];
    double det = pxx * pyy - pxy * pxy;
    double sxx = pyy / det;
    double sxy = -pxy / det;
    double syy = pxx / det;
    double tr = sxx + syy;
    double disc = Math.sqrt(Math.max(0, (sxx - syy) * (sxx - syy) / 4 + sxy * sxy));
    double l1 = tr / 2 + disc;
    double l2 = tr / 2 - disc;
    double angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
    if (angle < 0) {
      angle += Math.PI;
    }
    double f = 2 * Math.sqrt(2 * Math.log(2));
    return new double[] {f * Math.sqrt(l1), f * Math.sqrt(l2), angle};
  }

  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
          p = r;
        }
      }
      double[] t = m[c];
      m[c] = m[p];
      m[p] = t;
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = m[r][c] / m[c][c];
          for (int k = c; k <= n; k++) {
            m[r][k] -= f * m[c][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = m[i][n] / m[i][i];
    }
    return x;
  }

  /** Smallest angle between two axis directions (mod pi), radians. */
  static double axisAngleDiff(double a, double b) {
    double d = Math.abs(a - b) % Math.PI;
    return Math.min(d, Math.PI - d);
  }
}
