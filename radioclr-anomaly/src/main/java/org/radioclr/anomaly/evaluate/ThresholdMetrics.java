package org.radioclr.anomaly.evaluate;

import java.util.Objects;

/**
 * The metrics of the frames selected by one score threshold (a frame is selected when its score is
 * {@code >= threshold}), paper §5.2:
 *
 * <ul>
 *   <li>recall: selected peculiar frames / all peculiar frames;
 *   <li>precision: selected peculiar frames / all selected frames;
 *   <li>precision P+C: selected peculiar or complex frames / all selected frames;
 *   <li>contamination of group G: selected frames of G / all frames of G (NaN for an empty group).
 * </ul>
 *
 * @param threshold the score threshold
 * @param above the selected frames per group
 * @param totals all frames per group
 */
public record ThresholdMetrics(double threshold, GroupCounts above, GroupCounts totals) {

  public ThresholdMetrics {
    Objects.requireNonNull(above, "above");
    Objects.requireNonNull(totals, "totals");
  }

  /** Recall of peculiar frames. */
  public double recall() {
    return ratio(above.peculiar(), totals.peculiar());
  }

  /** Precision of peculiar frames (NaN when nothing is selected). */
  public double precision() {
    return ratio(above.peculiar(), above.all());
  }

  /** Precision of peculiar-or-complex frames (NaN when nothing is selected). */
  public double precisionPeculiarOrComplex() {
    return ratio(above.peculiar() + above.complex(), above.all());
  }

  /** Fraction of the frames of {@code group} that are selected (NaN for an empty group). */
  public double contamination(FrameGroup group) {
    return ratio(above.of(group), totals.of(group));
  }

  private static double ratio(int a, int b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }
}
