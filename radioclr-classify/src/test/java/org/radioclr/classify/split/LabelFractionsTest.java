package org.radioclr.classify.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelFractionsTest {

  /** 300 rows: class 0 x 200, class 1 x 90, class 2 x 10; the train set is the even rows. */
  private static int[] labels() {
    int[] labels = new int[600];
    for (int i = 0; i < labels.length; i++) {
      int j = i / 2;
      labels[i] = j < 200 ? 0 : j < 290 ? 1 : 2;
    }
    return labels;
  }

  private static int[] train() {
    int[] t = new int[300];
    for (int i = 0; i < t.length; i++) {
      t[i] = 2 * i;
    }
    return t;
  }

  @Test
  void keepsEveryClassEvenAtOnePercent() {
    int[] labels = labels();
    int[] kept = LabelFractions.subsample(train(), labels, 0.01, 3);
    int[] counts = new int[3];
    for (int i : kept) {
      counts[labels[i]]++;
    }
    // round(0.01 * 200) = 2; round(0.9) = 1; round(0.1) -> at least 1
    assertArrayEquals(new int[] {2, 1, 1}, counts);
  }

  @Test
  void isAStratifiedSeededSubset() {
    int[] labels = labels();
    int[] kept = LabelFractions.subsample(train(), labels, 0.25, 3);
    int[] counts = new int[3];
    Set<Integer> trainSet = new HashSet<>();
    for (int i : train()) {
      trainSet.add(i);
    }
    for (int i : kept) {
      counts[labels[i]]++;
      assertTrue(trainSet.contains(i), "row " + i + " is not a training row");
    }
    assertArrayEquals(new int[] {50, 23, 3}, counts); // round(22.5) = 23, round(2.5) = 3
    assertEquals(kept.length, Arrays.stream(kept).distinct().count());
    assertArrayEquals(kept, LabelFractions.subsample(train(), labels, 0.25, 3));
    assertTrue(!Arrays.equals(kept, LabelFractions.subsample(train(), labels, 0.25, 4)));
    assertArrayEquals(train(), LabelFractions.subsample(train(), labels, 1.0, 9));
  }

  @Test
  void badInputIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LabelFractions.subsample(train(), labels(), 0, 1));
    assertEquals("label fraction must be in (0, 1], got 0.0", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> LabelFractions.subsample(train(), labels(), 1.5, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> LabelFractions.subsample(new int[] {0, 0}, labels(), 0.5, 1));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LabelFractions.subsample(new int[] {0, 1}, new int[] {0, 0, 1}, 0.5, 1));
    assertEquals("class index 1 has no training rows; every class must be kept", e.getMessage());
  }
}
