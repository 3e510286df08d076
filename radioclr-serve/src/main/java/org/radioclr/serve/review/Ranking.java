package org.radioclr.serve.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.radioclr.serve.db.ReviewState;

/**
 * Orders the candidates: by raw score or by the user's learned score (highest first, ties by row),
 * optionally unrated first, after a {@link CandidateFilter}.
 */
public final class Ranking {
  private Ranking() {}

  /**
   * The rows to show, in order.
   *
   * @param scores {@code [rows]} the scores to order by (raw or learned)
   * @param states the user's review states by frame name
   */
  public static List<Integer> order(
      ReviewProject p,
      double[] scores,
      Map<String, ReviewState> states,
      CandidateFilter filter,
      boolean unratedFirst) {
    List<Integer> rows = new ArrayList<>();
    for (int r = 0; r < p.size(); r++) {
      ReviewState s = states.getOrDefault(p.sname(r), ReviewState.EMPTY);
      if (filter.accepts(p, r, scores[r], s)) {
        rows.add(r);
      }
    }
    Comparator<Integer> byScore =
        Comparator.<Integer>comparingDouble(r -> -scores[r]).thenComparingInt(r -> r);
    if (unratedFirst) {
      byScore =
          Comparator.<Integer, Boolean>comparing(
                  r -> states.getOrDefault(p.sname(r), ReviewState.EMPTY).rated())
              .thenComparing(byScore);
    }
    rows.sort(byScore);
    return rows;
  }
}
