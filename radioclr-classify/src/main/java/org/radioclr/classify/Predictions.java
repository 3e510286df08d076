package org.radioclr.classify;

import java.util.List;
import java.util.Objects;

/**
 * A classifier's outputs on a labelled data set, the input of every metric.
 *
 * <p>Single-label ({@code multiLabel == false}): {@code truth[i]} holds exactly one class index and
 * {@code scores[i]} are class probabilities (softmax); the prediction is the arg-max. Multi-label:
 * {@code truth[i]} holds the indices of the classes present (possibly none) and {@code scores[i]}
 * one independent probability per class (sigmoid); a class is predicted when its score is at least
 * 0.5.
 *
 * @param classes the class names, in index order
 * @param snames the source name of each row
 * @param multiLabel whether rows may carry several classes
 * @param truth {@code [rows][*]} true class indices
 * @param scores {@code [rows][classes]} probabilities in [0, 1]
 */
public record Predictions(
    List<String> classes,
    List<String> snames,
    boolean multiLabel,
    int[][] truth,
    float[][] scores) {

  /** The score at or above which a multi-label class counts as predicted. */
  public static final float THRESHOLD = 0.5f;

  public Predictions {
    classes = List.copyOf(Objects.requireNonNull(classes, "classes"));
    snames = List.copyOf(Objects.requireNonNull(snames, "snames"));
    Objects.requireNonNull(truth, "truth");
    Objects.requireNonNull(scores, "scores");
    if (truth.length != snames.size() || scores.length != snames.size()) {
      throw new IllegalArgumentException(
          "snames, truth and scores must have one row each, got "
              + snames.size()
              + ", "
              + truth.length
              + ", "
              + scores.length);
    }
    for (int i = 0; i < truth.length; i++) {
      if (scores[i].length != classes.size()) {
        throw new IllegalArgumentException(
            "row " + i + " has " + scores[i].length + " scores for " + classes.size() + " classes");
      }
      if (!multiLabel && truth[i].length != 1) {
        throw new IllegalArgumentException(
            "single-label row " + i + " must have exactly one true class, got " + truth[i].length);
      }
      for (int c : truth[i]) {
        if (c < 0 || c >= classes.size()) {
          throw new IllegalArgumentException(
              "row " + i + " has class index " + c + " out of range");
        }
      }
    }
  }

  /** Number of rows. */
  public int size() {
    return snames.size();
  }

  /** The arg-max class of a row (the first on ties). */
  public int argmax(int row) {
    float[] s = scores[row];
    int best = 0;
    for (int c = 1; c < s.length; c++) {
      if (s[c] > s[best]) {
        best = c;
      }
    }
    return best;
  }

  /**
   * Whether class {@code c} is predicted for a row: the arg-max, or score ≥ 0.5 when multi-label.
   */
  public boolean predicted(int row, int c) {
    return multiLabel ? scores[row][c] >= THRESHOLD : argmax(row) == c;
  }

  /** Whether class {@code c} is true for a row. */
  public boolean isTrue(int row, int c) {
    for (int t : truth[row]) {
      if (t == c) {
        return true;
      }
    }
    return false;
  }
}
