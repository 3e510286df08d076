package org.radioclr.classify.linear;

import smile.math.BFGS;
import smile.util.function.DifferentiableMultivariateFunction;

/**
 * A minimisation by Smile's limited-memory BFGS ({@link BFGS#minimize(
 * DifferentiableMultivariateFunction, int, double[], double, int)}: Nocedal &amp; Wright,
 * <i>Numerical Optimization</i>, 2nd ed., Algorithm 7.4, with the line search of Numerical Recipes
 * §9.7), with what it did: the minimum, the iterations run and whether it converged.
 *
 * <p>Smile stops when the relative gradient {@code max_i |g_i| max(|x_i|, 1) / max(f, 1)} is below
 * the tolerance, when a step changes no {@code x_i} by more than 4 machine epsilons relative to
 * {@code max(|x_i|, 1)}, or after the iteration budget. The second also ends a run whose search
 * direction stopped being one of descent (round-off, or curvature on a non-convex function), far
 * from the minimum; so when Smile stops with the gradient test unmet, the minimisation restarts it
 * from where it stopped (a fresh memory: steepest descent first), as long as a restart still lowers
 * the objective. It counts as converged when the gradient test is met, or when a restart no longer
 * lowers the objective (by a relative 1e-12) within the budget; not converged when the budget runs
 * out. Smile evaluates the gradient once at the start of a run and once per iteration (its line
 * search asks for values only), so a run's iterations are its gradient evaluations less one.
 *
 * @param x the minimiser found
 * @param value the objective there
 * @param iterations L-BFGS iterations run
 * @param converged whether it stopped before the iteration budget (see above)
 */
record LbfgsFit(double[] x, double value, int iterations, boolean converged) {
  /** Correction pairs kept. */
  static final int MEMORY = 10;

  private static final String SMILE_LOG_PROPERTY = "org.slf4j.simpleLogger.log.smile.math.BFGS";

  /**
   * Minimises {@code f} from {@code x0} (not changed).
   *
   * @param maxIterations the iteration budget, &ge; 1
   * @param tolerance the relative gradient tolerance, &gt; 0
   */
  static LbfgsFit minimize(
      DifferentiableMultivariateFunction f, double[] x0, int maxIterations, double tolerance) {
    if (System.getProperty(SMILE_LOG_PROPERTY) == null) {
      // Smile logs the start and end at INFO and the budget at WARN; the fit reports both itself
      System.setProperty(SMILE_LOG_PROPERTY, "error");
    }
    double[] x = x0.clone();
    double[] gradient = new double[x.length];
    int iterations = 0;
    double before = Double.NaN;
    while (true) {
      Counted counted = new Counted(f);
      double value = BFGS.minimize(counted, MEMORY, x, tolerance, maxIterations - iterations);
      iterations += Math.max(0, counted.gradients - 1);
      if (relativeGradient(f, x, gradient) < tolerance) {
        return new LbfgsFit(x, value, iterations, true);
      }
      if (iterations >= maxIterations) {
        return new LbfgsFit(x, value, iterations, false);
      }
      if (!(before - value > 1e-12 * Math.max(1, Math.abs(before))) && !Double.isNaN(before)) {
        return new LbfgsFit(x, value, iterations, true); // a restart no longer helps
      }
      before = value;
    }
  }

  /** Smile's convergence test: {@code max_i |g_i| max(|x_i|, 1) / max(f, 1)}. */
  private static double relativeGradient(
      DifferentiableMultivariateFunction f, double[] x, double[] gradient) {
    double value = f.g(x, gradient);
    double scale = Math.max(value, 1);
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      max = Math.max(max, Math.abs(gradient[i]) * Math.max(Math.abs(x[i]), 1) / scale);
    }
    return max;
  }

  /** Counts gradient evaluations. */
  private static final class Counted implements DifferentiableMultivariateFunction {
    private static final long serialVersionUID = 1L;

    private final DifferentiableMultivariateFunction f;
    private int gradients;

    Counted(DifferentiableMultivariateFunction f) {
      this.f = f;
    }

    @Override
    public double f(double[] x) {
      return f.f(x);
    }

    @Override
    public double g(double[] x, double[] gradient) {
      gradients++;
      return f.g(x, gradient);
    }
  }
}
