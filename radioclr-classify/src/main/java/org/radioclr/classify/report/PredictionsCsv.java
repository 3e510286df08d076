package org.radioclr.classify.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radioclr.classify.Predictions;
import org.radioclr.core.io.Csv;

/**
 * Writes per-image class probabilities as CSV, one row per image: {@code sname}, {@code truth} (the
 * true labels, {@code ;}-separated; empty when unknown), {@code predicted} (the arg-max label, or
 * the {@code ;}-separated labels scoring &ge; 0.5 when multi-label), then {@code p_<label>} per
 * class in class order (probabilities with 6 significant digits). Written by {@link Csv} (RFC 4180
 * quoting).
 */
public final class PredictionsCsv {
  private PredictionsCsv() {}

  /** Writes labelled predictions atomically. */
  public static void write(Path file, Predictions p) {
    write(file, p.classes(), p.snames(), p.multiLabel(), p.truth(), p.scores());
  }

  /**
   * Writes predictions atomically.
   *
   * @param truth {@code [rows][*]} true class indices, a null row (or a null array) when unknown
   * @param scores {@code [rows][classes]} probabilities
   */
  public static void write(
      Path file,
      List<String> classes,
      List<String> snames,
      boolean multiLabel,
      int[][] truth,
      float[][] scores) {
    if (snames.size() != scores.length || (truth != null && truth.length != scores.length)) {
      throw new IllegalArgumentException("one sname, truth and score row per image needed");
    }
    List<String> header = new ArrayList<>(List.of("sname", "truth", "predicted"));
    for (String c : classes) {
      header.add("p_" + c);
    }
    Csv table = new Csv(header);
    List<Object> row = new ArrayList<>(header.size());
    for (int r = 0; r < scores.length; r++) {
      row.clear();
      row.add(snames.get(r));
      String t = null;
      if (truth != null && truth[r] != null) {
        List<String> names = new ArrayList<>();
        for (int c : truth[r]) {
          names.add(classes.get(c));
        }
        t = String.join(";", names);
      }
      row.add(t);
      row.add(predicted(classes, multiLabel, scores[r]));
      for (float s : scores[r]) {
        row.add(String.format(Locale.ROOT, "%.6g", s));
      }
      table.row(row);
    }
    table.write(file);
  }

  private static String predicted(List<String> classes, boolean multiLabel, float[] s) {
    if (multiLabel) {
      List<String> out = new ArrayList<>();
      for (int c = 0; c < s.length; c++) {
        if (s[c] >= Predictions.THRESHOLD) {
          out.add(classes.get(c));
        }
      }
      return String.join(";", out);
    }
    int best = 0;
    for (int c = 1; c < s.length; c++) {
      if (s[c] > s[best]) {
        best = c;
      }
    }
    return classes.get(best);
  }
}
