package org.radioclr.classify.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticObjectiveTest {

  @Test
  void softmaxGradientMatchesFiniteDifferences() {
    check(false);
  }

  @Test
  void sigmoidGradientMatchesFiniteDifferences() {
    check(true);
  }

  @Test
  void zeroWeightsGiveLogKLossForSoftmax() {
    double[] x = {1, 2, 3, 4};
    double[] t = {1, 0, 0, 0, 0, 1};
    LogisticObjective f = new LogisticObjective(x, 2, 2, 3, t, false, 0.5);
    assertEquals(Math.log(3), f.valueAndGradient(new double[9], new double[9]), 1e-15);
  }

  private static void check(boolean sigmoid) {
    int n = 7, dim = 3, k = 3;
    SplittableRandom r = new SplittableRandom(11);
    double[] x = new double[n * dim];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextGaussian();
    }
    double[] t = new double[n * k];
    for (int i = 0; i < n; i++) {
      if (sigmoid) {
        for (int c = 0; c < k; c++) {
          t[i * k + c] = r.nextBoolean() ? 1 : 0;
        }
      } else {
        t[i * k + r.nextInt(k)] = 1;
      }
    }
    LogisticObjective f = new LogisticObjective(x, n, dim, k, t, sigmoid, 0.3);
    double[] w = new double[f.parameters()];
    for (int p = 0; p < w.length; p++) {
      w[p] = r.nextGaussian();
    }
    double[] g = new double[w.length];
    f.valueAndGradient(w, g);
    double h = 1e-6;
    double[] scratch = new double[w.length];
    for (int p = 0; p < w.length; p++) {
      double[] wp = w.clone();
      double[] wm = w.clone();
      wp[p] += h;
      wm[p] -= h;
      double numeric =
          (f.valueAndGradient(wp, scratch) - f.valueAndGradient(wm, scratch)) / (2 * h);
      assertEquals(numeric, g[p], 1e-7, "parameter " + p);
    }
  }
}
