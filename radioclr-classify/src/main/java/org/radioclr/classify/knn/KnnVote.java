package org.radioclr.classify.knn;

import java.util.stream.IntStream;

/**
 * Leave-one-out k-nearest-neighbour class votes under cosine similarity: each row is assigned the
 * majority class of its {@code k} most similar other rows. The rule is that of {@code
 * org.radioclr.nn.train.KnnAccuracy} (the training-time probe), so the fraction of correct votes
 * equals its accuracy: a tie between classes goes to the tied class whose member ranks nearest,
 * equal similarities rank the lower index first, and a zero vector has similarity 0 to everything.
 * This class returns the vote of every row, for per-class scores. Rows are processed in parallel;
 * the result does not depend on the thread count. Cost: {@code O(n^2 dim)}.
 */
public final class KnnVote {
  private KnnVote() {}

  /**
   * The leave-one-out vote of every row.
   *
   * @param features {@code [n][dim]}, n &ge; 2
   * @param labels {@code [n]} class indices &ge; 0
   * @param k neighbours, &ge; 1; capped at {@code n - 1}
   * @return {@code [n]} the voted class of each row
   */
  public static int[] leaveOneOut(float[][] features, int[] labels, int k) {
    int n = features.length;
    if (n < 2) {
      throw new IllegalArgumentException("kNN needs at least 2 rows, got " + n);
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (labels.length != n) {
      throw new IllegalArgumentException(
          "need one label per row, got " + labels.length + " for " + n + " rows");
    }
    int dim = features[0].length;
    int classes = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException("labels must be >= 0, got " + labels[i]);
      }
      if (features[i].length != dim) {
        throw new IllegalArgumentException(
            "row " + i + " has " + features[i].length + " features, expected " + dim);
      }
      classes = Math.max(classes, labels[i] + 1);
    }
    double[] unit = new double[n * dim];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int d = 0; d < dim; d++) {
        double v = features[i][d];
        s += v * v;
      }
      double inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (int d = 0; d < dim; d++) {
        unit[i * dim + d] = features[i][d] * inv;
      }
    }
    int kk = Math.min(k, n - 1);
    int nc = classes;
    int[] out = new int[n];
    IntStream.range(0, n).parallel().forEach(i -> out[i] = vote(unit, n, dim, labels, nc, kk, i));
    return out;
  }

  private static int vote(double[] unit, int n, int dim, int[] labels, int classes, int kk, int i) {
    double[] topSim = new double[kk];
    int[] topIdx = new int[kk];
    int filled = 0;
    for (int j = 0; j < n; j++) {
      if (j == i) {
        continue;
      }
      double sim = 0;
      for (int d = 0; d < dim; d++) {
        sim += unit[i * dim + d] * unit[j * dim + d];
      }
      if (filled == kk && !(sim > topSim[kk - 1])) {
        continue;
      }
      int pos = filled < kk ? filled++ : kk - 1;
      while (pos > 0 && sim > topSim[pos - 1]) {
        topSim[pos] = topSim[pos - 1];
        topIdx[pos] = topIdx[pos - 1];
        pos--;
      }
      topSim[pos] = sim;
      topIdx[pos] = j;
    }
    int[] votes = new int[classes];
    int[] firstRank = new int[classes];
    java.util.Arrays.fill(firstRank, Integer.MAX_VALUE);
    for (int r = 0; r < filled; r++) {
      int c = labels[topIdx[r]];
      votes[c]++;
      firstRank[c] = Math.min(firstRank[c], r);
    }
    int best = -1;
    for (int c = 0; c < classes; c++) {
      if (votes[c] == 0) {
        continue;
      }
      if (best < 0
          || votes[c] > votes[best]
          || (votes[c] == votes[best] && firstRank[c] < firstRank[best])) {
        best = c;
      }
    }
    return best;
  }
}
