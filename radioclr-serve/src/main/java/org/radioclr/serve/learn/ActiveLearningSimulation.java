package org.radioclr.serve.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Active learning with a simulated astronomer, as the review app does it with a person
 * (astronomaly, Lochner &amp; Bassett 2021, §2.4): each round the astronomer rates the top {@code
 * perRound} unrated frames of the current ranking ({@link SimulatedAstronomer}: true anomalies 5,
 * the rest 0), NeighbourScore is retrained on every rating so far, and its scores become the next
 * ranking. The first round rates the raw score's top. After each round the true anomalies among the
 * top {@code k} of the new ranking and among the frames rated are counted, next to what the raw
 * (Isolation Forest) order gives: the same {@code k}, and an astronomer who rates as many frames
 * straight down the raw order. Orders are by score, highest first, ties by row.
 */
public final class ActiveLearningSimulation {
  private ActiveLearningSimulation() {}

  /**
   * Runs the rounds.
   *
   * @param features {@code [n][dim]} features of every frame
   * @param scores {@code [n]} raw anomaly scores
   * @param astronomer the truth, one row per frame
   * @param config rounds, frames per round and the depths counted
   * @param learner the NeighbourScore to retrain each round
   * @param afterRound told the number of each round done (progress), may be a no-op
   * @return {@code rounds + 1} states, round 0 (nothing rated, raw order) first
   * @throws IllegalArgumentException when the sizes disagree, or the rounds would rate every frame
   */
  public static List<ActiveRound> run(
      float[][] features,
      double[] scores,
      SimulatedAstronomer astronomer,
      ActiveLearningConfig config,
      NeighbourScore learner,
      IntConsumer afterRound) {
    Objects.requireNonNull(learner, "learner");
    int n = scores.length;
    if (features.length != n || astronomer.size() != n) {
      throw new IllegalArgumentException(
          "features has "
              + features.length
              + " rows, scores "
              + n
              + ", the truth "
              + astronomer.size());
    }
    if (config.totalRated() >= n) {
      throw new IllegalArgumentException(
          "rounds x per-round = "
              + config.totalRated()
              + " would rate every one of the "
              + n
              + " frames; rate fewer");
    }
    int[] rawOrder = order(scores);
    List<Integer> rawTop = topCounts(rawOrder, astronomer, config.ks());
    List<ActiveRound> out = new ArrayList<>();
    out.add(new ActiveRound(0, 0, 0, 0, rawTop, rawTop));
    boolean[] isRated = new boolean[n];
    int[] rated = new int[(int) config.totalRated()];
    double[] ratings = new double[rated.length];
    int count = 0;
    int seen = 0;
    int[] current = rawOrder;
    for (int round = 1; round <= config.rounds(); round++) {
      int taken = 0;
      for (int i = 0; i < n && taken < config.perRound(); i++) {
        int row = current[i];
        if (!isRated[row]) {
          isRated[row] = true;
          rated[count] = row;
          ratings[count] = astronomer.rate(row);
          seen += astronomer.isAnomaly(row) ? 1 : 0;
          count++;
          taken++;
        }
      }
      double[] learned =
          learner.score(
              features, scores, Arrays.copyOf(rated, count), Arrays.copyOf(ratings, count));
      current = order(learned);
      int rawSeen = 0;
      for (int i = 0; i < count; i++) {
        rawSeen += astronomer.isAnomaly(rawOrder[i]) ? 1 : 0;
      }
      out.add(
          new ActiveRound(
              round, count, seen, rawSeen, topCounts(current, astronomer, config.ks()), rawTop));
      afterRound.accept(round);
    }
    return List.copyOf(out);
  }

  /** Row indices by score, highest first, ties by row. */
  static int[] order(double[] scores) {
    Integer[] o = new Integer[scores.length];
    for (int i = 0; i < o.length; i++) {
      o[i] = i;
    }
    Arrays.sort(o, Comparator.comparingDouble((Integer i) -> -scores[i]));
    return Arrays.stream(o).mapToInt(Integer::intValue).toArray();
  }

  private static List<Integer> topCounts(
      int[] order, SimulatedAstronomer astronomer, List<Integer> ks) {
    List<Integer> out = new ArrayList<>();
    for (int k : ks) {
      int c = 0;
      for (int i = 0; i < Math.min(k, order.length); i++) {
        c += astronomer.isAnomaly(order[i]) ? 1 : 0;
      }
      out.add(c);
    }
    return out;
  }
}
