package org.radioclr.serve.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeighbourScoreTest {
  final NeighbourScore ns = NeighbourScore.defaults(1);

  @Test
  void formulaMatchesAstronomaly() {
    // hand-computed with astronomaly's anom_func: f_u = 0.1 + 0.85 u / 5,
    // final = s * tanh(exp(d / mean(d)) - 1 + atanh(f_u))
    double[] d = {0, 1, 3};
    double[] u = {5, 0, 2.5};
    double[] s = {0.8, 0.5, 0.9};
    double[] out = ns.combine(d, u, s);
    double mean = 4.0 / 3;
    for (int i = 0; i < 3; i++) {
      double fu = 0.1 + 0.85 * u[i] / 5;
      double atanh = 0.5 * Math.log((1 + fu) / (1 - fu));
      double want = s[i] * Math.tanh(Math.exp(d[i] / mean) - 1 + atanh);
      assertEquals(want, out[i], 1e-12);
    }
    // a rated object keeps s * f_u
    assertEquals(0.8 * 0.95, out[0], 1e-12);
  }

  @Test
  void ratingsReRankTheClusters() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 60;
    float[][] f = new float[n][8];
    double[] s = new double[n];
    // two tight clusters (rows 3k: high raw score, rows 3k+1: lower) and a wide unexplored
    // population (rows 3k+2), far from both
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 8; j++) {
        f[i][j] =
            (float)
                switch (i % 3) {
                  case 0 -> 4 + r.nextGaussian();
                  case 1 -> -4 + r.nextGaussian();
                  default -> 40 * (r.nextDouble() - 0.5) + (j % 2 == 0 ? 60 : -60);
                };
      }
      s[i] = i % 3 == 0 ? 0.8 + 0.001 * i : i % 3 == 1 ? 0.5 + 0.001 * i : 0.1;
    }
    // the user finds the high-scoring cluster boring and the other interesting
    int[] rated = {0, 3, 6, 1, 4};
    double[] ratings = {0, 0, 1, 5, 4};
    double[] learned = ns.score(f, s, rated, ratings);
    double boringMax = 0;
    double interestingMin = 1;
    for (int i = 0; i < n; i++) {
      assertTrue(learned[i] >= 0 && learned[i] <= s[i] + 1e-12, "row " + i);
      if (i % 3 == 0) {
        boringMax = Math.max(boringMax, learned[i]);
      } else if (i % 3 == 1) {
        interestingMin = Math.min(interestingMin, learned[i]);
      } else {
        // far from every rating: the raw score is nearly kept
        assertTrue(learned[i] > 0.9 * s[i], "row " + i + ": " + learned[i]);
      }
    }
    assertTrue(
        interestingMin > boringMax, "interesting " + interestingMin + " vs boring " + boringMax);
    // seeded: the same again
    assertEquals(learned[7], ns.score(f, s, rated, ratings)[7], 0);
  }

  @Test
  void distancesAreToTheNearestRatedRow() {
    float[][] f = {{0, 0}, {3, 4}, {6, 8}};
    double[] d = NeighbourScore.nearestRated(f, new int[] {0, 2});
    assertEquals(0, d[0]);
    assertEquals(5, d[1], 1e-12);
    assertEquals(0, d[2]);
  }

  @Test
  void badSettingsAndInputsAreNamed() {
    assertThrows(IllegalArgumentException.class, () -> new NeighbourScore(0.1, 5, 0, 100, 1));
    assertThrows(IllegalArgumentException.class, () -> new NeighbourScore(0.2, 5, 1, 100, 1));
    float[][] f = {{0}, {1}};
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ns.score(f, new double[] {0.5, 0.5}, new int[] {0}, new double[] {7}));
    assertTrue(e.getMessage().contains("ratings must be in [0, 5.0]"), e.getMessage());
  }
}
