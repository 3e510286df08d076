package org.radioclr.formats.table;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.radioclr.core.BadInputException;

/**
 * Writes a score table: the feature table's {@code sname, id, label} (text) and extra columns
 * (types kept from Parquet; text from CSV), then {@code score} (DOUBLE, in [0, 1], 1 most
 * anomalous) and {@code outlier} (BOOLEAN), one row per scored row, sorted by score descending
 * (ties by sname). Parquet or CSV by the target's extension.
 *
 * <p>Scores are appended row by row into a {@link ScratchTable} (a DuckDB database beside the
 * target; memory stays flat), matched to the feature table's rows by {@code sname} at {@link
 * #commit()}, and the result is written to a temporary file renamed over the target. Source names
 * must be unique.
 */
public final class ScoreTableWriter implements AutoCloseable {
  private final FeatureSource source;
  private final Path target;
  private final FeatureTableWriter.Format format;
  private final ScratchTable scratch;
  private final DuckDBAppender appender;
  private long rows;

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
    this.scratch =
        new ScratchTable(
            target,
            "scores",
            "sname VARCHAR, score DOUBLE, outlier BOOLEAN",
            e -> failure(target, e));
    this.appender = scratch.appender();
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
      throw failure(target, e);
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
    scratch.commit(
        (s, tmp) -> {
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
          s.execute("COPY (" + query() + ") TO " + tmp + " " + options());
        });
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
                  ? "CAST(t." + DuckDb.identifier(key) + " AS VARCHAR)"
                  : "CAST(NULL AS VARCHAR)")
          .append(" AS ")
          .append(DuckDb.identifier(key))
          .append(", ");
    }
    for (String c : source.otherColumns()) {
      if (!FeatureColumns.KEY_COLUMNS.contains(c) && !c.equals("score") && !c.equals("outlier")) {
        sql.append("t.").append(DuckDb.identifier(c)).append(", ");
      }
    }
    sql.append("s.score, s.outlier FROM ")
        .append(source.from())
        .append(" AS t JOIN scores AS s ON CAST(t.sname AS VARCHAR) = s.sname")
        .append(" ORDER BY s.score DESC, s.sname");
    return sql.toString();
  }

  private static BadInputException failure(Path target, SQLException e) {
    return new BadInputException(target, "cannot write score table: " + DuckDb.message(e), e);
  }

  /** Discards the output unless committed. */
  @Override
  public void close() {
    scratch.close();
  }
}
