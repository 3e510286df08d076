package org.radioclr.classify.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KnnVoteTest {

  @Test
  void agreesWithTheTrainingTimeKnnAccuracy() {
    SplittableRandom r = new SplittableRandom(4);
    int n = 300, dim = 8;
    float[][] x = new float[n][dim];
    float[] flat = new float[n * dim];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = r.nextInt(3);
      for (int d = 0; d < dim; d++) {
        x[i][d] = (float) (r.nextGaussian() + (d == y[i] ? 1.2 : 0));
        flat[i * dim + d] = x[i][d];
      }
    }
    for (int k : new int[] {1, 4, 20}) {
      int[] votes = KnnVote.leaveOneOut(x, y, k);
      int correct = 0;
      for (int i = 0; i < n; i++) {
        correct += votes[i] == y[i] ? 1 : 0;
      }
      assertEquals(KnnAccuracy.leaveOneOut(flat, n, dim, y, k), correct / (double) n, 1e-15);
    }
  }

  @Test
  void nearestNeighbourAndTies() {
    float[][] x = {{1, 0}, {0.9f, 0.1f}, {0, 1}, {0.1f, 0.9f}};
    assertArrayEquals(new int[] {0, 0, 1, 1}, KnnVote.leaveOneOut(x, new int[] {0, 0, 1, 1}, 1));
    // k = 2 from row 0: row 1 (class 1) then row 3 (class 0): tie -> the nearer, class 1
    assertArrayEquals(new int[] {1, 0, 0, 1}, KnnVote.leaveOneOut(x, new int[] {0, 1, 1, 0}, 2));
  }

  @Test
  void badInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> KnnVote.leaveOneOut(new float[][] {{1}}, new int[] {0}, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> KnnVote.leaveOneOut(new float[][] {{1}, {2}}, new int[] {0, 1}, 0));
  }
}
