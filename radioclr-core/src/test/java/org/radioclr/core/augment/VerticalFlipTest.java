package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.preprocess.Cube;

class VerticalFlipTest {

  @Test
  void movesRowYToHeightMinusOneMinusY() {
    Cube c = TestCubes.indexed(2, 5, 3);
    AugmentView v = TestCubes.view(c);
    new VerticalFlip().apply(v, new SplittableRandom(1));
    Cube out = v.toCube();
    for (int ch = 0; ch < 2; ch++) {
      for (int y = 0; y < 5; y++) {
        for (int x = 0; x < 3; x++) {
          assertEquals(c.get(ch, y, x), out.get(ch, 4 - y, x), 0f);
        }
      }
    }
  }

  @Test
  void twoFlipsAreTheIdentity() {
    Cube c = TestCubes.random(3, 6, 7, 6);
    AugmentView v = TestCubes.view(c);
    VerticalFlip f = new VerticalFlip();
    f.apply(v, new SplittableRandom(1));
    f.apply(v, new SplittableRandom(2));
    assertArrayEquals(c.data(), v.toCube().data());
  }

  @Test
  void paperProbability() {
    assertEquals(0.33, new VerticalFlip().paperProbability());
  }
}
