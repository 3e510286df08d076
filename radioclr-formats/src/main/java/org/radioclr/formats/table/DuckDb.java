package org.radioclr.formats.table;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import org.duckdb.DuckDBConnection;
import org.radioclr.core.BadInputException;

/**
 * DuckDB connections, SQL quoting and table-file scans, shared by the feature and score tables
 * (this module's readers and writers, and the anomaly module's).
 */
public final class DuckDb {
  private DuckDb() {}

  /** A connection to a DuckDB database in {@code file}, or in memory when null. */
  public static DuckDBConnection connect(Path file) throws SQLException {
    String url = file == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + file.toAbsolutePath();
    Connection c = DriverManager.getConnection(url);
    return c.unwrap(DuckDBConnection.class);
  }

  /** A double-quoted SQL identifier. */
  public static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A single-quoted SQL string literal. */
  public static String literal(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }

  /**
   * The table function reading {@code file}: {@code read_parquet(...)}, or for CSV {@code
   * read_csv(..., header = true, all_varchar = true)} (every column as text).
   */
  public static String scan(Path file, boolean parquet) {
    if (parquet) {
      requireParquet(file);
    }
    String path = literal(file.toAbsolutePath().toString());
    return parquet
        ? "read_parquet(" + path + ")"
        : "read_csv(" + path + ", header = true, all_varchar = true)";
  }

  /**
   * Checks the Parquet magic bytes ({@code PAR1} at both ends) when the file exists: DuckDB's JDBC
   * driver reports a broken file only as "unsuccessful or closed pending query result".
   *
   * @throws BadInputException naming the file when it is not a Parquet file or cannot be read
   */
  static void requireParquet(Path file) {
    if (!Files.isRegularFile(file)) {
      return; // the caller says "no such file"
    }
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      long size = ch.size();
      ByteBuffer head = ByteBuffer.allocate(4);
      ByteBuffer tail = ByteBuffer.allocate(4);
      if (size >= 12) {
        ch.read(head);
        ch.position(size - 4).read(tail);
      }
      byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
      if (size < 12 || !Arrays.equals(head.array(), magic) || !Arrays.equals(tail.array(), magic)) {
        throw new BadInputException(
            file,
            "not a Parquet file (no PAR1 marks at its start and end"
                + (size < 12 ? "; " + size + " bytes" : "")
                + "): truncated, or another format named .parquet");
      }
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  /** What DuckDB's JDBC driver says when a query failed while it ran, whatever the reason. */
  private static final String PENDING_QUERY = "unsuccessful or closed pending query result";

  /**
   * The one line of an exception's message that says what went wrong: the first, or when that is
   * the JDBC driver's "unsuccessful or closed pending query result" wrapper, the DuckDB error under
   * it (DuckDB adds context lines).
   */
  public static String message(SQLException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    String[] lines = m.split("\n");
    if (lines[0].contains(PENDING_QUERY)) {
      for (int i = 1; i < lines.length; i++) {
        String line = lines[i].strip();
        if (!line.isEmpty()) {
          return line.startsWith("Error: ") ? line.substring("Error: ".length()) : line;
        }
      }
    }
    return lines[0].strip();
  }

  /**
   * The failure to read a table file. A Parquet file that DuckDB cannot read (it passed the {@code
   * PAR1} check, so it is damaged inside, or its columns are of types a table cannot have) is
   * reported as such; DuckDB's own words, about Thrift and pages, stay in the cause for {@code
   * --verbose}. For CSV, DuckDB's message names the line and the problem, and is kept.
   *
   * @param what the kind of table, e.g. {@code "feature table"}
   */
  public static BadInputException unreadable(Path file, String what, SQLException e) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".parquet")) {
      return new BadInputException(
          file,
          "not a readable Parquet "
              + what
              + " (damaged or truncated, or not written as one); --verbose shows DuckDB's report",
          e);
    }
    return new BadInputException(file, "cannot read " + what + ": " + message(e), e);
  }
}
