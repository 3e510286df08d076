package org.radioclr.evaluate;

/**
 * k-nearest-neighbour classification of test rows by training rows under cosine similarity (the kNN
 * monitor of SimCLR papers, e.g. Wu et al. 2018): each test row gets the majority class of its
 * {@code k} most similar training rows; a tie between classes goes to the tied class whose member
 * ranks nearest; equal similarities rank the lower training index first; a zero vector has
 * similarity 0 to everything.
 */
public final class CosineKnn {
  private CosineKnn() {}

  /**
   * Classifies the test rows.
   *
   * @param train {@code [n][dim]} training rows, n &ge; 1
   * @param labels {@code [n]} their class indices in {@code [0, classes)}
   * @param test {@code [m][dim]} rows to classify
   * @param classes number of classes
   * @param k neighbours, &ge; 1; capped at n
   * @return {@code [m]} the voted class of each test row
   */
  public static int[] classify(float[][] train, int[] labels, float[][] test, int classes, int k) {
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
    int kk = Math.min(k, n);
    float[][] unitTrain = normalised(train);
    float[][] unitTest = normalised(test);
    int[] out = new int[test.length];
    double[] sim = new double[n];
    int[] nearest = new int[kk];
    for (int t = 0; t < test.length; t++) {
      for (int i = 0; i < n; i++) {
        sim[i] = dot(unitTest[t], unitTrain[i]);
      }
      // selection of the kk best, in rank order (stable: lower index first on equal similarity)
      boolean[] taken = new boolean[n];
      for (int r = 0; r < kk; r++) {
        int best = -1;
        for (int i = 0; i < n; i++) {
          if (!taken[i] && (best < 0 || sim[i] > sim[best])) {
            best = i;
          }
        }
        taken[best] = true;
        nearest[r] = best;
      }
      int[] votes = new int[classes];
      int[] firstRank = new int[classes];
      java.util.Arrays.fill(firstRank, Integer.MAX_VALUE);
      for (int r = 0; r < kk; r++) {
        int c = labels[nearest[r]];
        votes[c]++;
        firstRank[c] = Math.min(firstRank[c], r);
      }
      int winner = 0;
      for (int c = 1; c < classes; c++) {
        if (votes[c] > votes[winner]
            || (votes[c] == votes[winner] && firstRank[c] < firstRank[winner])) {
          winner = c;
        }
      }
      out[t] = winner;
    }
    return out;
  }

  private static float[][] normalised(float[][] rows) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      double norm = 0;
      for (float v : rows[i]) {
        norm += (double) v * v;
      }
      float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
      out[i] = new float[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        out[i][j] = rows[i][j] * scale;
      }
    }
    return out;
  }

  private static double dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "rows have " + a.length + " and " + b.length + " features; they must match");
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
