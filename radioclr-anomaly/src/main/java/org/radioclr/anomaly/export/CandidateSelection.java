package org.radioclr.anomaly.export;

import java.util.Arrays;
import java.util.Comparator;
import org.radioclr.core.BadInputException;
import org.radioclr.formats.table.ScoreTable;

/**
 * Picks candidate rows of a score table, by score descending (table order on ties): the top {@code
 * n}, or every frame scoring at least a threshold.
 */
public final class CandidateSelection {
  private CandidateSelection() {}

  /**
   * The {@code n} best rows (all when the table is shorter).
   *
   * @throws BadInputException naming the table when it is empty
   */
  public static int[] top(ScoreTable table, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("--top must be >= 1, got " + n);
    }
    int[] order = order(table);
    return Arrays.copyOf(order, Math.min(n, order.length));
  }

  /**
   * The rows scoring {@code >= threshold}.
   *
   * @throws BadInputException naming the table when it is empty or no frame reaches the threshold
   */
  public static int[] threshold(ScoreTable table, double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("--threshold must be in [0, 1], got " + threshold);
    }
    int[] order = order(table);
    int k = 0;
    while (k < order.length && table.score(order[k]) >= threshold) {
      k++;
    }
    if (k == 0) {
      throw new BadInputException(
          table.source(),
          "no frame scores >= "
              + threshold
              + " (the highest score is "
              + table.score(order[0])
              + ")");
    }
    return Arrays.copyOf(order, k);
  }

  private static int[] order(ScoreTable table) {
    if (table.size() == 0) {
      throw new BadInputException(table.source(), "empty score table: no candidates");
    }
    return java.util.stream.IntStream.range(0, table.size())
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -table.score(i)))
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
