package org.radioclr.classify.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BalancedSplitsTest {
  private static final List<String> CLASSES = List.of("1C-1P", "1C-2P", "2C-2P");

  /** Unbalanced: 500, 200, 120 rows, interleaved. */
  private static int[] labels() {
    int[] counts = {500, 200, 120};
    int[] left = counts.clone();
    int[] labels = new int[820];
    int i = 0;
    while (i < labels.length) {
      for (int c = 0; c < 3 && i < labels.length; c++) {
        if (left[c]-- > 0) {
          labels[i++] = c;
        }
      }
    }
    return labels;
  }

  @Test
  void drawsAreBalancedDisjointAndSeeded() {
    int[] labels = labels();
    BalancedSplits s = BalancedSplits.draw(CLASSES, labels, 50, 30, 5, 7);
    assertEquals(5, s.splits().size());
    assertFalse(s.reduced());
    for (Split split : s.splits()) {
      int[] trainCounts = new int[3];
      int[] testCounts = new int[3];
      Set<Integer> train = new HashSet<>();
      for (int i : split.train()) {
        trainCounts[labels[i]]++;
        assertTrue(train.add(i));
      }
      for (int i : split.test()) {
        testCounts[labels[i]]++;
        assertFalse(train.contains(i), "row " + i + " in both sets");
      }
      assertEquals(List.of(50, 50, 50), List.of(trainCounts[0], trainCounts[1], trainCounts[2]));
      assertEquals(List.of(30, 30, 30), List.of(testCounts[0], testCounts[1], testCounts[2]));
    }
    assertNotEquals(s.splits().get(0), s.splits().get(1));
    assertEquals(s, BalancedSplits.draw(CLASSES, labels, 50, 30, 5, 7));
    assertNotEquals(s.splits(), BalancedSplits.draw(CLASSES, labels, 50, 30, 5, 8).splits());
  }

  @Test
  void rarestClassLimitsTheSizesWithTheSameRatio() {
    BalancedSplits s =
        BalancedSplits.draw(
            CLASSES,
            labels(),
            BalancedSplits.PAPER_TRAIN_PER_CLASS,
            BalancedSplits.PAPER_TEST_PER_CLASS,
            2,
            1);
    assertTrue(s.reduced());
    // 120 rows in 1000:600 -> 75 train, 45 test
    assertEquals(75, s.trainPerClass());
    assertEquals(45, s.testPerClass());
    assertEquals(225, s.splits().get(0).train().length);
    assertEquals(
        "the rarest class '2C-2P' has 120 rows (fewer than 1000 + 600): using 75 train + 45 test"
            + " per class, the same 1000:600 ratio",
        s.note());
  }

  @Test
  void badInputIsOneClearError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BalancedSplits.draw(CLASSES, new int[] {0, 0, 1, 1}, 1, 1, 1, 1));
    assertEquals("class '2C-2P' has no rows", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BalancedSplits.draw(CLASSES, new int[] {0, 1, 2, 2, 0, 1}, 1000, 600, 1, 1));
    assertEquals(
        "class '1C-1P' has only 2 rows, too few for a 1000:600 train/test split", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> BalancedSplits.draw(CLASSES, labels(), 5, 5, 0, 1));
    assertThrows(
        IllegalArgumentException.class, () -> BalancedSplits.draw(CLASSES, labels(), 0, 5, 1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> BalancedSplits.draw(CLASSES, new int[] {0, 1, 3}, 1, 1, 1, 1));
  }
}
