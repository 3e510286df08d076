package org.radioclr.anomaly.evaluate;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link AnomalyEvaluation#evaluate}.
 *
 * @param curve metrics at every distinct score, thresholds ascending
 * @param crossing the metrics at the evaluated threshold nearest the recall/precision crossing
 * @param crossingThreshold the crossing threshold, interpolated between evaluated thresholds
 * @param crossed whether precision reaches recall at some threshold
 */
public record EvaluationResult(
    List<ThresholdMetrics> curve,
    ThresholdMetrics crossing,
    double crossingThreshold,
    boolean crossed) {

  public EvaluationResult {
    curve = List.copyOf(curve);
    Objects.requireNonNull(crossing, "crossing");
    if (curve.isEmpty()) {
      throw new IllegalArgumentException("empty curve");
    }
  }

  /** All frames per group. */
  public GroupCounts totals() {
    return curve.get(0).totals();
  }
}
