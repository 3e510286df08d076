package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.preprocess.Cube;

class HorizontalFlipTest {

  @Test
  void movesColumnXToWidthMinusOneMinusX() {
    Cube c = TestCubes.indexed(2, 3, 5);
    AugmentView v = TestCubes.view(c);
    new HorizontalFlip().apply(v, new SplittableRandom(1));
    Cube out = v.toCube();
    for (int ch = 0; ch < 2; ch++) {
      for (int y = 0; y < 3; y++) {
        for (int x = 0; x < 5; x++) {
          assertEquals(c.get(ch, y, x), out.get(ch, y, 4 - x), 0f);
        }
      }
    }
  }

  @Test
  void twoFlipsAreTheIdentity() {
    Cube c = TestCubes.random(3, 6, 7, 5);
    AugmentView v = TestCubes.view(c);
    HorizontalFlip f = new HorizontalFlip();
    f.apply(v, new SplittableRandom(1));
    f.apply(v, new SplittableRandom(2));
    assertArrayEquals(c.data(), v.toCube().data());
  }

  @Test
  void paperProbability() {
    assertEquals(0.33, new HorizontalFlip().paperProbability());
  }
}
