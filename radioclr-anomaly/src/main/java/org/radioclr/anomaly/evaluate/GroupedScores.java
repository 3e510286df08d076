package org.radioclr.anomaly.evaluate;

import org.radioclr.anomaly.labels.FrameLabels;
import org.radioclr.core.BadInputException;
import org.radioclr.formats.table.ScoreTable;

/**
 * Anomaly scores with each frame's group.
 *
 * @param scores {@code [frames]} scores in [0, 1], 1 = most anomalous
 * @param groups the group of every frame
 */
public record GroupedScores(double[] scores, FrameGroups groups) {

  public GroupedScores {
    if (groups.size() != scores.length) {
      throw new IllegalArgumentException(
          "lengths differ: " + scores.length + " scores, " + groups.size() + " groups");
    }
    for (double s : scores) {
      if (!(s >= 0 && s <= 1)) {
        throw new IllegalArgumentException("scores must be in [0, 1], got " + s);
      }
    }
    scores = scores.clone();
  }

  /**
   * Scores with per-frame groups.
   *
   * @param groups {@code [frames]} primary group ({@link FrameGroup#primary})
   * @param compactOnly {@code [frames]} whether the frame is also {@link FrameGroup#COMPACT_ONLY}
   */
  public GroupedScores(double[] scores, FrameGroup[] groups, boolean[] compactOnly) {
    this(scores, new FrameGroups(groups, compactOnly));
  }

  @Override
  public double[] scores() {
    return scores.clone();
  }

  /** Number of frames. */
  public int size() {
    return scores.length;
  }

  /**
   * Groups the rows of a score table by their labels.
   *
   * @param labels frame labels (checked to name only rows of the table)
   * @throws BadInputException naming the labels' file when a label is not one of the paper's ten or
   *     a labelled frame is not in the table
   */
  public static GroupedScores of(ScoreTable table, FrameLabels labels) {
    labels.requireKnown(table.snames(), table.source());
    return new GroupedScores(table.scores(), FrameGroups.of(table.snames(), labels));
  }

  /** Labels taken from the score table's own {@code label} column ({@code "A;B"} lists). */
  public static FrameLabels labelsOf(ScoreTable table) {
    return FrameLabels.fromCells(table.source(), table.snames(), table.labels());
  }
}
