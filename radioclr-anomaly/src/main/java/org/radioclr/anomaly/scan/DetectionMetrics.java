package org.radioclr.anomaly.scan;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well a flag and a score pick out positives (PECULIAR frames) among labelled rows.
 *
 * @param rows labelled rows evaluated
 * @param positives rows that are positive
 * @param flagged rows flagged
 * @param truePositives positive rows flagged
 * @param precision truePositives / flagged (0 when nothing is flagged)
 * @param recall truePositives / positives (0 when there are no positives)
 * @param f1 harmonic mean of precision and recall (0 when both are 0)
 * @param averagePrecision scikit-learn's {@code average_precision_score} of the score: the sum over
 *     distinct score thresholds, high to low, of (recall gain) x (precision there)
 */
public record DetectionMetrics(
    int rows,
    int positives,
    int flagged,
    int truePositives,
    double precision,
    double recall,
    double f1,
    double averagePrecision) {

  /**
   * Evaluates one setting.
   *
   * @param positive whether each row is positive, {@code [rows]}
   * @param flag whether each row is flagged, {@code [rows]}
   * @param score each row's score, {@code [rows]}, higher = more likely positive
   */
  public static DetectionMetrics of(boolean[] positive, boolean[] flag, double[] score) {
    int n = positive.length;
    if (flag.length != n || score.length != n) {
      throw new IllegalArgumentException(
          "lengths differ: "
              + n
              + " labels, "
              + flag.length
              + " flags, "
              + score.length
              + " scores");
    }
    int pos = 0;
    int flagged = 0;
    int tp = 0;
    for (int i = 0; i < n; i++) {
      pos += positive[i] ? 1 : 0;
      flagged += flag[i] ? 1 : 0;
      tp += positive[i] && flag[i] ? 1 : 0;
    }
    double p = flagged == 0 ? 0 : (double) tp / flagged;
    double r = pos == 0 ? 0 : (double) tp / pos;
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new DetectionMetrics(n, pos, flagged, tp, p, r, f1, averagePrecision(positive, score));
  }

  /** scikit-learn's average precision (ties in score form one threshold); 0 without positives. */
  public static double averagePrecision(boolean[] positive, double[] score) {
    int n = positive.length;
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
