package org.radioclr.anomaly.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.nn.features.table.FeatureColumns;
import org.radioclr.nn.features.table.FeatureTableWriter;

/**
 * Writes a score table: the feature table's {@code sname, id, label} (text) and extra columns
 * (types kept from Parquet; text from CSV), then {@code score} (DOUBLE, in [0, 1], 1 most
 * anomalous) and {@code outlier} (BOOLEAN), one row per scored row, sorted by score descending
 * (ties by sname). Parquet or CSV by the target's extension.
 *
 * <p>Scores are appended row by row into a scratch DuckDB database beside the target (memory stays
 * flat), matched to the feature table's rows by {@code sname} at {@link #commit()}, and the result
 * is written to a temporary file renamed over the target. Source names must be unique.
 */
public final class ScoreTableWriter implements AutoCloseable {
  private static final String MEMORY_LIMIT = "512MB";

  private final FeatureSource source;
  private final Path target;
  private final FeatureTableWriter.Format format;
  private final AtomicFiles.Pending pending;
  private final Path scratch;
  private final DuckDBConnection connection;
  private final DuckDBAppender appender;
  private long rows;
  private boolean closed;

  /**
   * Starts a score table for the rows of {@code source}.
   *
   * @throws BadInputException naming the target when its extension is unknown or it cannot be
   *     written
   */
  public ScoreTableWriter(FeatureSource source, Path target) {
    this.source = source;
    this.target = target;
    this.format = FeatureTableWriter.formatOf(target);
    this.pending = AtomicFiles.begin(target);
    Path dir = null;
    DuckDBConnection c = null;
    try {
      dir = Files.createTempDirectory(pending.temporary().getParent(), "." + target.getFileName());
      c = Sql.connect(dir.resolve("scores.duckdb"));
      try (Statement s = c.createStatement()) {
        s.execute("SET memory_limit=" + Sql.literal(MEMORY_LIMIT));
        s.execute("CREATE TABLE scores (sname VARCHAR, score DOUBLE, outlier BOOLEAN)");
      }
      this.appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "scores");
    } catch (IOException | SQLException e) {
      closeQuietly(c);
      deleteTree(dir);
      pending.close();
      throw e instanceof IOException io
          ? AtomicFiles.writeFailure(target, io)
          : failure((SQLException) e);
    }
    this.scratch = dir;
    this.connection = c;
  }

  /** Appends the score of one row. */
  public void append(String sname, double score, boolean outlier) {
    try {
      appender.beginRow();
      appender.append(sname);
      appender.append(score);
      appender.append(outlier);
      appender.endRow();
    } catch (SQLException e) {
      throw failure(e);
    }
    rows++;
  }

  /** Rows appended so far. */
  public long rows() {
    return rows;
  }

  /**
   * Joins the scores with the feature table's key and extra columns, sorts and writes the target.
   *
   * @throws BadInputException naming the feature table when a source name repeats, or the target
   *     when it cannot be written
   */
  public void commit() {
    try {
      appender.close();
      try (Statement s = connection.createStatement()) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT sname, count(*) FROM scores GROUP BY sname HAVING count(*) > 1 LIMIT 1")) {
          if (rs.next()) {
            throw new BadInputException(
                source.file(),
                "sname '"
                    + rs.getString(1)
                    + "' names "
                    + rs.getLong(2)
                    + " rows; scores are matched to rows by sname, which must be unique");
          }
        }
        s.execute("COPY (" + query() + ") TO " + Sql.literal(tmp()) + " " + options());
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    close(false);
    pending.commit();
  }

  private String tmp() {
    return pending.temporary().toAbsolutePath().toString();
  }

  private String options() {
    return format == FeatureTableWriter.Format.PARQUET
        ? "(FORMAT PARQUET)"
        : "(FORMAT CSV, HEADER true)";
  }

  private String query() {
    List<String> have = source.columns();
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String key : FeatureColumns.KEY_COLUMNS) {
      sql.append(
              have.contains(key)
                  ? "CAST(t." + Sql.identifier(key) + " AS VARCHAR)"
                  : "CAST(NULL AS VARCHAR)")
          .append(" AS ")
          .append(Sql.identifier(key))
          .append(", ");
    }
    for (String c : source.otherColumns()) {
      if (!FeatureColumns.KEY_COLUMNS.contains(c) && !c.equals("score") && !c.equals("outlier")) {
        sql.append("t.").append(Sql.identifier(c)).append(", ");
      }
    }
    sql.append("s.score, s.outlier FROM ")
        .append(source.from())
        .append(" AS t JOIN scores AS s ON CAST(t.sname AS VARCHAR) = s.sname")
        .append(" ORDER BY s.score DESC, s.sname");
    return sql.toString();
  }

  private BadInputException failure(SQLException e) {
    return new BadInputException(target, "cannot write score table: " + Sql.message(e), e);
  }

  /** Discards the output unless committed. */
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
