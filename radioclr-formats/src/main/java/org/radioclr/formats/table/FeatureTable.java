package org.radioclr.formats.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;
import org.radioclr.core.BadInputException;

/**
 * A feature table read into memory (for tests and downstream jobs on moderate tables): one row per
 * image. Parquet and CSV are both read through DuckDB.
 *
 * @param snames source names, one per row
 * @param ids ids as written ({@code "1;3"} for multi-label), {@code ""} when unlabelled
 * @param labels labels as written ({@code "FRI;FRII"}), {@code ""} when unlabelled
 * @param extras the extra columns in file order, each as its cells' text ({@code null} for NULL)
 * @param features {@code [rows][dimension]}, float32
 */
public record FeatureTable(
    List<String> snames,
    List<String> ids,
    List<String> labels,
    Map<String, List<String>> extras,
    float[][] features) {

  /** Number of rows. */
  public int size() {
    return snames.size();
  }

  /** Number of feature columns. */
  public int dimension() {
    return features.length == 0 ? 0 : features[0].length;
  }

  /**
   * Checks that every feature of every row is a finite number (an empty cell reads as NaN).
   *
   * @param file the table, named in the message
   * @throws BadInputException naming the file, the first bad row (with its sname) and column
   */
  public void requireFinite(Path file) {
    for (int i = 0; i < features.length; i++) {
      requireFinite(file, i);
    }
  }

  /**
   * Checks that every feature of row {@code row} is a finite number (an empty cell reads as NaN).
   *
   * @param file the table, named in the message
   * @throws BadInputException naming the file, the row (with its sname) and the first bad column
   */
  public void requireFinite(Path file, int row) {
    float[] f = features[row];
    for (int j = 0; j < f.length; j++) {
      if (!Float.isFinite(f[j])) {
        throw new BadInputException(
            file,
            "row "
                + row
                + " ("
                + snames.get(row)
                + "): "
                + FeatureColumns.featureName(j)
                + (Float.isNaN(f[j]) ? " is empty or NaN" : " is not finite (" + f[j] + ")"));
      }
    }
  }

  /**
   * Reads a table written by {@link FeatureTableWriter}.
   *
   * @throws BadInputException naming the file when it is missing, of an unknown extension, not a
   *     feature table (no {@code sname} or {@code f0} column) or unreadable
   */
  public static FeatureTable read(Path file) {
    FeatureTableWriter.Format format = FeatureTableWriter.formatOf(file);
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file, "no such file");
    }
    String source = DuckDb.scan(file, format == FeatureTableWriter.Format.PARQUET);
    try (DuckDBConnection c = DuckDb.connect(null);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + source)) {
      return read(file, rs);
    } catch (SQLException e) {
      throw DuckDb.unreadable(file, "feature table", e);
    }
  }

  private static FeatureTable read(Path file, ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    int snameCol = -1;
    int idCol = -1;
    int labelCol = -1;
    List<Integer> featureCols = new ArrayList<>();
    Map<String, Integer> extraCols = new LinkedHashMap<>();
    for (int c = 1; c <= n; c++) {
      String name = meta.getColumnName(c);
      switch (name) {
        case "sname" -> snameCol = c;
        case "id" -> idCol = c;
        case "label" -> labelCol = c;
        default -> {
          if (FeatureColumns.FEATURE_NAME.matcher(name).matches()) {
            if (!name.equals(FeatureColumns.featureName(featureCols.size()))) {
              throw new BadInputException(
                  file,
                  "feature columns must be f0, f1, ... in order, got "
                      + name
                      + " at position "
                      + featureCols.size());
            }
            featureCols.add(c);
          } else {
            extraCols.put(name, c);
          }
        }
      }
    }
    if (snameCol < 0 || featureCols.isEmpty()) {
      throw new BadInputException(file, "not a feature table: needs an sname and an f0 column");
    }
    List<String> snames = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Map<String, List<String>> extras = new LinkedHashMap<>();
    extraCols.keySet().forEach(k -> extras.put(k, new ArrayList<>()));
    List<float[]> rows = new ArrayList<>();
    int dim = featureCols.size();
    while (rs.next()) {
      snames.add(rs.getString(snameCol));
      ids.add(text(rs, idCol));
      labels.add(text(rs, labelCol));
      for (Map.Entry<String, Integer> e : extraCols.entrySet()) {
        Object v = rs.getObject(e.getValue());
        extras.get(e.getKey()).add(v == null ? null : v.toString());
      }
      float[] row = new float[dim];
      for (int i = 0; i < dim; i++) {
        Object v = rs.getObject(featureCols.get(i));
        if (v instanceof Number number) {
          row[i] = number.floatValue();
        } else if (v != null) {
          try {
            row[i] = Float.parseFloat(v.toString());
          } catch (NumberFormatException e) {
            throw new BadInputException(
                file, "row " + rows.size() + ": f" + i + " is not a number: '" + v + "'", e);
          }
        } else {
          row[i] = Float.NaN;
        }
      }
      rows.add(row);
    }
    Map<String, List<String>> frozen = new LinkedHashMap<>();
    extras.forEach((k, v) -> frozen.put(k, Collections.unmodifiableList(v)));
    return new FeatureTable(
        Collections.unmodifiableList(snames),
        Collections.unmodifiableList(ids),
        Collections.unmodifiableList(labels),
        Collections.unmodifiableMap(frozen),
        rows.toArray(new float[0][]));
  }

  private static String text(ResultSet rs, int column) throws SQLException {
    if (column < 0) {
      return "";
    }
    String s = rs.getString(column);
    return s == null ? "" : s;
  }
}
