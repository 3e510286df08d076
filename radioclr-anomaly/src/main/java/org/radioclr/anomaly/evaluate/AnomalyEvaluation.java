package org.radioclr.anomaly.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.radioclr.anomaly.labels.FrameLabels;
import org.radioclr.core.BadInputException;
import org.radioclr.formats.table.ScoreTable;

/**
 * Threshold curves of an anomaly score against labelled frame groups (paper §5.2, Fig. 12 right)
 * and the threshold at which peculiar recall and precision cross (Table 4).
 *
 * <p>The thresholds are every distinct score, ascending; each selects the frames scoring at least
 * that much. The crossing: scanning thresholds upwards, the first one where precision >= recall
 * (recall starts at 1 with every frame selected and falls; precision starts at the peculiar
 * fraction of the labelled frames; both as {@link ThresholdMetrics} defines them). {@link
 * EvaluationResult#crossingThreshold()} interpolates linearly between that threshold and the one
 * below it on {@code precision - recall}; {@link EvaluationResult#crossing()} holds the metrics at
 * whichever of the two has the smaller {@code |precision - recall|} (the upper one on a tie). When
 * precision never reaches recall, the threshold with the smallest difference is used for both and
 * {@link EvaluationResult#crossed()} is false.
 */
public final class AnomalyEvaluation {
  private AnomalyEvaluation() {}

  /**
   * Evaluates a score table against frame labels.
   *
   * @throws BadInputException naming the score table when it has no rows, or the labels' file when
   *     no scored frame is labelled PECULIAR (listing the labels seen), a label is unknown or a
   *     labelled frame is not scored
   */
  public static EvaluationResult evaluate(ScoreTable table, FrameLabels labels) {
    if (table.size() == 0) {
      throw new BadInputException(table.source(), "empty score table: no frames to evaluate");
    }
    GroupedScores data = GroupedScores.of(table, labels);
    if (data.groups().totals().peculiar() == 0) {
      java.util.TreeSet<String> seen = new java.util.TreeSet<>();
      labels.bySname().values().forEach(seen::addAll);
      throw new BadInputException(
          labels.source(),
          "no frame is labelled PECULIAR, so recall and precision cannot be measured; labels seen: "
              + (seen.isEmpty() ? "none" : String.join(", ", seen)));
    }
    return evaluate(data);
  }

  /**
   * Evaluates the scores.
   *
   * @throws IllegalArgumentException when there are no frames or no peculiar frames
   */
  public static EvaluationResult evaluate(GroupedScores data) {
    Objects.requireNonNull(data, "data");
    int n = data.size();
    if (n == 0) {
      throw new IllegalArgumentException("no frames to evaluate");
    }
    double[] s = data.scores();
    FrameGroups groups = data.groups();
    GroupCounts totals = groups.totals();
    if (totals.peculiar() == 0) {
      throw new IllegalArgumentException(
          "no frame is labelled PECULIAR; recall and precision need peculiar frames");
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -s[i]));
    // sweep from the highest score down, emitting after each run of ties
    List<ThresholdMetrics> down = new ArrayList<>();
    int[] acc = new int[5];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      acc[groups.of(i).ordinal()]++;
      if (groups.isCompactOnly(i)) {
        acc[FrameGroup.COMPACT_ONLY.ordinal()]++;
      }
      if (k == n - 1 || s[order[k + 1]] != s[i]) {
        down.add(new ThresholdMetrics(s[i], FrameGroups.counts(acc, k + 1), totals));
      }
    }
    List<ThresholdMetrics> curve = new ArrayList<>(down.size());
    for (int k = down.size() - 1; k >= 0; k--) {
      curve.add(down.get(k));
    }
    return crossing(curve);
  }

  static EvaluationResult crossing(List<ThresholdMetrics> curve) {
    for (int k = 0; k < curve.size(); k++) {
      double d = diff(curve.get(k));
      if (d >= 0) {
        if (k == 0) {
          return new EvaluationResult(curve, curve.get(0), curve.get(0).threshold(), true);
        }
        ThresholdMetrics lo = curve.get(k - 1);
        ThresholdMetrics hi = curve.get(k);
        double dl = diff(lo);
        double t = lo.threshold() + (hi.threshold() - lo.threshold()) * (-dl) / (d - dl);
        ThresholdMetrics nearest = Math.abs(dl) < Math.abs(d) ? lo : hi;
        return new EvaluationResult(curve, nearest, t, true);
      }
    }
    ThresholdMetrics best = curve.get(0);
    for (ThresholdMetrics m : curve) {
      if (Math.abs(diff(m)) < Math.abs(diff(best))) {
        best = m;
      }
    }
    return new EvaluationResult(curve, best, best.threshold(), false);
  }

  private static double diff(ThresholdMetrics m) {
    return m.precision() - m.recall();
  }
}
