package org.radioclr.serve.learn;

import java.util.List;

/**
 * Settings of a simulated active-learning session ({@link ActiveLearningSimulation}).
 *
 * @param rounds rating rounds, &ge; 1
 * @param perRound frames the astronomer rates each round (the top unrated ones of the current
 *     ranking), &ge; 1
 * @param ks the depths {@code k} at which the anomalies among the top {@code k} are counted, each
 *     &ge; 1, ascending and distinct
 */
public record ActiveLearningConfig(int rounds, int perRound, List<Integer> ks) {

  /** The depths counted by default. */
  public static final List<Integer> DEFAULT_KS = List.of(20, 50);

  public ActiveLearningConfig {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
    }
    if (perRound < 1) {
      throw new IllegalArgumentException("per-round must be >= 1, got " + perRound);
    }
    ks = List.copyOf(ks);
    if (ks.isEmpty()) {
      throw new IllegalArgumentException("need at least one depth k");
    }
    for (int i = 0; i < ks.size(); i++) {
      if (ks.get(i) < 1 || (i > 0 && ks.get(i) <= ks.get(i - 1))) {
        throw new IllegalArgumentException(
            "the depths k must be >= 1, ascending and distinct, got " + ks);
      }
    }
  }

  /** Frames rated after the last round. */
  public long totalRated() {
    return (long) rounds * perRound;
  }
}
