package org.radioclr.classify.linear;

import java.util.List;

/**
 * Fits multinomial logistic regression (softmax) or, for multi-label data, one logistic regression
 * per class (sigmoid), on feature tables: the linear probe of self-supervised representations.
 * Features are standardised with the training rows' mean and (population) standard deviation, a
 * constant feature getting std 1 as in scikit-learn's {@code StandardScaler}; the penalised mean
 * log-loss ({@link LogisticOptions}) is minimised by Smile's L-BFGS ({@link LbfgsFit}) in double
 * precision from all-zero weights. The problem is convex and strictly so for {@code l2 > 0}, so the
 * fit is deterministic and needs no seed.
 */
public final class LogisticRegression {
  private LogisticRegression() {}

  /**
   * Fits a single-label model.
   *
   * @param features {@code [rows][dim]}
   * @param labels {@code [rows]} class indices into {@code classes}
   * @param classes class names, at least 2
   * @param featureNames {@code [dim]} column names, kept in the model
   */
  public static LogisticModel fit(
      float[][] features,
      int[] labels,
      List<String> classes,
      List<String> featureNames,
      LogisticOptions options) {
    int[][] truth = new int[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      truth[i] = new int[] {labels[i]};
    }
    return fit(features, truth, false, classes, featureNames, options);
  }

  /**
   * Fits a model.
   *
   * @param features {@code [rows][dim]}, finite
   * @param truth {@code [rows][*]} true class indices (exactly one per row unless multi-label)
   * @param multiLabel one sigmoid per class instead of a softmax
   * @param classes class names, at least 2 (1 allowed when multi-label)
   * @param featureNames {@code [dim]} column names, kept in the model
   * @throws IllegalArgumentException on empty or ragged input, a non-finite feature (naming row and
   *     column), or a class index out of range
   */
  public static LogisticModel fit(
      float[][] features,
      int[][] truth,
      boolean multiLabel,
      List<String> classes,
      List<String> featureNames,
      LogisticOptions options) {
    int n = features.length;
    int k = classes.size();
    int dim = featureNames.size();
    if (n == 0) {
      throw new IllegalArgumentException("no training rows");
    }
    if (truth.length != n) {
      throw new IllegalArgumentException(
          "need one label per row, got " + truth.length + " for " + n + " rows");
    }
    if (k < (multiLabel ? 1 : 2)) {
      throw new IllegalArgumentException("need at least 2 classes, got " + classes);
    }
    double[] mean = new double[dim];
    double[] std = new double[dim];
    for (int i = 0; i < n; i++) {
      if (features[i].length != dim) {
        throw new IllegalArgumentException(
            "row " + i + " has " + features[i].length + " features, expected " + dim);
      }
      for (int j = 0; j < dim; j++) {
        float v = features[i][j];
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException(
              "row " + i + ", " + featureNames.get(j) + " is not finite: " + v);
        }
        mean[j] += v;
      }
    }
    for (int j = 0; j < dim; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        double d = features[i][j] - mean[j];
        std[j] += d * d;
      }
    }
    for (int j = 0; j < dim; j++) {
      std[j] = Math.sqrt(std[j] / n);
      if (!(std[j] > 1e-12 * Math.max(1, Math.abs(mean[j])))) {
        std[j] = 1;
      }
    }
    double[] x = new double[n * dim];
    double[] target = new double[n * k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        x[i * dim + j] = (features[i][j] - mean[j]) / std[j];
      }
      if (!multiLabel && truth[i].length != 1) {
        throw new IllegalArgumentException(
            "row " + i + " must have exactly one class, got " + truth[i].length);
      }
      for (int c : truth[i]) {
        if (c < 0 || c >= k) {
          throw new IllegalArgumentException(
              "row " + i + " has class index " + c + ", expected [0, " + k + ")");
        }
        target[i * k + c] = 1;
      }
    }
    LogisticObjective objective =
        new LogisticObjective(x, n, dim, k, target, multiLabel, options.l2());
    LbfgsFit r =
        LbfgsFit.minimize(
            objective,
            new double[objective.parameters()],
            options.maxIterations(),
            options.tolerance());
    double[][] weights = new double[k][dim];
    double[] bias = new double[k];
    for (int c = 0; c < k; c++) {
      System.arraycopy(r.x(), c * dim, weights[c], 0, dim);
      bias[c] = r.x()[k * dim + c];
    }
    return new LogisticModel(
        classes,
        featureNames,
        multiLabel,
        mean,
        std,
        weights,
        bias,
        new LogisticModel.FitInfo(options.l2(), r.iterations(), r.converged(), r.value(), n));
  }
}
