package org.radioclr.anomaly.similar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CosineIndexTest {

  static float[][] random(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] x = new float[n][d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) (r.nextGaussian() + 0.3);
      }
    }
    return x;
  }

  /** Double-precision brute force: rows by cosine similarity, best first, ties by row. */
  static List<double[]> reference(float[][] x, float[] q, int skip) {
    double qq = 0;
    for (float v : q) {
      qq += (double) v * v;
    }
    List<double[]> all = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (i == skip) {
        continue;
      }
      double dot = 0;
      double xx = 0;
      for (int j = 0; j < q.length; j++) {
        dot += (double) x[i][j] * q[j];
        xx += (double) x[i][j] * x[i][j];
      }
      all.add(new double[] {i, dot / Math.sqrt(xx * qq)});
    }
    all.sort(Comparator.comparingDouble((double[] a) -> -a[1]).thenComparingDouble(a -> a[0]));
    return all;
  }

  @Test
  void agreesWithDoublePrecisionBruteForce() {
    float[][] x = random(3001, 77, 1);
    float[][] queries = random(9, 77, 2);
    int k = 25;
    for (int threads : new int[] {1, 3}) {
      try (CosineIndex index = CosineIndex.of(x, threads)) {
        List<List<Neighbour>> got = index.search(queries, k);
        for (int qi = 0; qi < queries.length; qi++) {
          List<double[]> ref = reference(x, queries[qi], -1);
          check(ref, got.get(qi), k);
        }
        int[] rows = {0, 1500, 3000};
        List<List<Neighbour>> byRow = index.searchRows(rows, k);
        for (int i = 0; i < rows.length; i++) {
          check(reference(x, x[rows[i]], rows[i]), byRow.get(i), k);
        }
      }
    }
  }

  private static void check(List<double[]> ref, List<Neighbour> got, int k) {
    assertEquals(k, got.size());
    for (int r = 0; r < k; r++) {
      assertEquals(ref.get(r)[1], got.get(r).similarity(), 2e-6, "rank " + r);
      // the same row unless the reference has a near-tie there
      boolean nearTie =
          Math.abs(ref.get(r)[1] - ref.get(r + 1)[1]) < 1e-5
              || (r > 0 && Math.abs(ref.get(r)[1] - ref.get(r - 1)[1]) < 1e-5);
      if (!nearTie) {
        assertEquals((int) ref.get(r)[0], got.get(r).row(), "rank " + r);
      }
    }
  }

  @Test
  void kLargerThanTheIndexReturnsEveryRowAndZeroRowsScoreZero() {
    float[][] x = {{1, 0}, {0, 0}, {1, 1}, {-1, 0}};
    try (CosineIndex index = CosineIndex.of(x, 2)) {
      List<Neighbour> nn = index.search(new float[][] {{2, 0}}, 10).get(0);
      assertEquals(4, nn.size());
      assertEquals(new Neighbour(0, 1f), nn.get(0));
      assertEquals(2, nn.get(1).row());
      assertEquals((float) Math.sqrt(0.5), nn.get(1).similarity(), 1e-7);
      assertEquals(new Neighbour(1, 0f), nn.get(2));
      assertEquals(new Neighbour(3, -1f), nn.get(3));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> index.search(new float[][] {{0, 0}}, 3));
      assertTrue(e.getMessage().contains("zero length"), e.getMessage());
    }
  }

  @Test
  void boundedHeapKeepsTheBestWithRowTieBreak() {
    TopK t = new TopK(3);
    float[] s = {0.1f, 0.9f, 0.5f, 0.9f, 0.2f, 0.95f, 0.5f};
    for (int i = s.length - 1; i >= 0; i--) {
      t.offer(s[i], i);
    }
    assertEquals(
        List.of(new Neighbour(5, 0.95f), new Neighbour(1, 0.9f), new Neighbour(3, 0.9f)),
        t.sorted());
  }
}
