package org.radioclr.formats.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.radioclr.core.BadInputException;

/**
 * An anomaly score table read into memory: one row per frame, in file order (the writer sorts by
 * score, descending). Parquet ({@code .parquet}) and CSV ({@code .csv}, with a header line) are
 * both read through DuckDB; columns may come in any order.
 *
 * <p>Columns: {@code sname} (required), {@code score} (required, a finite number in [0, 1], 1 =
 * most anomalous), {@code id} and {@code label} (optional, {@code "A;B"} for several labels),
 * {@code outlier} (optional boolean; false when absent) and any further columns, kept as text in
 * {@link #extras()} (for hulk frames {@code map, x0, y0, ra, dec, rms}).
 *
 * @param source the file read, named in errors
 * @param snames frame names, one per row, distinct
 * @param ids ids as written, {@code ""} when absent
 * @param labels labels as written, {@code ""} when unlabelled
 * @param extras further columns in file order, each as its cells' text ({@code null} for NULL)
 * @param scores {@code [rows]} anomaly scores in [0, 1]
 * @param outliers {@code [rows]} the scorer's outlier flags
 */
public record ScoreTable(
    Path source,
    List<String> snames,
    List<String> ids,
    List<String> labels,
    Map<String, List<String>> extras,
    double[] scores,
    boolean[] outliers) {

  /** The required column of frame names. */
  public static final String SNAME = "sname";

  /** The required column of scores. */
  public static final String SCORE = "score";

  public ScoreTable {
    Objects.requireNonNull(source, "source");
    int n = snames.size();
    if (ids.size() != n || labels.size() != n || scores.length != n || outliers.length != n) {
      throw new IllegalArgumentException(
          "columns must all have "
              + n
              + " rows, got ids "
              + ids.size()
              + ", labels "
              + labels.size()
              + ", scores "
              + scores.length
              + ", outliers "
              + outliers.length);
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    extras.forEach(
        (k, v) -> {
          if (v.size() != n) {
            throw new IllegalArgumentException(
                "extra column " + k + " has " + v.size() + " rows, expected " + n);
          }
          copy.put(k, Collections.unmodifiableList(new ArrayList<>(v)));
        });
    for (int i = 0; i < n; i++) {
      double s = scores[i];
      if (!(s >= 0 && s <= 1)) {
        throw new IllegalArgumentException(
            "score of frame '" + snames.get(i) + "' must be in [0, 1], got " + s);
      }
    }
    snames = List.copyOf(snames);
    ids = List.copyOf(ids);
    labels = List.copyOf(labels);
    extras = Collections.unmodifiableMap(copy);
    scores = scores.clone();
    outliers = outliers.clone();
  }

  /** Number of rows. */
  public int size() {
    return snames.size();
  }

  @Override
  public double[] scores() {
    return scores.clone();
  }

  @Override
  public boolean[] outliers() {
    return outliers.clone();
  }

  /** The score of row {@code i}. */
  public double score(int i) {
    return scores[i];
  }

  /** The outlier flag of row {@code i}. */
  public boolean outlier(int i) {
    return outliers[i];
  }

  /** An extra column by name, if present. */
  public Optional<List<String>> extra(String name) {
    return Optional.ofNullable(extras.get(name));
  }

  /**
   * Reads a score table.
   *
   * @throws BadInputException naming the file when it is missing, has an unknown extension, lacks
   *     the {@code sname} or {@code score} column, holds a non-numeric or out-of-range score, a
   *     blank or repeated frame name, or cannot be read
   */
  public static ScoreTable read(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    boolean parquet = lower.endsWith(".parquet");
    if (!parquet && !lower.endsWith(".csv")) {
      throw new BadInputException(file, "unknown score table format; use .parquet or .csv");
    }
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file, "no such file");
    }
    try (Connection c = DuckDb.connect(null);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + DuckDb.scan(file, parquet))) {
      return read(file, rs);
    } catch (SQLException e) {
      throw DuckDb.unreadable(file, "score table", e);
    }
  }

  private static ScoreTable read(Path file, ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int snameCol = -1;
    int scoreCol = -1;
    int idCol = -1;
    int labelCol = -1;
    int outlierCol = -1;
    Map<String, Integer> extraCols = new LinkedHashMap<>();
    List<String> columns = new ArrayList<>();
    for (int c = 1; c <= meta.getColumnCount(); c++) {
      String col = meta.getColumnName(c);
      columns.add(col);
      switch (col) {
        case SNAME -> snameCol = c;
        case SCORE -> scoreCol = c;
        case "id" -> idCol = c;
        case "label" -> labelCol = c;
        case "outlier" -> outlierCol = c;
        default -> extraCols.put(col, c);
      }
    }
    if (snameCol < 0 || scoreCol < 0) {
      throw new BadInputException(
          file,
          "not a score table: needs columns "
              + (snameCol < 0 && scoreCol < 0
                  ? "'sname' and 'score'"
                  : snameCol < 0 ? "'sname'" : "'score'")
              + ", found "
              + summarise(columns)
              + (columns.stream().anyMatch(c -> FeatureColumns.FEATURE_NAME.matcher(c).matches())
                  ? " (a feature table? score it with 'radioclr anomaly score')"
                  : ""));
    }
    List<String> snames = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Map<String, List<String>> extras = new LinkedHashMap<>();
    extraCols.keySet().forEach(k -> extras.put(k, new ArrayList<>()));
    double[] scores = new double[64];
    boolean[] outliers = new boolean[64];
    java.util.Set<String> seen = new java.util.HashSet<>();
    int n = 0;
    while (rs.next()) {
      String sname = rs.getString(snameCol);
      if (sname == null || sname.isBlank()) {
        throw new BadInputException(file, "row " + n + ": blank sname");
      }
      if (!seen.add(sname)) {
        throw new BadInputException(file, "frame '" + sname + "' appears twice");
      }
      double score = number(file, rs.getObject(scoreCol), sname);
      if (!(score >= 0 && score <= 1)) {
        throw new BadInputException(
            file, "frame '" + sname + "': score must be in [0, 1], got " + score);
      }
      if (n == scores.length) {
        scores = java.util.Arrays.copyOf(scores, 2 * n);
        outliers = java.util.Arrays.copyOf(outliers, 2 * n);
      }
      scores[n] = score;
      outliers[n] = outlierCol >= 0 && bool(file, rs.getObject(outlierCol), sname);
      snames.add(sname);
      ids.add(text(rs, idCol));
      labels.add(text(rs, labelCol));
      for (Map.Entry<String, Integer> e : extraCols.entrySet()) {
        Object v = rs.getObject(e.getValue());
        extras.get(e.getKey()).add(v == null ? null : v.toString());
      }
      n++;
    }
    return new ScoreTable(
        file,
        snames,
        ids,
        labels,
        extras,
        java.util.Arrays.copyOf(scores, n),
        java.util.Arrays.copyOf(outliers, n));
  }

  private static double number(Path file, Object v, String sname) {
    if (v instanceof Number num) {
      return num.doubleValue();
    }
    if (v != null) {
      try {
        return Double.parseDouble(v.toString().strip());
      } catch (NumberFormatException e) {
        throw new BadInputException(
            file, "frame '" + sname + "': score is not a number: '" + v + "'", e);
      }
    }
    throw new BadInputException(file, "frame '" + sname + "': missing score");
  }

  private static boolean bool(Path file, Object v, String sname) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v == null) {
      return false;
    }
    String s = v.toString().strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "1", "t", "yes" -> true;
      case "false", "0", "f", "no", "" -> false;
      default ->
          throw new BadInputException(
              file, "frame '" + sname + "': outlier is not a boolean: '" + v + "'");
    };
  }

  private static String text(ResultSet rs, int column) throws SQLException {
    if (column < 0) {
      return "";
    }
    String s = rs.getString(column);
    return s == null ? "" : s;
  }

  /** The columns, with a run of feature columns f0..fN shown as one entry. */
  private static String summarise(List<String> columns) {
    List<String> shown = new ArrayList<>();
    int features = 0;
    for (String c : columns) {
      if (FeatureColumns.FEATURE_NAME.matcher(c).matches()) {
        features++;
      } else {
        shown.add(c);
      }
    }
    if (features > 0) {
      shown.add(features + " feature columns f0..");
    }
    return shown.toString();
  }
}
