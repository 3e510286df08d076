package org.radioclr.formats.table;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;
import org.duckdb.DuckDBAppender;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;

/**
 * Parquet feature table written through DuckDB: rows go through DuckDB's appender into a {@link
 * ScratchTable} (an on-disk scratch database beside the target, so memory stays flat however many
 * rows there are), then {@code COPY ... TO ... (FORMAT PARQUET)} writes a temporary file that is
 * renamed over the target. Types: {@code sname, id, label} VARCHAR, numeric extras DOUBLE, text
 * extras VARCHAR, features FLOAT.
 */
final class ParquetFeatureWriter implements FeatureTableWriter {
  private static final String TABLE = "features";

  private final Path target;
  private final FeatureColumns columns;
  private final ScratchTable scratch;
  private final DuckDBAppender appender;
  private long rows;

  ParquetFeatureWriter(Path target, FeatureColumns columns) {
    this.target = target;
    this.columns = Objects.requireNonNull(columns, "columns");
    this.scratch =
        new ScratchTable(target, TABLE, columnDefinitions(columns), e -> failure(target, e));
    this.appender = scratch.appender();
  }

  private static String columnDefinitions(FeatureColumns columns) {
    StringBuilder sql = new StringBuilder();
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
          .append(i + 1 < columns.dimension() ? ", " : "");
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
      throw failure(target, e);
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
    scratch.commit((s, tmp) -> s.execute("COPY " + TABLE + " TO " + tmp + " (FORMAT PARQUET)"));
  }

  private static BadInputException failure(Path target, SQLException e) {
    return new BadInputException(target, "cannot write Parquet: " + DuckDb.message(e), e);
  }

  @Override
  public void close() {
    scratch.close();
  }
}
