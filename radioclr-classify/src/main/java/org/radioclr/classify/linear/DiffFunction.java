package org.radioclr.classify.linear;

/** A smooth function of a parameter vector with its gradient. */
@FunctionalInterface
interface DiffFunction {
  /**
   * Evaluates the function.
   *
   * @param x {@code [n]} the point
   * @param gradient {@code [n]} receives the gradient at {@code x}
   * @return the value at {@code x}
   */
  double valueAndGradient(double[] x, double[] gradient);
}
