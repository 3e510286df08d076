package org.radioclr.spark.features;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;
import org.duckdb.DuckDBConnection;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.formats.table.DuckDb;

/**
 * Joins part tables of identical columns into one Parquet table, rows in the order of the parts
 * and, within each, in their own order (DuckDB keeps insertion order): {@code COPY (SELECT * FROM
 * read_parquet([parts...])) TO ...} into a temporary file renamed over the target, so the column
 * types and the file layout are those of the feature tables DuckDB writes for {@code radioclr
 * features}.
 */
final class PartTables {
  private PartTables() {}

  /**
   * Writes the rows of {@code parts}, in order, to {@code target} (atomically).
   *
   * @throws BadInputException naming the target when DuckDB cannot read a part or write it
   */
  static void join(List<Path> parts, Path target) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("no part to join into " + target);
    }
    StringJoiner files = new StringJoiner(", ", "[", "]");
    for (Path p : parts) {
      files.add(DuckDb.literal(p.toAbsolutePath().toString()));
    }
    try (AtomicFiles.Pending pending = AtomicFiles.begin(target);
        DuckDBConnection c = DuckDb.connect(null);
        Statement s = c.createStatement()) {
      s.execute("SET preserve_insertion_order = true");
      s.execute(
          "COPY (SELECT * FROM read_parquet("
              + files
              + ")) TO "
              + DuckDb.literal(pending.temporary().toAbsolutePath().toString())
              + " (FORMAT PARQUET)");
      pending.commit();
    } catch (SQLException e) {
      throw new BadInputException(
          target, "cannot join " + parts.size() + " part tables: " + DuckDb.message(e), e);
    }
  }
}
