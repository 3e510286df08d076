package org.radioclr.anomaly.evaluate;

import java.util.Objects;

/**
 * The metrics of the frames selected by one score threshold, as the paper defines them (§5.2, Fig.
 * 12, Table 4). The one metric class of radioclr's anomaly search: {@code anomaly evaluate} (every
 * threshold, selected = score &ge; threshold), {@code anomaly scan} (each setting's outlier flag,
 * selected = score &gt; threshold) and the demo all report these.
 *
 * <p>Precision and contamination are shares of the selected <em>labelled</em> frames: unlabelled
 * frames cannot be judged right or wrong, so they are left out of those denominators and reported
 * beside them as {@link #unlabelledShare()}. Hence, for every threshold that selects a labelled
 * frame, {@code precision + contamination(COMPLEX) + contamination(ORDINARY) = 1} and {@code
 * precisionPeculiarOrComplex + contamination(ORDINARY) = 1} — the paper's Table 4 rows add up the
 * same way (top10: 58.7 + 38.7 = 97.4 and 97.4 + 2.6 = 100).
 *
 * <ul>
 *   <li>recall: selected peculiar frames / all peculiar frames;
 *   <li>precision: selected peculiar frames / selected labelled frames;
 *   <li>precision P+C: selected peculiar or complex frames / selected labelled frames;
 *   <li>contamination of group G (complex, ordinary, or compact-only within ordinary): selected
 *       frames of G / selected labelled frames;
 *   <li>unlabelled share: selected unlabelled frames / all selected frames.
 * </ul>
 *
 * A ratio with a zero denominator is NaN (nothing labelled selected, no peculiar frame at all).
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

  /** Recall of peculiar frames (NaN without peculiar frames). */
  public double recall() {
    return ratio(above.peculiar(), totals.peculiar());
  }

  /** Precision of peculiar frames among the selected labelled frames (NaN when none). */
  public double precision() {
    return ratio(above.peculiar(), above.labelled());
  }

  /** Precision of peculiar-or-complex frames among the selected labelled frames (NaN when none). */
  public double precisionPeculiarOrComplex() {
    return ratio(above.peculiar() + above.complex(), above.labelled());
  }

  /**
   * The share of the selected labelled frames that belong to {@code group} (NaN when no labelled
   * frame is selected).
   *
   * @param group {@link FrameGroup#COMPLEX}, {@link FrameGroup#ORDINARY} or {@link
   *     FrameGroup#COMPACT_ONLY} (part of ORDINARY)
   * @throws IllegalArgumentException for PECULIAR (that share is {@link #precision()}) or
   *     UNLABELLED (see {@link #unlabelledShare()})
   */
  public double contamination(FrameGroup group) {
    if (group == FrameGroup.PECULIAR || group == FrameGroup.UNLABELLED) {
      throw new IllegalArgumentException(
          "contamination is measured for complex, ordinary and compact-only frames, not "
              + group.display()
              + " (see precision() and unlabelledShare())");
    }
    return ratio(above.of(group), above.labelled());
  }

  /** The share of all selected frames that are unlabelled (NaN when nothing is selected). */
  public double unlabelledShare() {
    return ratio(above.unlabelled(), above.all());
  }

  /**
   * The harmonic mean of {@link #precision()} and {@link #recall()}; 0 when both are 0 or when no
   * labelled frame is selected (precision undefined), NaN without peculiar frames.
   */
  public double f1() {
    double r = recall();
    if (Double.isNaN(r)) {
      return Double.NaN;
    }
    double p = precision();
    if (Double.isNaN(p) || p + r == 0) {
      return 0;
    }
    return 2 * p * r / (p + r);
  }

  /**
   * The metrics of one selection.
   *
   * @param groups every frame's primary group
   * @param selected whether each frame is selected
   */
  public static ThresholdMetrics of(double threshold, FrameGroups groups, boolean[] selected) {
    return new ThresholdMetrics(threshold, groups.count(selected), groups.totals());
  }

  private static double ratio(int a, int b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }
}
