package org.radioclr.classify.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KnnClassifyTest {
  private static final float[][] TRAIN = {{1, 0}, {2, 0.1f}, {0, 1}, {0.1f, 3}, {-1, -1}};
  private static final int[] LABELS = {0, 0, 1, 1, 2};

  @Test
  void votesByDirectionNotLength() {
    float[][] test = {{10, 1}, {0.2f, 5}, {-3, -2.9f}};
    assertArrayEquals(new int[] {0, 1, 2}, KnnAccuracy.classify(TRAIN, LABELS, test, 1));
    assertArrayEquals(
        new int[] {0, 1}, KnnAccuracy.classify(TRAIN, LABELS, new float[][] {test[0], test[1]}, 2));
  }

  @Test
  void aTieGoesToTheClassRankedNearest() {
    // k = 2 near (1, 0.9): (0, 1) ranks first [class 1], (2, 0.1) second [class 0]: 1 vote each
    int[] voted = KnnAccuracy.classify(TRAIN, LABELS, new float[][] {{0.9f, 1}}, 2);
    assertArrayEquals(new int[] {1}, voted);
  }

  @Test
  void kIsCappedAtTheTrainingRows() {
    // k = 50 over 5 rows: classes 0 and 1 have 2 votes each; class 0's (2, 0.1) ranks first
    assertArrayEquals(
        new int[] {0}, KnnAccuracy.classify(TRAIN, LABELS, new float[][] {{1, 0.05f}}, 50));
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> KnnAccuracy.classify(TRAIN, LABELS, new float[][] {{1, 0}}, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> KnnAccuracy.classify(TRAIN, new int[] {0}, new float[][] {{1, 0}}, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> KnnAccuracy.classify(TRAIN, LABELS, new float[][] {{1, 0, 0}}, 1));
  }
}
