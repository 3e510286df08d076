package org.radioclr.anomaly.similar;

/**
 * One neighbour of a query.
 *
 * @param row the row of the index
 * @param similarity cosine similarity with the query, in [-1, 1]
 */
public record Neighbour(int row, float similarity) {
  public Neighbour {
    if (row < 0) {
      throw new IllegalArgumentException("row must be >= 0, got " + row);
    }
  }
}
