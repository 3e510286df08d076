package org.radioclr.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  @Test
  void linearWarmUpThenCosineToZero() {
    LearningRateSchedule s = new LearningRateSchedule(0.1, 10, 110);
    assertEquals(0.01, s.at(0), 1e-7);
    assertEquals(0.05, s.at(4), 1e-7);
    assertEquals(0.1, s.at(9), 1e-7);
    assertEquals(0.1, s.at(10), 1e-7);
    // cosine over the 100 steps after the warm-up: half way at step 10 + 50
    assertEquals(0.05, s.at(60), 1e-6);
    assertEquals(0.1 * (1 + Math.cos(Math.PI * 25 / 100)) / 2, s.at(35), 1e-6);
    assertEquals(0.1 * (1 + Math.cos(Math.PI * 99 / 100)) / 2, s.at(109), 1e-8);
    assertTrue(s.at(109) > 0);
    for (int i = 11; i < 110; i++) {
      assertTrue(s.at(i) <= s.at(i - 1), "not decreasing at " + i);
    }
  }

  @Test
  void withoutWarmUpStartsAtTheTarget() {
    LearningRateSchedule s = new LearningRateSchedule(1e-3, 0, 4);
    assertEquals(1e-3, s.at(0), 1e-9);
    assertEquals(1e-3 * (1 + Math.cos(Math.PI * 3 / 4)) / 2, s.at(3), 1e-9);
    assertEquals(1e-3, new LearningRateSchedule(1e-3, 0, 1).at(0), 1e-9);
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(0, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1, -1, 2));
    assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1, 0, 2).at(-1));
  }
}
