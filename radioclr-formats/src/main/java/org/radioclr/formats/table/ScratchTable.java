package org.radioclr.formats.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.OutputFolders;

/**
 * One DuckDB table that rows are appended to on their way to an output file: the table lives in an
 * on-disk scratch database in a hidden temporary folder beside the target (so memory stays flat
 * however many rows there are: DuckDB spills to that file beyond a 512 MB memory limit), rows go in
 * through DuckDB's appender, and {@link #commit} runs the SQL that writes the temporary file of an
 * {@link AtomicFiles#begin atomic write} (e.g. {@code COPY ... TO ... (FORMAT PARQUET)}) and
 * renames it over the target. {@link #close} without a commit leaves the target untouched; either
 * way the scratch folder is deleted. Used by the Parquet feature writer and the anomaly score
 * writer.
 */
public final class ScratchTable implements AutoCloseable {
  /** DuckDB's memory limit while collecting rows. */
  private static final String MEMORY_LIMIT = "512MB";

  /** SQL run at commit, given the scratch connection and the temporary output file. */
  @FunctionalInterface
  public interface Output {
    /**
     * Writes the output.
     *
     * @param s a statement on the scratch database, where the table is complete
     * @param temporary the quoted SQL literal of the temporary file to write
     */
    void write(Statement s, String temporary) throws SQLException;
  }

  private final AtomicFiles.Pending pending;
  private final Function<SQLException, BadInputException> failure;
  private final Path scratch;
  private final DuckDBConnection connection;
  private final DuckDBAppender appender;
  private boolean closed;

  /**
   * Creates the scratch table.
   *
   * @param target the output file
   * @param table the table name, a plain SQL identifier
   * @param columns the column definitions, e.g. {@code "sname VARCHAR, score DOUBLE"}
   * @param failure turns a DuckDB error into the exception to throw (naming the target)
   * @throws BadInputException naming the target when the scratch folder or table cannot be made
   */
  public ScratchTable(
      Path target,
      String table,
      String columns,
      Function<SQLException, BadInputException> failure) {
    this.failure = failure;
    this.pending = AtomicFiles.begin(target);
    Path dir = null;
    DuckDBConnection c = null;
    try {
      dir =
          Files.createTempDirectory(
              pending.temporary().getParent(), "." + target.getFileName() + ".");
      c = DuckDb.connect(dir.resolve("rows.duckdb"));
      try (Statement s = c.createStatement()) {
        s.execute("SET memory_limit=" + DuckDb.literal(MEMORY_LIMIT));
        s.execute("CREATE TABLE " + table + " (" + columns + ")");
      }
      this.appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    } catch (IOException | SQLException | RuntimeException e) {
      closeQuietly(c);
      OutputFolders.tryDeleteTree(dir);
      pending.close();
      if (e instanceof IOException io) {
        throw AtomicFiles.writeFailure(target, io);
      }
      if (e instanceof SQLException sql) {
        throw failure.apply(sql);
      }
      throw (RuntimeException) e;
    }
    this.scratch = dir;
    this.connection = c;
  }

  /** The appender of the table's rows (until commit or close). */
  public DuckDBAppender appender() {
    return appender;
  }

  /**
   * Closes the appender, runs {@code output} and renames the written file over the target.
   *
   * @throws BadInputException from {@code output}, or naming the target on a DuckDB error
   */
  public void commit(Output output) {
    try {
      appender.close();
      try (Statement s = connection.createStatement()) {
        output.write(s, DuckDb.literal(pending.temporary().toAbsolutePath().toString()));
      }
    } catch (SQLException e) {
      throw failure.apply(e);
    }
    close(false);
    pending.commit();
  }

  /** Discards the output unless committed, and deletes the scratch database. */
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
      OutputFolders.tryDeleteTree(scratch);
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
}
