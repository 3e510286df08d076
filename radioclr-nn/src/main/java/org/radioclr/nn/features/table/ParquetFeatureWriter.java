package org.radioclr.nn.features.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.io.AtomicFiles;

/**
 * Parquet feature table written through DuckDB: rows go through DuckDB's appender into a table of
 * an on-disk scratch database (a hidden temporary folder beside the target, so memory stays flat
 * however many rows there are: DuckDB spills to that file beyond its memory limit), then {@code
 * COPY ... TO ... (FORMAT PARQUET)} writes a temporary file that is renamed over the target. Types:
 * {@code sname, id, label} VARCHAR, numeric extras DOUBLE, text extras VARCHAR, features FLOAT.
 */
final class ParquetFeatureWriter implements FeatureTableWriter {
  /** DuckDB's memory limit while collecting rows. */
  private static final String MEMORY_LIMIT = "512MB";

  private static final String TABLE = "features";

  private final Path target;
  private final FeatureColumns columns;
  private final AtomicFiles.Pending pending;
  private final Path scratch;
  private final DuckDBConnection connection;
  private final DuckDBAppender appender;
  private long rows;
  private boolean closed;

  ParquetFeatureWriter(Path target, FeatureColumns columns) {
    this.target = target;
    this.columns = Objects.requireNonNull(columns, "columns");
    this.pending = AtomicFiles.begin(target);
    Path dir = pending.temporary().getParent();
    Path scratchDir = null;
    DuckDBConnection c = null;
    try {
      scratchDir = Files.createTempDirectory(dir, "." + target.getFileName() + ".");
      c = DuckDb.connect(scratchDir.resolve("rows.duckdb"));
      try (Statement s = c.createStatement()) {
        s.execute("SET memory_limit=" + DuckDb.literal(MEMORY_LIMIT));
        s.execute(createTable(columns));
      }
      this.appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE);
    } catch (IOException | SQLException | RuntimeException e) {
      closeQuietly(c);
      deleteTree(scratchDir);
      pending.close();
      if (e instanceof IOException io) {
        throw AtomicFiles.writeFailure(target, io);
      }
      if (e instanceof SQLException sql) {
        throw failure(sql);
      }
      throw (RuntimeException) e;
    }
    this.scratch = scratchDir;
    this.connection = c;
  }

  private static String createTable(FeatureColumns columns) {
    StringBuilder sql = new StringBuilder("CREATE TABLE " + TABLE + " (");
    for (String key : FeatureColumns.KEY_COLUMNS) {
      sql.append(DuckDb.identifier(key)).append(" VARCHAR, ");
    }
    for (int i = 0; i < columns.extraNames().size(); i++) {
      sql.append(DuckDb.identifier(columns.extraNames().get(i)))
          .append(columns.extraNumeric().get(i) ? " DOUBLE, " : " VARCHAR, ");
    }
    for (int i = 0; i < columns.dimension(); i++) {
      sql.append(FeatureColumns.featureName(i))
          .append(" FLOAT")
          .append(i + 1 < columns.dimension() ? ", " : ")");
    }
    return sql.toString();
  }

  @Override
  public FeatureColumns columns() {
    return columns;
  }

  @Override
  public void write(DatalistEntry entry, float[] features, int offset) {
    int dim = columns.dimension();
    Objects.checkFromIndexSize(offset, dim, features.length);
    try {
      appender.beginRow();
      appender.append(entry.sname());
      appendText(FeatureColumns.ids(entry));
      appendText(FeatureColumns.labels(entry));
      for (int i = 0; i < columns.extraNames().size(); i++) {
        Object v = columns.extra(entry, i);
        if (v == null) {
          appender.appendNull();
        } else if (v instanceof Double d) {
          appender.append(d.doubleValue());
        } else {
          appender.append(v.toString());
        }
      }
      for (int i = 0; i < dim; i++) {
        appender.append(features[offset + i]);
      }
      appender.endRow();
    } catch (SQLException e) {
      throw failure(e);
    }
    rows++;
  }

  private void appendText(String text) throws SQLException {
    if (text == null) {
      appender.appendNull();
    } else {
      appender.append(text);
    }
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void commit() {
    try {
      appender.close();
      try (Statement s = connection.createStatement()) {
        s.execute(
            "COPY "
                + TABLE
                + " TO "
                + DuckDb.literal(pending.temporary().toAbsolutePath().toString())
                + " (FORMAT PARQUET)");
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    close(false);
    pending.commit();
  }

  private BadInputException failure(SQLException e) {
    return new BadInputException(target, "cannot write Parquet: " + DuckDb.message(e), e);
  }

  @Override
  public void close() {
    close(true);
  }

  private void close(boolean discard) {
    if (!closed) {
      closed = true;
      try {
        appender.close();
      } catch (SQLException ignored) {
        // discarded below
      }
      closeQuietly(connection);
      deleteTree(scratch);
    }
    if (discard) {
      pending.close();
    }
  }

  private static void closeQuietly(DuckDBConnection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // scratch data only
      }
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a leftover hidden scratch folder is harmless
    }
  }
}
