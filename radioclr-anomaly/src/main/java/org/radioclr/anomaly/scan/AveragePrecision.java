package org.radioclr.anomaly.scan;

import java.util.Arrays;
import java.util.Comparator;

/**
 * scikit-learn's {@code average_precision_score}: how well a score ranks positives (PECULIAR
 * frames) above the other rows, independent of any threshold.
 */
public final class AveragePrecision {
  private AveragePrecision() {}

  /**
   * The sum over distinct score thresholds, high to low, of (recall gain) x (precision there); ties
   * in score form one threshold; 0 without positives.
   *
   * @param positive whether each row is positive, {@code [rows]}
   * @param score each row's score, {@code [rows]}, higher = more likely positive
   */
  public static double of(boolean[] positive, double[] score) {
    int n = positive.length;
    if (score.length != n) {
      throw new IllegalArgumentException(
          "lengths differ: " + n + " labels, " + score.length + " scores");
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
    int pos = 0;
    for (boolean b : positive) {
      pos += b ? 1 : 0;
    }
    if (pos == 0) {
      return 0;
    }
    double ap = 0;
    int tp = 0;
    int seen = 0;
    double lastRecall = 0;
    for (int k = 0; k < n; ) {
      double s = score[order[k]];
      while (k < n && score[order[k]] == s) {
        tp += positive[order[k]] ? 1 : 0;
        seen++;
        k++;
      }
      double recall = (double) tp / pos;
      ap += (recall - lastRecall) * ((double) tp / seen);
      lastRecall = recall;
    }
    return ap;
  }
}
