package org.radioclr.anomaly.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AveragePrecisionTest {

  @Test
  void matchesScikitLearn() {
    // sklearn.metrics.average_precision_score([1,0,1,0,0,1], [.9,.8,.7,.6,.5,.1])
    assertEquals(
        0.7222222222222222,
        AveragePrecision.of(
            new boolean[] {true, false, true, false, false, true},
            new double[] {0.9, 0.8, 0.7, 0.6, 0.5, 0.1}),
        1e-12);
  }

  @Test
  void tiedScoresFormOneThresholdAndNoPositivesGiveZero() {
    // sklearn.metrics.average_precision_score([1,0,1,0], [.5,.5,.5,.1]) = 0.6666...
    assertEquals(
        2.0 / 3,
        AveragePrecision.of(
            new boolean[] {true, false, true, false}, new double[] {.5, .5, .5, .1}),
        1e-12);
    assertEquals(0, AveragePrecision.of(new boolean[] {false, false}, new double[] {1, 2}));
  }
}
