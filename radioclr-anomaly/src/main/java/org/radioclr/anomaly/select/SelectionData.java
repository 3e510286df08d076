package org.radioclr.anomaly.select;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.radioclr.anomaly.labels.FrameLabels;
import org.radioclr.core.BadInputException;
import org.radioclr.formats.labels.FrameLabel;
import org.radioclr.formats.table.FeatureColumns;
import org.radioclr.formats.table.FeatureTable;

/**
 * The labelled rows of a feature table, split into "interesting" (any positive label) and
 * "ordinary" (the other labelled rows); unlabelled rows are left out.
 *
 * @param snames {@code [rows]} frame names
 * @param features {@code [rows][dimension]} feature vectors (shared, not copied)
 * @param interesting {@code [rows]} true for a frame with a positive label
 * @param featureNames {@code [dimension]} column names ({@code f0..})
 */
public record SelectionData(
    List<String> snames, float[][] features, boolean[] interesting, List<String> featureNames) {

  /** Fewest labelled rows accepted (LightGBM's default {@code min_data_in_leaf}). */
  public static final int MIN_ROWS = 20;

  public SelectionData {
    snames = List.copyOf(snames);
    featureNames = List.copyOf(featureNames);
    if (features.length != snames.size() || interesting.length != snames.size()) {
      throw new IllegalArgumentException(
          "rows disagree: "
              + snames.size()
              + " names, "
              + features.length
              + " feature rows, "
              + interesting.length
              + " classes");
    }
    for (float[] row : features) {
      if (row.length != featureNames.size()) {
        throw new IllegalArgumentException(
            "feature rows must have " + featureNames.size() + " values, got " + row.length);
      }
    }
  }

  /** Number of rows. */
  public int size() {
    return snames.size();
  }

  /** Number of interesting rows. */
  public int positives() {
    int n = 0;
    for (boolean b : interesting) {
      if (b) {
        n++;
      }
    }
    return n;
  }

  /**
   * The labelled rows of {@code table}.
   *
   * @param tableFile the table's file, named in errors
   * @param positives the labels of interesting frames
   * @throws BadInputException naming the labels' file when labelled frames are not in the table,
   *     fewer than {@link #MIN_ROWS} frames are labelled, a positive label is neither one of the
   *     paper's labels nor among the labels seen (the message lists those seen), no frame or every
   *     frame is interesting
   */
  public static SelectionData of(
      Path tableFile, FeatureTable table, FrameLabels labels, List<String> positives) {
    labels.requireKnown(table.snames(), tableFile);
    TreeSet<String> seen = new TreeSet<>();
    labels.bySname().values().forEach(seen::addAll);
    for (String p : positives) {
      if (!seen.contains(p) && !FrameLabel.labels().contains(p)) {
        throw new BadInputException(
            labels.source(),
            "positive label '" + p + "' is not among the labels seen: " + String.join(", ", seen));
      }
    }
    if (labels.size() < MIN_ROWS) {
      throw new BadInputException(
          labels.source(),
          "only "
              + labels.size()
              + " labelled frame(s); feature selection needs at least "
              + MIN_ROWS);
    }
    List<String> names = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    boolean[] cls = new boolean[labels.size()];
    int positivesFound = 0;
    for (int i = 0; i < table.size(); i++) {
      List<String> l = labels.of(table.snames().get(i));
      if (l.isEmpty()) {
        continue;
      }
      boolean p = l.stream().anyMatch(positives::contains);
      cls[names.size()] = p;
      positivesFound += p ? 1 : 0;
      names.add(table.snames().get(i));
      rows.add(table.features()[i]);
    }
    if (positivesFound == 0) {
      throw new BadInputException(
          labels.source(),
          "no labelled frame has any of the positive labels "
              + positives
              + "; labels seen: "
              + String.join(", ", seen));
    }
    if (positivesFound == names.size()) {
      throw new BadInputException(
          labels.source(),
          "every labelled frame has a positive label "
              + positives
              + "; feature selection needs ordinary frames too");
    }
    List<String> featureNames = new ArrayList<>();
    for (int j = 0; j < table.dimension(); j++) {
      featureNames.add(FeatureColumns.featureName(j));
    }
    return new SelectionData(
        names,
        rows.toArray(new float[0][]),
        java.util.Arrays.copyOf(cls, names.size()),
        featureNames);
  }
}
