package org.radioclr.anomaly.similar;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code k} best (similarity, row) pairs offered so far: a bounded binary min-heap over
 * primitive arrays whose root is the worst kept pair. Higher similarity is better; on equal
 * similarity the lower row is better, so results do not depend on the order of offers. Not
 * thread-safe.
 */
final class TopK {
  private final int k;
  private final float[] sims;
  private final int[] rows;
  private int size;

  TopK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    this.k = k;
    this.sims = new float[k];
    this.rows = new int[k];
  }

  /** The similarity a new pair must beat once full (−∞ before). */
  float floor() {
    return size < k ? Float.NEGATIVE_INFINITY : sims[0];
  }

  void offer(float sim, int row) {
    if (size < k) {
      int i = size++;
      sims[i] = sim;
      rows[i] = row;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (!worse(i, p)) {
          break;
        }
        swap(i, p);
        i = p;
      }
    } else if (better(sim, row, sims[0], rows[0])) {
      sims[0] = sim;
      rows[0] = row;
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) {
          break;
        }
        int r = l + 1;
        int w = r < size && worse(r, l) ? r : l;
        if (!worse(w, i)) {
          break;
        }
        swap(i, w);
        i = w;
      }
    }
  }

  void addAll(TopK other) {
    for (int i = 0; i < other.size; i++) {
      offer(other.sims[i], other.rows[i]);
    }
  }

  /** The kept pairs, best first. */
  List<Neighbour> sorted() {
    List<Neighbour> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(new Neighbour(rows[i], sims[i]));
    }
    out.sort(
        (a, b) ->
            a.similarity() != b.similarity()
                ? Float.compare(b.similarity(), a.similarity())
                : Integer.compare(a.row(), b.row()));
    return out;
  }

  private static boolean better(float s1, int r1, float s2, int r2) {
    return s1 > s2 || (s1 == s2 && r1 < r2);
  }

  private boolean worse(int i, int j) {
    return better(sims[j], rows[j], sims[i], rows[i]);
  }

  private void swap(int i, int j) {
    float s = sims[i];
    sims[i] = sims[j];
    sims[j] = s;
    int r = rows[i];
    rows[i] = rows[j];
    rows[j] = r;
  }
}
