package org.radioclr.classify.net;

import org.radioclr.classify.Predictions;

/**
 * The two numbers the classifier logs itself: accuracy (single-label: arg-max equals the true
 * class; multi-label: exact match of the predicted set, each class at score &ge; 0.5) and macro F1
 * (the mean over classes of {@code 2 TP / (2 TP + FP + FN)}, 0 for a class never true nor
 * predicted). The full metrics (per-class precision and recall, confusion matrix) are computed
 * elsewhere from the same {@link Predictions}.
 */
final class Scores {
  private Scores() {}

  static double accuracy(Predictions p) {
    if (p.size() == 0) {
      return Double.NaN;
    }
    int right = 0;
    for (int r = 0; r < p.size(); r++) {
      boolean ok = true;
      for (int c = 0; c < p.classes().size() && ok; c++) {
        ok = p.predicted(r, c) == p.isTrue(r, c);
      }
      right += ok ? 1 : 0;
    }
    return right / (double) p.size();
  }

  static double macroF1(Predictions p) {
    if (p.size() == 0) {
      return Double.NaN;
    }
    int classes = p.classes().size();
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int r = 0; r < p.size(); r++) {
        boolean predicted = p.predicted(r, c);
        boolean truth = p.isTrue(r, c);
        if (predicted && truth) {
          tp++;
        } else if (predicted) {
          fp++;
        } else if (truth) {
          fn++;
        }
      }
      int denominator = 2 * tp + fp + fn;
      sum += denominator == 0 ? 0 : 2.0 * tp / denominator;
    }
    return sum / classes;
  }
}
