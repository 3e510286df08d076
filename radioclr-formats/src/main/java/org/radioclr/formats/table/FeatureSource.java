package org.radioclr.formats.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBConnection;
import org.radioclr.core.BadInputException;

/**
 * A feature table (Parquet, or CSV read as text) opened through DuckDB to read only the columns an
 * analysis needs, whole or streamed in blocks of rows. Close it to free the connection.
 */
public final class FeatureSource implements AutoCloseable {
  private final Path file;
  private final String from;
  private final DuckDBConnection connection;
  private final List<String> columns;

  private FeatureSource(Path file, String from, DuckDBConnection c, List<String> columns) {
    this.file = file;
    this.from = from;
    this.connection = c;
    this.columns = columns;
  }

  /**
   * Opens a feature table.
   *
   * @throws BadInputException naming the file when it is missing, of an unknown extension,
   *     unreadable or has no {@code sname} column
   */
  public static FeatureSource open(Path file) {
    FeatureTableWriter.Format format = FeatureTableWriter.formatOf(file);
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file, "no such file");
    }
    String from = DuckDb.scan(file, format == FeatureTableWriter.Format.PARQUET);
    DuckDBConnection c = null;
    try {
      c = DuckDb.connect(null);
      List<String> names = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM " + from + " LIMIT 0")) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          names.add(rs.getMetaData().getColumnName(i));
        }
      }
      if (!names.contains("sname")) {
        throw new BadInputException(file, "not a feature table: no sname column");
      }
      return new FeatureSource(file, from, c, List.copyOf(names));
    } catch (SQLException e) {
      close(c);
      throw DuckDb.unreadable(file, "feature table", e);
    } catch (RuntimeException e) {
      close(c);
      throw e;
    }
  }

  /** The table's file. */
  public Path file() {
    return file;
  }

  /** Every column name, in file order. */
  public List<String> columns() {
    return columns;
  }

  /** The feature columns {@code f0, f1, ...}, by index. */
  public List<String> featureColumns() {
    return columns.stream()
        .filter(n -> FeatureColumns.FEATURE_NAME.matcher(n).matches())
        .sorted(Comparator.comparingInt(n -> Integer.parseInt(n.substring(1))))
        .toList();
  }

  /** The columns other than features: {@code sname, id, label} and extras, in file order. */
  public List<String> otherColumns() {
    return columns.stream().filter(n -> !FeatureColumns.FEATURE_NAME.matcher(n).matches()).toList();
  }

  /**
   * Checks that the table has these columns.
   *
   * @param what whose columns they are, e.g. {@code "the model's"}, for the message
   * @throws BadInputException naming the table and the first missing columns
   */
  public void requireColumns(List<String> wanted, String what) {
    Set<String> have = new HashSet<>(columns);
    List<String> missing = wanted.stream().filter(n -> !have.contains(n)).toList();
    if (!missing.isEmpty()) {
      throw new BadInputException(
          file,
          "no column(s) "
              + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
              + (missing.size() > 5 ? " and " + (missing.size() - 5) + " more" : "")
              + " ("
              + what
              + ")");
    }
  }

  /**
   * The number of rows.
   *
   * @throws BadInputException naming the table when it cannot be read
   */
  public long rowCount() {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + from)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw DuckDb.unreadable(file, "feature table", e);
    }
  }

  /** Receives blocks of rows. */
  @FunctionalInterface
  public interface BlockConsumer {
    /**
     * One block.
     *
     * @param firstRow index of the block's first row in the table
     * @param snames the rows' source names
     * @param features their features, {@code [rows][columns]}
     */
    void accept(long firstRow, List<String> snames, FeatureMatrix features);
  }

  /** Rows and their source names. */
  public record Rows(List<String> snames, FeatureMatrix features) {}

  /**
   * Reads the named feature columns of every row into memory.
   *
   * @throws BadInputException naming the table when it has no rows or a value is missing, not a
   *     number or not finite
   */
  public Rows readAll(List<String> featureColumns) {
    List<String> snames = new ArrayList<>();
    float[][] buf = {new float[1 << 16]};
    int d = featureColumns.size();
    int[] n = {0};
    stream(
        featureColumns,
        1 << 16,
        (first, names, block) -> {
          snames.addAll(names);
          int need = (n[0] + block.rows()) * d;
          if (need > buf[0].length) {
            buf[0] = Arrays.copyOf(buf[0], Math.max(need, buf[0].length * 2));
          }
          System.arraycopy(block.values(), 0, buf[0], n[0] * d, block.rows() * d);
          n[0] += block.rows();
        });
    if (n[0] == 0) {
      throw new BadInputException(file, "the table has no rows");
    }
    return new Rows(List.copyOf(snames), new FeatureMatrix(n[0], d, buf[0]));
  }

  /**
   * A seeded sample of a table's rows.
   *
   * @param rows the rows drawn, in file order
   * @param rowIndex each drawn row's index in the table (0-based, ascending)
   * @param tableRows the table's rows (all were read, one block at a time)
   */
  public record Sample(Rows rows, long[] rowIndex, long tableRows) {
    public Sample {
      rowIndex = rowIndex.clone();
    }

    @Override
    public long[] rowIndex() {
      return rowIndex.clone();
    }
  }

  /**
   * Reads a seeded uniform sample of at most {@code size} rows of the named feature columns
   * (reservoir sampling over the table streamed in file order): memory holds the sample, never the
   * table. The same table, size and seed give the same rows; every row when the table has at most
   * {@code size}.
   *
   * @throws BadInputException naming the table when it has no rows or a value is missing, not a
   *     number or not finite
   */
  public Sample readSample(List<String> featureColumns, int size, long seed) {
    RowReservoir reservoir = new RowReservoir(size, featureColumns.size(), seed);
    stream(
        featureColumns,
        Math.min(1 << 16, Math.max(1024, size)),
        (first, names, block) -> reservoir.offer(names, block));
    if (reservoir.seen() == 0) {
      throw new BadInputException(file, "the table has no rows");
    }
    return reservoir.rows();
  }

  /**
   * Streams the named feature columns in blocks of at most {@code blockRows} rows, in file order.
   *
   * @throws BadInputException naming the table when a value is missing, not a number or not finite
   */
  public void stream(List<String> featureColumns, int blockRows, BlockConsumer consumer) {
    requireColumns(featureColumns, "asked for");
    int d = featureColumns.size();
    StringBuilder sql = new StringBuilder("SELECT CAST(sname AS VARCHAR)");
    for (String c : featureColumns) {
      sql.append(", CAST(").append(DuckDb.identifier(c)).append(" AS FLOAT)");
    }
    sql.append(" FROM ").append(from);
    try (Statement s = connection.createStatement()) {
      s.setFetchSize(blockRows);
      try (ResultSet rs = s.executeQuery(sql.toString())) {
        long row = 0;
        float[] values = new float[blockRows * d];
        List<String> names = new ArrayList<>(blockRows);
        while (rs.next()) {
          String sname = rs.getString(1);
          int k = names.size();
          for (int j = 0; j < d; j++) {
            float v = rs.getFloat(j + 2);
            if (rs.wasNull() || !Float.isFinite(v)) {
              throw new BadInputException(
                  file,
                  "row "
                      + (row + k)
                      + " ("
                      + sname
                      + "): "
                      + featureColumns.get(j)
                      + (rs.wasNull() ? " is empty" : " is not finite (" + v + ")"));
            }
            values[k * d + j] = v;
          }
          names.add(sname);
          if (names.size() == blockRows) {
            consumer.accept(row, List.copyOf(names), new FeatureMatrix(blockRows, d, values));
            row += blockRows;
            names.clear();
            values = new float[blockRows * d];
          }
        }
        if (!names.isEmpty()) {
          consumer.accept(row, List.copyOf(names), new FeatureMatrix(names.size(), d, values));
        }
      }
    } catch (SQLException e) {
      throw DuckDb.unreadable(file, "feature table", e);
    }
  }

  /**
   * The non-blank {@code label} cells by source name, in file order ({@code "A;B"} for several
   * labels).
   *
   * @throws BadInputException naming the table when it has no {@code label} column
   */
  public Map<String, String> labelCells() {
    if (!columns.contains("label")) {
      throw new BadInputException(file, "has no label column");
    }
    Map<String, String> out = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT CAST(sname AS VARCHAR), CAST(label AS VARCHAR) FROM " + from)) {
      while (rs.next()) {
        String label = rs.getString(2);
        if (label != null && !label.isBlank()) {
          out.put(rs.getString(1), label);
        }
      }
    } catch (SQLException e) {
      throw DuckDb.unreadable(file, "feature table", e);
    }
    return out;
  }

  /** The FROM clause that reads the table (CSV cells as text). */
  String from() {
    return from;
  }

  @Override
  public void close() {
    close(connection);
  }

  private static void close(DuckDBConnection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // an in-memory connection: nothing to lose
      }
    }
  }
}
