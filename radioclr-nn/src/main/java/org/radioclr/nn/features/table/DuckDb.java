package org.radioclr.nn.features.table;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

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
    String path = literal(file.toAbsolutePath().toString());
    return parquet
        ? "read_parquet(" + path + ")"
        : "read_csv(" + path + ", header = true, all_varchar = true)";
  }

  /** The first line of an exception's message (DuckDB adds context lines). */
  public static String message(SQLException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    int nl = m.indexOf('\n');
    return nl >= 0 ? m.substring(0, nl) : m;
  }
}
