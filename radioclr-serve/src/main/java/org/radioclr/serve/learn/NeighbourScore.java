package org.radioclr.serve.learn;

import java.util.Objects;
import java.util.SplittableRandom;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.RandomForest;

/**
 * astronomaly's NeighbourScore (Lochner &amp; Bassett 2021, "Astronomaly: personalised active
 * anomaly detection in astronomical data", §2.4): a random-forest regression predicts the user's
 * rating {@code u} of every object from its features; the anomaly score {@code s} is then modulated
 * by it, the more so the closer the object lies to a rated one:
 *
 * <pre>
 *   f_u   = minScore + 0.85 * u / maxScore
 *   p     = exp(alpha * d / mean(d))          d: distance to the nearest rated object
 *   final = s * tanh(p - 1 + atanh(f_u))
 * </pre>
 *
 * A rated object ({@code d = 0}) gets {@code s * f_u}: its score is scaled by its (predicted)
 * rating; far from every rated object {@code tanh} tends to 1 and the raw score is kept. Distances
 * are Euclidean in feature space, found by brute force ({@code O(n * rated * dim)}). Defaults as in
 * astronomaly: {@code minScore 0.1, maxScore 5, alpha 1}, 100 trees, every feature tried at each
 * split, leaves of one sample.
 *
 * @param minScore {@code f_u} of a rating of 0, in (0, 1)
 * @param maxScore the highest rating (5)
 * @param alpha how fast the trust in the prediction fades with distance, &gt; 0
 * @param trees number of regression trees, &ge; 1
 * @param seed seed of the forest's bootstrap samples
 */
public record NeighbourScore(double minScore, double maxScore, double alpha, int trees, long seed) {

  /** astronomaly's defaults, with the given seed. */
  public static NeighbourScore defaults(long seed) {
    return new NeighbourScore(0.1, 5, 1, 100, seed);
  }

  public NeighbourScore {
    if (!(minScore > 0 && minScore + 0.85 < 1)) {
      throw new IllegalArgumentException("minScore must be in (0, 0.15), got " + minScore);
    }
    if (!(maxScore > 0) || Double.isInfinite(maxScore)) {
      throw new IllegalArgumentException("maxScore must be > 0, got " + maxScore);
    }
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be > 0, got " + alpha);
    }
    if (trees < 1) {
      throw new IllegalArgumentException("trees must be >= 1, got " + trees);
    }
  }

  /**
   * The learned scores of every object.
   *
   * @param features {@code [n][dim]} features of every object
   * @param scores {@code [n]} raw anomaly scores
   * @param rated {@code [m]} rows of the rated objects, distinct, {@code m >= 1}
   * @param ratings {@code [m]} their ratings in {@code [0, maxScore]}
   * @return {@code [n]} learned scores
   */
  public double[] score(float[][] features, double[] scores, int[] rated, double[] ratings) {
    Objects.requireNonNull(features, "features");
    int n = features.length;
    if (scores.length != n) {
      throw new IllegalArgumentException("scores has " + scores.length + " rows, features " + n);
    }
    if (rated.length == 0 || rated.length != ratings.length) {
      throw new IllegalArgumentException(
          "need at least one rating and one row per rating, got "
              + rated.length
              + " rows and "
              + ratings.length
              + " ratings");
    }
    for (double r : ratings) {
      if (!(r >= 0 && r <= maxScore)) {
        throw new IllegalArgumentException("ratings must be in [0, " + maxScore + "], got " + r);
      }
    }
    double[] predicted = predict(features, rated, ratings);
    double[] distance = nearestRated(features, rated);
    return combine(distance, predicted, scores);
  }

  /** The combination formula (see the class comment), element by element. */
  public double[] combine(double[] distance, double[] predicted, double[] scores) {
    int n = scores.length;
    double mean = 0;
    for (double d : distance) {
      mean += d;
    }
    mean /= n;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double fu = minScore + 0.85 * (predicted[i] / maxScore);
      double scaled = mean > 0 ? distance[i] / mean : 0;
      double penalty = Math.exp(scaled * alpha);
      out[i] = scores[i] * Math.tanh(penalty - 1 + atanh(fu));
    }
    return out;
  }

  /** Euclidean distance of each row to its nearest rated row ({@code 0} for a rated row). */
  public static double[] nearestRated(float[][] features, int[] rated) {
    double[] out = new double[features.length];
    for (int i = 0; i < features.length; i++) {
      float[] a = features[i];
      double best = Double.POSITIVE_INFINITY;
      for (int r : rated) {
        float[] b = features[r];
        double s = 0;
        for (int j = 0; j < a.length; j++) {
          double d = a[j] - b[j];
          s += d * d;
        }
        best = Math.min(best, s);
      }
      out[i] = Math.sqrt(best);
    }
    return out;
  }

  /** The forest's predicted rating of every row (the mean rating when all ratings are equal). */
  double[] predict(float[][] features, int[] rated, double[] ratings) {
    int n = features.length;
    int dim = features[0].length;
    double[] out = new double[n];
    boolean constant = true;
    for (double r : ratings) {
      constant &= r == ratings[0];
    }
    if (constant || rated.length < 2) {
      java.util.Arrays.fill(out, ratings[0]);
      return out;
    }
    String[] names = new String[dim + 1];
    for (int j = 0; j < dim; j++) {
      names[j] = "f" + j;
    }
    names[dim] = "rating";
    double[][] train = new double[rated.length][dim + 1];
    for (int k = 0; k < rated.length; k++) {
      float[] f = features[rated[k]];
      for (int j = 0; j < dim; j++) {
        train[k][j] = f[j];
      }
      train[k][dim] = ratings[k];
    }
    long[] seeds = new long[trees];
    SplittableRandom random = new SplittableRandom(seed);
    for (int t = 0; t < trees; t++) {
      seeds[t] = random.nextLong();
    }
    RandomForest forest =
        RandomForest.fit(
            Formula.lhs("rating"),
            DataFrame.of(train, names),
            new RandomForest.Options(
                trees, dim, 64, Math.max(2, rated.length), 1, 1.0, seeds, null));
    double[][] all = new double[n][dim + 1];
    for (int i = 0; i < n; i++) {
      float[] f = features[i];
      for (int j = 0; j < dim; j++) {
        all[i][j] = f[j];
      }
    }
    DataFrame frame = DataFrame.of(all, names);
    for (int i = 0; i < n; i++) {
      out[i] = Math.min(maxScore, Math.max(0, forest.predict(frame.get(i))));
    }
    return out;
  }

  private static double atanh(double x) {
    return 0.5 * Math.log((1 + x) / (1 - x));
  }
}
