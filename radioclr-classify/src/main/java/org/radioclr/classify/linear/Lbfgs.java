package org.radioclr.classify.linear;

/**
 * Limited-memory BFGS minimisation (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed.,
 * Algorithm 7.4, two-loop recursion) with a backtracking line search on the Armijo condition, in
 * double precision. Pairs that break the curvature condition ({@code s·y <= 0}) are skipped. Stops
 * when the largest gradient component is below the tolerance, when the objective stops decreasing
 * (relative change below 1e-12 twice), or after the iteration budget.
 */
final class Lbfgs {
  /** Correction pairs kept. */
  static final int MEMORY = 10;

  private Lbfgs() {}

  /** The outcome of a minimisation. */
  record Result(double[] x, double value, int iterations, boolean converged) {}

  /**
   * Minimises {@code f} from {@code x0}.
   *
   * @param maxIterations the iteration budget, &ge; 1
   * @param gradientTolerance stop when {@code max |g_i|} is below this
   */
  static Result minimize(DiffFunction f, double[] x0, int maxIterations, double gradientTolerance) {
    int n = x0.length;
    double[] x = x0.clone();
    double[] g = new double[n];
    double fx = f.valueAndGradient(x, g);
    double[][] s = new double[MEMORY][n];
    double[][] y = new double[MEMORY][n];
    double[] rho = new double[MEMORY];
    double[] alpha = new double[MEMORY];
    int stored = 0;
    int head = 0;
    double[] d = new double[n];
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    int stalls = 0;
    int it = 0;
    while (it < maxIterations) {
      if (maxAbs(g) < gradientTolerance) {
        return new Result(x, fx, it, true);
      }
      it++;
      // two-loop recursion: d = -H g
      System.arraycopy(g, 0, d, 0, n);
      for (int k = 0; k < stored; k++) {
        int j = Math.floorMod(head - 1 - k, MEMORY);
        alpha[j] = rho[j] * dot(s[j], d);
        axpy(-alpha[j], y[j], d);
      }
      double gamma = 1;
      if (stored > 0) {
        int j = Math.floorMod(head - 1, MEMORY);
        gamma = dot(s[j], y[j]) / dot(y[j], y[j]);
      }
      for (int i = 0; i < n; i++) {
        d[i] *= gamma;
      }
      for (int k = stored - 1; k >= 0; k--) {
        int j = Math.floorMod(head - 1 - k, MEMORY);
        double beta = rho[j] * dot(y[j], d);
        axpy(alpha[j] - beta, s[j], d);
      }
      for (int i = 0; i < n; i++) {
        d[i] = -d[i];
      }
      double slope = dot(g, d);
      if (!(slope < 0)) {
        // not a descent direction: restart from steepest descent
        stored = 0;
        for (int i = 0; i < n; i++) {
          d[i] = -g[i];
        }
        slope = dot(g, d);
      }
      double step = stored == 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
      double fNew = Double.NaN;
      boolean accepted = false;
      for (int tries = 0; tries < 40; tries++) {
        for (int i = 0; i < n; i++) {
          xNew[i] = x[i] + step * d[i];
        }
        fNew = f.valueAndGradient(xNew, gNew);
        if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
          accepted = true;
          break;
        }
        step *= 0.5;
      }
      if (!accepted) {
        return new Result(x, fx, it, maxAbs(g) < gradientTolerance);
      }
      double[] sj = s[head];
      double[] yj = y[head];
      for (int i = 0; i < n; i++) {
        sj[i] = xNew[i] - x[i];
        yj[i] = gNew[i] - g[i];
      }
      double sy = dot(sj, yj);
      if (sy > 1e-12 * Math.sqrt(dot(yj, yj) * dot(sj, sj))) {
        rho[head] = 1 / sy;
        head = (head + 1) % MEMORY;
        stored = Math.min(stored + 1, MEMORY);
      }
      double change = Math.abs(fx - fNew) / Math.max(1, Math.abs(fx));
      stalls = change < 1e-12 ? stalls + 1 : 0;
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fx = fNew;
      if (stalls >= 2) {
        return new Result(x, fx, it, true);
      }
    }
    return new Result(x, fx, it, maxAbs(g) < gradientTolerance);
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
