package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.radioclr.core.preprocess.Cube;

class AugmentViewTest {

  @Test
  void loadsCopiesAndReturnsTheCube() {
    Cube c = TestCubes.indexed(3, 4, 5);
    AugmentView v = TestCubes.view(c);
    assertEquals(3, v.channels());
    assertEquals(4, v.height());
    assertEquals(5, v.width());
    assertEquals(20, v.planeSize());
    assertEquals(60, v.size());
    v.data()[0] = 9f;
    assertEquals(1f / 60, c.data()[0], 0f); // the input is not shared
    Cube out = v.toCube();
    assertEquals(9f, out.data()[0]);
    assertArrayEquals(
        java.util.Arrays.copyOfRange(c.data(), 1, 60),
        java.util.Arrays.copyOfRange(out.data(), 1, 60));
  }

  @Test
  void reusesBuffersAndTakesSmallerShapes() {
    AugmentView v = TestCubes.view(TestCubes.indexed(3, 8, 8));
    float[] big = v.data();
    Cube small = TestCubes.indexed(1, 2, 3);
    v.load(small);
    assertSame(big, v.data());
    assertEquals(6, v.size());
    float[] out = new float[10];
    v.copyTo(out, 4);
    assertArrayEquals(small.data(), java.util.Arrays.copyOfRange(out, 4, 10));
    assertThrows(IndexOutOfBoundsException.class, () -> v.copyTo(out, 5));
  }

  @Test
  void swapExchangesDataAndScratch() {
    AugmentView v = TestCubes.view(TestCubes.indexed(1, 2, 2));
    float[] d = v.data();
    float[] s = v.scratch();
    v.swap();
    assertSame(s, v.data());
    assertSame(d, v.scratch());
  }

  @Test
  void rejectsBadShapes() {
    AugmentView v = new AugmentView();
    assertThrows(IllegalStateException.class, v::toCube);
    assertThrows(IllegalArgumentException.class, () -> v.load(new float[4], 0, 0, 2, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> v.load(new float[4], 1, 1, 2, 2));
  }
}
