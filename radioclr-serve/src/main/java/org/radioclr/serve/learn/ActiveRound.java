package org.radioclr.serve.learn;

import java.util.List;

/**
 * The state after one round of a simulated active-learning session.
 *
 * @param round the round, 0 before any rating
 * @param rated frames rated so far
 * @param seen true anomalies among them
 * @param rawSeen true anomalies an astronomer finds who rates the same number of frames in the raw
 *     score's order
 * @param learnedTop true anomalies among the top {@code k} of the ranking in force after this round
 *     (the raw score in round 0, NeighbourScore after), one per depth of {@link
 *     ActiveLearningConfig#ks()}; rated frames included
 * @param rawTop true anomalies among the top {@code k} of the raw score, one per depth
 */
public record ActiveRound(
    int round, int rated, int seen, int rawSeen, List<Integer> learnedTop, List<Integer> rawTop) {
  public ActiveRound {
    learnedTop = List.copyOf(learnedTop);
    rawTop = List.copyOf(rawTop);
    if (learnedTop.size() != rawTop.size()) {
      throw new IllegalArgumentException(
          learnedTop.size() + " learned depths but " + rawTop.size() + " raw ones");
    }
  }
}
