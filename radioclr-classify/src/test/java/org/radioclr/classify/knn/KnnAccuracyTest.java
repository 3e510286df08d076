package org.radioclr.classify.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KnnAccuracyTest {
  @Test
  void separatedClustersArePerfectAndSwappedLabelsAreWrong() {
    // two directions in 2-D, three vectors each (cosine ignores the lengths)
    float[] f = {1, 0.1f, 3, 0.2f, 0.5f, 0, 0.1f, 1, 0, 2, 0.2f, 4};
    assertEquals(1.0, KnnAccuracy.leaveOneOut(f, 6, 2, new int[] {0, 0, 0, 1, 1, 1}, 2), 0);
    // labels alternating across the clusters: each vector's 2 nearest are its cluster mates
    // vector 0 (label 0): mates 1 (1), 2 (0) -> tie, nearest decides
    double acc = KnnAccuracy.leaveOneOut(f, 6, 2, new int[] {0, 1, 0, 1, 0, 1}, 2);
    assertEquals(hand(f), acc, 1e-12);
  }

  @Test
  void votesAreThoseWorkedOutByHand() {
    float[] f = {1, 0.1f, 3, 0.2f, 0.5f, 0, 0.1f, 1, 0, 2, 0.2f, 4};
    // see hand(): every vector of the alternating labelling is voted 1 except v1 (0)
    assertArrayEquals(
        new int[] {1, 0, 1, 1, 1, 1}, KnnAccuracy.votes(f, 6, 2, new int[] {0, 1, 0, 1, 0, 1}, 2));
  }

  /** The alternating case worked out by hand. */
  private static double hand(float[] f) {
    // cluster A: v0=(1,.1) v1=(3,.2) v2=(.5,0); cosines: v0-v1 .99945, v0-v2 .99504, v1-v2 .99779
    // v0 (0): ranks v1(1), v2(0) -> tie 1:1, nearest v1 -> 1, wrong
    // v1 (1): ranks v0(0), v2(0) -> 0, wrong
    // v2 (0): ranks v1(1), v0(0) -> tie, nearest v1 -> 1, wrong
    // cluster B: v3=(.1,1) v4=(0,2) v5=(.2,4); v3-v4 .99504, v3-v5 .99876, v4-v5 .99875
    // v3 (1): ranks v5(1), v4(0) -> tie, nearest v5 -> 1, right
    // v4 (0): ranks v5(1), v3(1) -> 1, wrong
    // v5 (1): ranks v3(1), v4(0) -> tie, nearest v3 -> 1, right
    assertEquals(6, f.length / 2);
    return 2 / 6.0;
  }

  @Test
  void majorityBeatsNearestAndKIsCappedAtNMinusOne() {
    // query 0 at (1,0); neighbours: one class-1 vector very close, two class-0 a bit further
    float[] f = {1, 0, 1, 0.01f, 1, 0.2f, 1, -0.2f};
    int[] labels = {0, 1, 0, 0};
    // k = 1: vector 0's nearest is vector 1 (class 1): wrong; k = 3: majority class 0: right
    double k1 = KnnAccuracy.leaveOneOut(f, 4, 2, labels, 1);
    double k3 = KnnAccuracy.leaveOneOut(f, 4, 2, labels, 3);
    double k99 = KnnAccuracy.leaveOneOut(f, 4, 2, labels, 99);
    // k=1: v0->v1 (1) wrong; v1->v0 (0) wrong; v2 (0.2) -> v1 (0.01) class 1 wrong;
    // v3 (-0.2) -> v0 class 0 right
    assertEquals(0.25, k1, 1e-12);
    // k=3 (all others): v0: 1,0,0 -> 0 right; v1: 0,0,0 -> 0 wrong; v2: 0,1,0 -> 0 right;
    // v3: 0,1,0 -> 0 right
    assertEquals(0.75, k3, 1e-12);
    assertEquals(k3, k99, 0);
  }

  @Test
  void badInput() {
    float[] f = {1, 0, 0, 1};
    assertThrows(
        IllegalArgumentException.class, () -> KnnAccuracy.leaveOneOut(f, 1, 2, new int[] {0}, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> KnnAccuracy.leaveOneOut(f, 2, 2, new int[] {0, 1}, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> KnnAccuracy.leaveOneOut(f, 2, 2, new int[] {0, -1}, 1));
    assertThrows(
        IllegalArgumentException.class, () -> KnnAccuracy.leaveOneOut(f, 3, 2, new int[3], 1));
  }
}
