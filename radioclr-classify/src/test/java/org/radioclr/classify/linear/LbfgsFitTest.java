package org.radioclr.classify.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import smile.util.function.DifferentiableMultivariateFunction;

class LbfgsFitTest {

  /** Rosenbrock's function, minimum 0 at (1, 1). */
  private static final DifferentiableMultivariateFunction ROSENBROCK =
      new DifferentiableMultivariateFunction() {
        private static final long serialVersionUID = 1L;

        @Override
        public double f(double[] x) {
          double a = 1 - x[0];
          double b = x[1] - x[0] * x[0];
          return a * a + 100 * b * b;
        }

        @Override
        public double g(double[] x, double[] gradient) {
          double b = x[1] - x[0] * x[0];
          gradient[0] = -2 * (1 - x[0]) - 400 * x[0] * b;
          gradient[1] = 200 * b;
          return f(x);
        }
      };

  @Test
  void findsTheRosenbrockMinimumAndSaysItConverged() {
    double[] start = {-1.2, 1};
    LbfgsFit fit = LbfgsFit.minimize(ROSENBROCK, start, 1000, 1e-10);
    assertArrayEquals(new double[] {1, 1}, fit.x(), 1e-5);
    assertEquals(0, fit.value(), 1e-10);
    assertTrue(fit.converged(), fit.toString());
    assertTrue(fit.iterations() > 5 && fit.iterations() < 1000, fit.toString());
    assertArrayEquals(new double[] {-1.2, 1}, start, 0.0); // the start is not changed
  }

  @Test
  void aSpentBudgetIsNotConvergence() {
    LbfgsFit fit = LbfgsFit.minimize(ROSENBROCK, new double[] {-1.2, 1}, 3, 1e-10);
    assertFalse(fit.converged(), fit.toString());
    assertEquals(3, fit.iterations());
  }

  @Test
  void theObjectivesValueOnlyPathEqualsItsValueWithGradient() {
    double[] x = {1, 2, 3, 4, -1, 0.5};
    double[] t = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    for (boolean sigmoid : new boolean[] {false, true}) {
      LogisticObjective f = new LogisticObjective(x, 3, 2, 3, t, sigmoid, 0.5);
      double[] w = {0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.01, 0.02, -0.03};
      assertEquals(f.g(w, new double[9]), f.f(w), 0.0, "sigmoid=" + sigmoid);
    }
  }
}
