package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.preprocess.Cube;

class Rotate90Test {
  private static final int N = 4;

  @Test
  void quarterTurnMovesXyToNMinusOneMinusYX() {
    // a single bright pixel at (x=3, y=0), the bottom right as displayed, goes to the top right
    AugmentView v = TestCubes.view(TestCubes.constant(1, N, N, 0f));
    v.data()[0 * N + 3] = 1f;
    Rotate90.rotate(v, 1);
    assertEquals(1f, v.toCube().get(0, 3, 3));
    // and every pixel of a known image follows (x, y) -> (n - 1 - y, x)
    Cube c = TestCubes.indexed(2, N, N);
    Cube[] turns = new Cube[4];
    for (int k = 0; k < 4; k++) {
      AugmentView w = TestCubes.view(c);
      Rotate90.rotate(w, k);
      turns[k] = w.toCube();
    }
    for (int ch = 0; ch < 2; ch++) {
      for (int y = 0; y < N; y++) {
        for (int x = 0; x < N; x++) {
          float value = c.get(ch, y, x);
          assertEquals(value, turns[0].get(ch, y, x), 0f);
          assertEquals(value, turns[1].get(ch, x, N - 1 - y), 0f);
          assertEquals(value, turns[2].get(ch, N - 1 - y, N - 1 - x), 0f);
          assertEquals(value, turns[3].get(ch, N - 1 - x, y), 0f);
        }
      }
    }
  }

  @Test
  void fourQuarterTurnsAreTheIdentity() {
    Cube c = TestCubes.random(3, 7, 7, 3);
    AugmentView v = TestCubes.view(c);
    for (int k = 1; k <= 4; k++) {
      Rotate90.rotate(v, 1);
      boolean same = Arrays.equals(c.data(), Arrays.copyOf(v.data(), v.size()));
      assertEquals(k == 4, same, "after " + k + " quarter turns");
    }
    assertArrayEquals(c.data(), v.toCube().data());
    Rotate90.rotate(v, 1);
    Rotate90.rotate(v, 3);
    assertArrayEquals(c.data(), v.toCube().data());
  }

  @Test
  void drawsEachAngleUniformly() {
    Cube c = TestCubes.indexed(1, N, N);
    int[] counts = new int[4];
    SplittableRandom r = new SplittableRandom(11);
    AugmentView v = new AugmentView();
    for (int i = 0; i < 3000; i++) {
      v.load(c);
      new Rotate90().apply(v, r);
      // the first pixel's value tells the turn: 1 -> (3,0), 2 -> (3,3), 3 -> (0,3)
      float first = c.data()[0];
      Cube out = v.toCube();
      int k =
          out.get(0, 0, 0) == first
              ? 0
              : out.get(0, 0, 3) == first ? 1 : out.get(0, 3, 3) == first ? 2 : 3;
      counts[k]++;
    }
    assertEquals(0, counts[0]);
    for (int k = 1; k < 4; k++) {
      assertTrue(Math.abs(counts[k] - 1000) < 100, "turn " + k + ": " + counts[k]);
    }
  }

  @Test
  void refusesNonSquareImages() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Rotate90().checkShape(3, 64, 32));
    assertTrue(e.getMessage().contains("square"), e.getMessage());
    assertTrue(e.getMessage().contains("3x64x32"), e.getMessage());
    AugmentView v = TestCubes.view(TestCubes.indexed(1, 2, 3));
    assertThrows(
        IllegalArgumentException.class, () -> new Rotate90().apply(v, new SplittableRandom(1)));
    assertThrows(IllegalArgumentException.class, () -> Rotate90.rotate(v, 4));
  }
}
