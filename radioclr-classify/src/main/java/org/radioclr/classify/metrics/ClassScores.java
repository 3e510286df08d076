package org.radioclr.classify.metrics;

import java.util.Objects;

/**
 * One class's binary scores (one-vs-rest): precision {@code tp / (tp + fp)}, recall {@code tp / (tp
 * + fn)} and their harmonic mean F1, each 0 when its denominator is 0 (scikit-learn's {@code
 * zero_division=0}).
 *
 * @param name the class label
 * @param precision in [0, 1]
 * @param recall in [0, 1]
 * @param f1 in [0, 1]
 * @param support number of rows truly of this class ({@code tp + fn})
 * @param truePositives rows of this class predicted as it
 * @param falsePositives rows of other classes predicted as it
 * @param falseNegatives rows of this class not predicted as it
 */
public record ClassScores(
    String name,
    double precision,
    double recall,
    double f1,
    long support,
    long truePositives,
    long falsePositives,
    long falseNegatives) {

  public ClassScores {
    Objects.requireNonNull(name, "name");
    if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, got tp="
              + truePositives
              + " fp="
              + falsePositives
              + " fn="
              + falseNegatives);
    }
    if (support != truePositives + falseNegatives) {
      throw new IllegalArgumentException(
          "support must be tp + fn = "
              + (truePositives + falseNegatives)
              + " for class '"
              + name
              + "', got "
              + support);
    }
  }

  /** The scores of one class from its counts. */
  public static ClassScores of(String name, long tp, long fp, long fn) {
    double p = ratio(tp, tp + fp);
    double r = ratio(tp, tp + fn);
    return new ClassScores(name, p, r, f1(p, r), tp + fn, tp, fp, fn);
  }

  /** {@code a / b}, or 0 when {@code b == 0}. */
  static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  /** The harmonic mean, or 0 when both are 0. */
  static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
