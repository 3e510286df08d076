package org.radioclr.classify.knn;

/**
 * Leave-one-out k-nearest-neighbour class votes under cosine similarity: each row is assigned the
 * majority class of its {@code k} most similar other rows, computed by {@link KnnAccuracy#votes}
 * (the training-time probe), so the fraction of correct votes equals its accuracy: a tie between
 * classes goes to the tied class whose member ranks nearest, equal similarities rank the lower
 * index first, and a zero vector has similarity 0 to everything. This class returns the vote of
 * every row, for per-class scores. Rows are processed in parallel; the result does not depend on
 * the thread count. Cost: {@code O(n^2 dim)}.
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
    float[] flat = new float[n * dim];
    for (int i = 0; i < n; i++) {
      if (features[i].length != dim) {
        throw new IllegalArgumentException(
            "row " + i + " has " + features[i].length + " features, expected " + dim);
      }
      System.arraycopy(features[i], 0, flat, i * dim, dim);
    }
    return KnnAccuracy.votes(flat, n, dim, labels, k);
  }
}
