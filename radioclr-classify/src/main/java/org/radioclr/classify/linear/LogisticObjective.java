package org.radioclr.classify.linear;

import java.util.stream.IntStream;
import smile.util.function.DifferentiableMultivariateFunction;

/**
 * The penalised mean log-loss of a linear model on standardised features, with its gradient.
 * Parameters: {@code w[c * dim + j]} the weight of feature {@code j} for class {@code c}, then
 * {@code w[classes * dim + c]} the intercepts (not penalised).
 *
 * <p>Softmax: {@code L = (1/n) sum_i [log sum_c exp(z_ic) - z_i,y_i] + (l2/2) |W|^2}. Sigmoid
 * (multi-label): {@code L = (1/n) sum_i sum_c [log(1 + exp(z_ic)) - t_ic z_ic] + (l2/2) |W|^2}. Row
 * blocks are evaluated in parallel and summed in block order, so results do not depend on the
 * thread count. It is a Smile {@link DifferentiableMultivariateFunction}, minimised by Smile's
 * L-BFGS ({@link LbfgsFit}).
 */
final class LogisticObjective implements DifferentiableMultivariateFunction {
  private static final long serialVersionUID = 1L;
  private static final int BLOCK = 256;

  private final double[] x;
  private final int n;
  private final int dim;
  private final int classes;
  private final double[] target;
  private final boolean sigmoid;
  private final double l2;

  /**
   * @param x {@code [n * dim]} standardised features, row-major
   * @param target {@code [n * classes]} 0/1 targets (one-hot when softmax)
   */
  LogisticObjective(
      double[] x, int n, int dim, int classes, double[] target, boolean sigmoid, double l2) {
    this.x = x;
    this.n = n;
    this.dim = dim;
    this.classes = classes;
    this.target = target;
    this.sigmoid = sigmoid;
    this.l2 = l2;
  }

  int parameters() {
    return classes * (dim + 1);
  }

  /** The value at {@code w} (Smile's line search asks for it without the gradient). */
  @Override
  public double f(double[] w) {
    return evaluate(w, null);
  }

  /** The value at {@code w}; {@code gradient} {@code [parameters()]} receives the gradient. */
  @Override
  public double g(double[] w, double[] gradient) {
    return evaluate(w, gradient);
  }

  /**
   * The value at {@code w}, and the gradient into {@code gradient}.
   *
   * @param w {@code [parameters()]}
   * @param gradient {@code [parameters()]} receives the gradient
   */
  double valueAndGradient(double[] w, double[] gradient) {
    return evaluate(w, gradient);
  }

  private double evaluate(double[] w, double[] gradient) {
    int blocks = (n + BLOCK - 1) / BLOCK;
    double[][] partGrad = new double[blocks][];
    double[] partLoss = new double[blocks];
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b -> {
              double[] gr = gradient == null ? null : new double[parameters()];
              partLoss[b] = block(w, b * BLOCK, Math.min(n, (b + 1) * BLOCK), gr);
              partGrad[b] = gr;
            });
    double loss = 0;
    for (int b = 0; b < blocks; b++) {
      loss += partLoss[b];
    }
    double inv = 1.0 / n;
    loss *= inv;
    int weights = classes * dim;
    double penalty = 0;
    for (int p = 0; p < weights; p++) {
      penalty += w[p] * w[p];
    }
    if (gradient == null) {
      return loss + 0.5 * l2 * penalty;
    }
    java.util.Arrays.fill(gradient, 0);
    for (int b = 0; b < blocks; b++) {
      double[] gr = partGrad[b];
      for (int p = 0; p < gradient.length; p++) {
        gradient[p] += gr[p];
      }
    }
    for (int p = 0; p < gradient.length; p++) {
      gradient[p] *= inv;
      if (p < weights) {
        gradient[p] += l2 * w[p];
      }
    }
    return loss + 0.5 * l2 * penalty;
  }

  /**
   * Summed loss of rows {@code [from, to)}; adds their summed gradient into {@code gr} unless it is
   * {@code null}.
   */
  private double block(double[] w, int from, int to, double[] gr) {
    double[] z = new double[classes];
    double loss = 0;
    int biasAt = classes * dim;
    for (int i = from; i < to; i++) {
      int xi = i * dim;
      for (int c = 0; c < classes; c++) {
        double s = w[biasAt + c];
        int wc = c * dim;
        for (int j = 0; j < dim; j++) {
          s += w[wc + j] * x[xi + j];
        }
        z[c] = s;
      }
      int ti = i * classes;
      if (sigmoid) {
        for (int c = 0; c < classes; c++) {
          double zc = z[c];
          // log(1 + e^z) - t z, computed stably
          loss +=
              (zc > 0 ? zc + Math.log1p(Math.exp(-zc)) : Math.log1p(Math.exp(zc)))
                  - target[ti + c] * zc;
          z[c] = LogisticModel.sigmoid(zc) - target[ti + c];
        }
      } else {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
          max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          sum += Math.exp(z[c] - max);
        }
        double lse = max + Math.log(sum);
        for (int c = 0; c < classes; c++) {
          loss -= target[ti + c] * (z[c] - lse);
          z[c] = Math.exp(z[c] - lse) - target[ti + c];
        }
      }
      if (gr == null) {
        continue;
      }
      // z now holds dL_i/dz
      for (int c = 0; c < classes; c++) {
        double r = z[c];
        if (r == 0) {
          continue;
        }
        int wc = c * dim;
        for (int j = 0; j < dim; j++) {
          gr[wc + j] += r * x[xi + j];
        }
        gr[biasAt + c] += r;
      }
    }
    return loss;
  }
}
