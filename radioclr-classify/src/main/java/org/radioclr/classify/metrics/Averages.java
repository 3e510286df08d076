package org.radioclr.classify.metrics;

/**
 * Precision, recall and F1 averaged over classes, in [0, 1]. Macro: the unweighted mean of the
 * per-class figures (so macro F1 is the mean of per-class F1s, as scikit-learn computes it, not the
 * F1 of the mean precision and recall). Weighted: the mean weighted by support. Micro: from the
 * counts summed over classes (equal to the accuracy for single-label data).
 *
 * @param precision in [0, 1]
 * @param recall in [0, 1]
 * @param f1 in [0, 1]
 */
public record Averages(double precision, double recall, double f1) {

  public Averages {
    check("precision", precision);
    check("recall", recall);
    check("f1", f1);
  }

  private static void check(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
    }
  }
}
