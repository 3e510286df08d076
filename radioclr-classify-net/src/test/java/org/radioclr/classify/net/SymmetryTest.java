package org.radioclr.classify.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SymmetryTest {
  private static final int N = 3;

  /** Two channels of 3x3 with all-distinct values. */
  private static float[] cube() {
    float[] a = new float[2 * N * N];
    for (int i = 0; i < a.length; i++) {
      a[i] = i + 1;
    }
    return a;
  }

  private static float[] apply(float[] src, int k) {
    float[] out = new float[src.length];
    Symmetry.apply(src, 0, out, 0, 2, N, k);
    return out;
  }

  @Test
  void identityQuarterTurnAndMirrorMovePixelsAsDocumented() {
    float[] src = cube();
    assertArrayEquals(src, apply(src, 0));
    // one quarter turn: (x, y) -> (n - 1 - y, x); pixel (x=0, y=0) (value 1) goes to (2, 0)
    float[] turned = apply(src, 1);
    assertEquals(1, turned[2]);
    // (x=2, y=0) (value 3) goes to (2, 2)
    assertEquals(3, turned[2 * N + 2]);
    // second channel moves the same way
    assertEquals(10, turned[N * N + 2]);
    // mirror: (x, y) -> (n - 1 - x, y)
    float[] mirrored = apply(src, 4);
    assertArrayEquals(new float[] {3, 2, 1}, java.util.Arrays.copyOfRange(mirrored, 0, 3));
  }

  @Test
  void theEightSymmetriesAreDistinctAndFourTurnsAreTheIdentity() {
    float[] src = cube();
    Set<List<Float>> seen = new HashSet<>();
    for (int k = 0; k < Symmetry.COUNT; k++) {
      float[] out = apply(src, k);
      List<Float> key = new java.util.ArrayList<>();
      for (float v : out) {
        key.add(v);
      }
      seen.add(key);
    }
    assertEquals(8, seen.size());
    float[] x = src;
    for (int i = 0; i < 4; i++) {
      x = apply(x, 1);
    }
    assertArrayEquals(src, x);
    assertArrayEquals(src, apply(apply(src, 4), 4));
  }

  @Test
  void drawIsSeededAndCoversAllSymmetries() {
    Set<Integer> drawn = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int k = Symmetry.draw(5, 0, i);
      assertTrue(k >= 0 && k < 8);
      assertEquals(k, Symmetry.draw(5, 0, i));
      drawn.add(k);
    }
    assertEquals(8, drawn.size());
    assertThrows(IllegalArgumentException.class, () -> apply(cube(), 8));
  }
}
