package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.preprocess.Cube;

class RandomRotateTest {

  @Test
  void aQuarterTurnIsRotate90sQuarterTurn() {
    Cube c = TestCubes.random(2, 7, 7, 5);
    AugmentView byAngle = TestCubes.view(c);
    AugmentView byQuarter = TestCubes.view(c);
    RandomRotate.rotate(byAngle, Math.PI / 2);
    Rotate90.rotate(byQuarter, 1);
    assertArrayEquals(byQuarter.toCube().data(), byAngle.toCube().data(), 1e-5f);
  }

  @Test
  void cornersComeFromOutsideAndAreZero() {
    AugmentView v = TestCubes.view(TestCubes.constant(1, 9, 9, 1f));
    RandomRotate.rotate(v, Math.PI / 4);
    Cube out = v.toCube();
    assertEquals(0f, out.get(0, 0, 0));
    assertEquals(1f, out.get(0, 4, 4), 1e-6f);
  }

  @Test
  void drawsOneAngleWithinTheLimit() {
    AugmentView v = TestCubes.view(TestCubes.random(1, 8, 8, 2));
    SplittableRandom r = new SplittableRandom(4);
    new RandomRotate(10).apply(v, r);
    SplittableRandom expected = new SplittableRandom(4);
    expected.nextDouble();
    assertEquals(expected.nextLong(), r.nextLong(), "one draw per application");
    assertThrows(IllegalArgumentException.class, () -> new RandomRotate(0));
  }
}
