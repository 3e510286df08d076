package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class MinMaxStageTest {

  @Test
  void mapsMinToZeroAndMaxToOne() {
    double[] v = {2, 4, 3, 6, 99};
    new MinMaxStage().apply(v, 4, new Workspace());
    assertArrayEquals(new double[] {0, 0.5, 0.25, 1, 99}, v, 1e-15);
  }

  @Test
  void constantChannelBecomesZero() {
    double[] v = {5, 5, 5};
    MinMaxStage.normalize(v, 3);
    assertArrayEquals(new double[] {0, 0, 0}, v, 0.0);
  }

  @Test
  void negativeValuesNormalise() {
    double[] v = {-3, -1, 1};
    MinMaxStage.normalize(v, 3);
    assertArrayEquals(new double[] {0, 0.5, 1}, v, 1e-15);
  }
}
