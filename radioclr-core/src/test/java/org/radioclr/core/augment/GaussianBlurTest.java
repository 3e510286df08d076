package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianBlurTest {

  @Test
  void keepsAConstantImage() {
    AugmentView v = TestCubes.view(TestCubes.constant(3, 12, 15, 0.42f));
    GaussianBlur.PAPER.apply(v, new SplittableRandom(1));
    for (float x : v.toCube().data()) {
      assertEquals(0.42f, x, 1e-6f);
    }
  }

  @Test
  void smoothsASpikeWithTheSameSigmaInEveryChannelWithinTheRange() {
    int n = 41;
    SplittableRandom r = new SplittableRandom(9);
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (int i = 0; i < 50; i++) {
      AugmentView v = TestCubes.view(TestCubes.constant(3, n, n, 0f));
      for (int c = 0; c < 3; c++) {
        v.data()[c * n * n + 20 * n + 20] = 1f;
      }
      GaussianBlur.PAPER.apply(v, r);
      float[] d = v.toCube().data();
      float[] c0 = Arrays.copyOfRange(d, 0, n * n);
      assertArrayEquals(c0, Arrays.copyOfRange(d, n * n, 2 * n * n));
      assertArrayEquals(c0, Arrays.copyOfRange(d, 2 * n * n, 3 * n * n));
      double sum = 0;
      double var = 0;
      for (int y = 0; y < n; y++) {
        for (int x = 0; x < n; x++) {
          sum += c0[y * n + x];
          var += c0[y * n + x] * (x - 20.0) * (x - 20.0);
        }
      }
      assertEquals(1.0, sum, 1e-5);
      assertTrue(c0[20 * n + 20] < 0.2f, "peak " + c0[20 * n + 20]);
      double sigma = Math.sqrt(var / sum);
      lo = Math.min(lo, sigma);
      hi = Math.max(hi, sigma);
    }
    assertTrue(lo >= 0.99 && lo < 1.3, "smallest sigma " + lo);
    assertTrue(hi <= 3.01 && hi > 2.7, "largest sigma " + hi);
  }

  @Test
  void validatesSigmas() {
    assertThrows(IllegalArgumentException.class, () -> new GaussianBlur(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new GaussianBlur(2, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new GaussianBlur(1, Double.POSITIVE_INFINITY));
    assertEquals(0.1, GaussianBlur.PAPER.paperProbability());
  }
}
