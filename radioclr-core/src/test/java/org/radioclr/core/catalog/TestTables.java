package org.radioclr.core.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.ac.starlink.table.ArrayColumn;
import uk.ac.starlink.table.ColumnData;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.ColumnStarTable;
import uk.ac.starlink.table.StarTableOutput;

/** Builds small catalogues in memory and writes them with STIL, for the catalogue tests. */
final class TestTables {
  private final Map<String, Object> columns = new LinkedHashMap<>();
  private final int rows;

  TestTables(int rows) {
    this.rows = rows;
  }

  /** Adds a column: {@code String[]}, {@code double[]}, {@code int[]}, or {@code double[][]}. */
  TestTables col(String name, Object values) {
    columns.put(name, values);
    return this;
  }

  ColumnStarTable table() {
    ColumnStarTable t = ColumnStarTable.makeTableWithRows(rows);
    for (Map.Entry<String, Object> c : columns.entrySet()) {
      Object v = c.getValue();
      if (v instanceof double[][] vectors) {
        ColumnInfo info = new ColumnInfo(c.getKey(), double[].class, null);
        info.setShape(new int[] {vectors[0].length});
        t.addColumn(
            new ColumnData(info) {
              @Override
              public Object readValue(long row) {
                return vectors[(int) row];
              }
            });
      } else {
        t.addColumn(ArrayColumn.makeColumn(c.getKey(), v));
      }
    }
    return t;
  }

  /** Writes with a STIL output handler: votable, votable-binary2-inline, fits, fits-basic, csv. */
  Path write(Path file, String handler) throws IOException {
    StarTableOutput out = new StarTableOutput();
    try (OutputStream os = Files.newOutputStream(file)) {
      out.writeStarTable(table(), os, out.getHandler(handler));
    }
    return file;
  }
}
