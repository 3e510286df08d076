package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViewRandomTest {

  @Test
  void sameArgumentsGiveTheSameStream() {
    assertEquals(ViewRandom.of(7, 2, 10, 1).nextLong(), ViewRandom.of(7, 2, 10, 1).nextLong());
  }

  @Test
  void everyArgumentChangesTheStream() {
    Set<Long> firsts = new HashSet<>();
    int count = 0;
    for (long seed = 0; seed < 3; seed++) {
      for (long epoch = 0; epoch < 3; epoch++) {
        for (long image = 0; image < 20; image++) {
          for (int view = 0; view < 2; view++) {
            firsts.add(ViewRandom.of(seed, epoch, image, view).nextLong());
            count++;
          }
        }
      }
    }
    assertEquals(count, firsts.size());
    assertTrue(ViewRandom.of(1, 0, 0, 0).nextLong() != ViewRandom.of(0, 1, 0, 0).nextLong());
  }
}
