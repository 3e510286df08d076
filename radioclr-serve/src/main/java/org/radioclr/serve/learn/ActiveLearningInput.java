package org.radioclr.serve.learn;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.radioclr.anomaly.labels.FrameLabels;
import org.radioclr.core.BadInputException;
import org.radioclr.formats.table.ScoreTable;
import org.radioclr.serve.review.ReviewProject;

/**
 * What a simulated active-learning session reads: a score table, the features of its frames and the
 * truth (a frame is a true anomaly when labelled PECULIAR).
 *
 * @param scores the score table
 * @param features {@code [rows][dim]} the features of its rows, matched by {@code sname}
 * @param astronomer the truth of its rows
 */
public record ActiveLearningInput(
    ScoreTable scores, float[][] features, SimulatedAstronomer astronomer) {

  /**
   * Reads the files.
   *
   * @param scores score table ({@code anomaly score})
   * @param features the feature table the scores came from
   * @param labels datalist with the frame labels (e.g. the simulator's {@code
   *     sets/anomaly/datalist.json}), or null for the score table's own label column
   * @throws BadInputException naming the file: a table that cannot be read or has no rows, a scored
   *     frame without features, labels with no PECULIAR frame among the scored ones, or with only
   *     PECULIAR frames
   */
  public static ActiveLearningInput read(Path scores, Path features, Path labels) {
    ScoreTable table = ScoreTable.read(scores);
    if (table.size() == 0) {
      throw new BadInputException(scores, "the score table has no rows");
    }
    float[][] matched = ReviewProject.matchedFeatures(table, features);
    FrameLabels truth =
        labels == null
            ? FrameLabels.fromCells(scores, table.snames(), table.labels())
            : FrameLabels.fromDatalist(labels);
    List<String> snames = table.snames();
    boolean[] anomalous = new boolean[snames.size()];
    int count = 0;
    for (int i = 0; i < anomalous.length; i++) {
      anomalous[i] = truth.isPeculiar(snames.get(i));
      count += anomalous[i] ? 1 : 0;
    }
    if (count == 0) {
      TreeSet<String> seen = new TreeSet<>();
      truth.bySname().values().forEach(seen::addAll);
      throw new BadInputException(
          truth.source(),
          "no scored frame is labelled "
              + FrameLabels.PECULIAR
              + ", so there is nothing to find; labels seen: "
              + (seen.isEmpty() ? "none" : String.join(", ", seen)));
    }
    if (count == anomalous.length) {
      throw new BadInputException(
          truth.source(), "every scored frame is labelled " + FrameLabels.PECULIAR);
    }
    return new ActiveLearningInput(table, matched, new SimulatedAstronomer(anomalous));
  }
}
