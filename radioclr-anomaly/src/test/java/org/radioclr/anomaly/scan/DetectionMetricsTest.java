package org.radioclr.anomaly.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DetectionMetricsTest {

  @Test
  void precisionRecallF1AndAveragePrecision() {
    boolean[] pos = {true, false, true, false, false, true};
    double[] score = {0.9, 0.8, 0.7, 0.6, 0.5, 0.1};
    boolean[] flag = {true, true, true, false, false, false};
    DetectionMetrics m = DetectionMetrics.of(pos, flag, score);
    assertEquals(3, m.positives());
    assertEquals(3, m.flagged());
    assertEquals(2, m.truePositives());
    assertEquals(2.0 / 3, m.precision(), 1e-12);
    assertEquals(2.0 / 3, m.recall(), 1e-12);
    assertEquals(2.0 / 3, m.f1(), 1e-12);
    // sklearn.metrics.average_precision_score([1,0,1,0,0,1], [.9,.8,.7,.6,.5,.1])
    assertEquals(0.7222222222222222, m.averagePrecision(), 1e-12);
  }

  @Test
  void tiedScoresFormOneThresholdAndEmptyCasesAreZero() {
    // sklearn.metrics.average_precision_score([1,0,1,0], [.5,.5,.5,.1]) = 0.6666...
    assertEquals(
        2.0 / 3,
        DetectionMetrics.averagePrecision(
            new boolean[] {true, false, true, false}, new double[] {.5, .5, .5, .1}),
        1e-12);
    DetectionMetrics none =
        DetectionMetrics.of(
            new boolean[] {false, false}, new boolean[] {false, false}, new double[] {1, 2});
    assertEquals(0, none.precision());
    assertEquals(0, none.recall());
    assertEquals(0, none.f1());
    assertEquals(0, none.averagePrecision());
  }
}
