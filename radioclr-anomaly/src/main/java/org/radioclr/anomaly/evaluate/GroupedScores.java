package org.radioclr.anomaly.evaluate;

import java.util.List;
import java.util.Objects;
import org.radioclr.anomaly.labels.FrameLabels;
import org.radioclr.anomaly.scores.ScoreTable;
import org.radioclr.core.BadInputException;

/**
 * Anomaly scores with each frame's group.
 *
 * @param scores {@code [frames]} scores in [0, 1], 1 = most anomalous
 * @param groups {@code [frames]} primary group ({@link FrameGroup#primary})
 * @param compactOnly {@code [frames]} whether the frame is also {@link FrameGroup#COMPACT_ONLY}
 */
public record GroupedScores(double[] scores, FrameGroup[] groups, boolean[] compactOnly) {

  public GroupedScores {
    if (groups.length != scores.length || compactOnly.length != scores.length) {
      throw new IllegalArgumentException(
          "lengths differ: "
              + scores.length
              + " scores, "
              + groups.length
              + " groups, "
              + compactOnly.length
              + " compact-only flags");
    }
    for (int i = 0; i < scores.length; i++) {
      Objects.requireNonNull(groups[i], "group");
      if (groups[i] == FrameGroup.COMPACT_ONLY) {
        throw new IllegalArgumentException("COMPACT_ONLY is not a primary group (frame " + i + ")");
      }
      if (compactOnly[i] && groups[i] != FrameGroup.ORDINARY) {
        throw new IllegalArgumentException(
            "a compact-only frame must be ORDINARY (frame " + i + ")");
      }
      if (!(scores[i] >= 0 && scores[i] <= 1)) {
        throw new IllegalArgumentException("scores must be in [0, 1], got " + scores[i]);
      }
    }
    scores = scores.clone();
    groups = groups.clone();
    compactOnly = compactOnly.clone();
  }

  @Override
  public double[] scores() {
    return scores.clone();
  }

  @Override
  public FrameGroup[] groups() {
    return groups.clone();
  }

  @Override
  public boolean[] compactOnly() {
    return compactOnly.clone();
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
    int n = table.size();
    FrameGroup[] g = new FrameGroup[n];
    boolean[] c = new boolean[n];
    for (int i = 0; i < n; i++) {
      String s = table.snames().get(i);
      List<String> l = labels.of(s);
      try {
        g[i] = FrameGroup.primary(l);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(labels.source(), "frame '" + s + "': " + e.getMessage(), e);
      }
      c[i] = FrameGroup.isCompactOnly(l);
    }
    return new GroupedScores(table.scores(), g, c);
  }

  /** Labels taken from the score table's own {@code label} column ({@code "A;B"} lists). */
  public static FrameLabels labelsOf(ScoreTable table) {
    return FrameLabels.fromCells(table.source(), table.snames(), table.labels());
  }
}
