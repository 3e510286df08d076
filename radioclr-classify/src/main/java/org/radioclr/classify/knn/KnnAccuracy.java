package org.radioclr.classify.knn;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Leave-one-out k-nearest-neighbour accuracy of labelled feature vectors under cosine similarity,
 * the usual quick probe of self-supervised features during training: each vector is classified by
 * the majority label of its {@code k} most similar other vectors (itself excluded) and the result
 * is the fraction classified correctly. A tie between labels goes to the tied label whose member
 * ranks nearest; equal similarities rank the lower index first. Vectors of zero length have
 * similarity 0 to everything. {@link #votes} gives the vote of every vector, for per-class scores.
 */
public final class KnnAccuracy {
  private KnnAccuracy() {}

  /**
   * Computes the leave-one-out accuracy.
   *
   * @param features {@code [n][dim]} row-major (the array may be longer)
   * @param n number of vectors, &ge; 2
   * @param dim length of each vector, &ge; 1
   * @param labels {@code [n]} class indices &ge; 0
   * @param k neighbours, &ge; 1; capped at {@code n - 1}
   * @return the fraction of vectors whose vote equals their label, in [0, 1]
   */
  public static double leaveOneOut(float[] features, int n, int dim, int[] labels, int k) {
    int[] votes = votes(features, n, dim, labels, k, false);
    int correct = 0;
    for (int i = 0; i < n; i++) {
      if (votes[i] == labels[i]) {
        correct++;
      }
    }
    return correct / (double) n;
  }

  /**
   * The leave-one-out vote of every vector (the rule of {@link #leaveOneOut}), computed in
   * parallel; the result does not depend on the thread count. Cost: {@code O(n^2 dim)}.
   *
   * @param features {@code [n][dim]} row-major (the array may be longer)
   * @param n number of vectors, &ge; 2
   * @param dim length of each vector, &ge; 1
   * @param labels {@code [n]} class indices &ge; 0
   * @param k neighbours, &ge; 1; capped at {@code n - 1}
   * @return {@code [n]} the voted class of each vector
   */
  public static int[] votes(float[] features, int n, int dim, int[] labels, int k) {
    return votes(features, n, dim, labels, k, true);
  }

  private static int[] votes(
      float[] features, int n, int dim, int[] labels, int k, boolean parallel) {
    if (n < 2) {
      throw new IllegalArgumentException("kNN accuracy needs at least 2 vectors, got " + n);
    }
    if (dim < 1 || k < 1) {
      throw new IllegalArgumentException("dim and k must be >= 1, got " + dim + " and " + k);
    }
    if (features.length < (long) n * dim || labels.length < n) {
      throw new IllegalArgumentException(
          "need "
              + n
              + " x "
              + dim
              + " features and "
              + n
              + " labels, got "
              + features.length
              + " and "
              + labels.length);
    }
    int classes = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException("labels must be >= 0, got " + labels[i]);
      }
      classes = Math.max(classes, labels[i] + 1);
    }
    int kk = Math.min(k, n - 1);
    double[] unit = unit(features, n, dim);
    int nc = classes;
    int[] out = new int[n];
    IntStream rows = IntStream.range(0, n);
    (parallel ? rows.parallel() : rows)
        .forEach(i -> out[i] = vote(unit, n, dim, labels, nc, kk, unit, i * dim, i));
    return out;
  }

  /**
   * Classifies each test row by the vote of its {@code k} most similar training rows (the rule of
   * {@link #leaveOneOut}, with no row left out): the kNN monitor of SimCLR papers on a train/test
   * split.
   *
   * @param train {@code [n][dim]} training rows, n &ge; 1
   * @param labels {@code [n]} their class indices &ge; 0
   * @param test {@code [m][dim]} rows to classify
   * @param k neighbours, &ge; 1; capped at n
   * @return {@code [m]} the voted class of each test row
   */
  public static int[] classify(float[][] train, int[] labels, float[][] test, int k) {
    int n = train.length;
    if (n == 0) {
      throw new IllegalArgumentException("kNN needs at least 1 training row");
    }
    if (labels.length != n) {
      throw new IllegalArgumentException(
          "need one label per training row, got " + labels.length + " for " + n);
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    int dim = train[0].length;
    int classes = Arrays.stream(labels).max().orElse(0) + 1;
    double[] unitTrain = unit(flat(train, dim), n, dim);
    int[] out = new int[test.length];
    for (int t = 0; t < test.length; t++) {
      double[] query = unit(flat(new float[][] {test[t]}, dim), 1, dim);
      out[t] = vote(unitTrain, n, dim, labels, classes, Math.min(k, n), query, 0, -1);
    }
    return out;
  }

  /** The rows one after the other, each checked to have {@code dim} features. */
  private static float[] flat(float[][] rows, int dim) {
    float[] out = new float[rows.length * dim];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != dim) {
        throw new IllegalArgumentException(
            "rows have " + dim + " and " + rows[i].length + " features; they must match");
      }
      System.arraycopy(rows[i], 0, out, i * dim, dim);
    }
    return out;
  }

  /** The rows scaled to unit length (a zero row stays zero). */
  private static double[] unit(float[] features, int n, int dim) {
    double[] unit = new double[n * dim];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int d = 0; d < dim; d++) {
        double v = features[i * dim + d];
        s += v * v;
      }
      double inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (int d = 0; d < dim; d++) {
        unit[i * dim + d] = features[i * dim + d] * inv;
      }
    }
    return unit;
  }

  /**
   * The vote of the unit vector at {@code query[offset..]} among the rows of {@code unit}, row
   * {@code skip} left out ({@code -1}: none).
   */
  private static int vote(
      double[] unit,
      int n,
      int dim,
      int[] labels,
      int classes,
      int kk,
      double[] query,
      int offset,
      int skip) {
    double[] topSim = new double[kk];
    int[] topIdx = new int[kk];
    int filled = 0;
    for (int j = 0; j < n; j++) {
      if (j == skip) {
        continue;
      }
      double sim = 0;
      for (int d = 0; d < dim; d++) {
        sim += query[offset + d] * unit[j * dim + d];
      }
      // insertion into the sorted top list (descending similarity, stable by index)
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
    Arrays.fill(firstRank, Integer.MAX_VALUE);
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
