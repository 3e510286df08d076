package org.radioclr.anomaly.table;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/** DuckDB connections and SQL quoting. */
final class Sql {
  private Sql() {}

  /** A connection to a DuckDB database in {@code file}, or in memory when null. */
  static DuckDBConnection connect(Path file) throws SQLException {
    String url = file == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + file.toAbsolutePath();
    Connection c = DriverManager.getConnection(url);
    return c.unwrap(DuckDBConnection.class);
  }

  /** A double-quoted SQL identifier. */
  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A single-quoted SQL string literal. */
  static String literal(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }

  /** The first line of an exception's message (DuckDB adds context lines). */
  static String message(SQLException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    int nl = m.indexOf('\n');
    return nl >= 0 ? m.substring(0, nl) : m;
  }
}
