package org.radioclr.formats.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.io.AtomicFiles;

/**
 * CSV feature table (RFC 4180 quoting, UTF-8, {@code \n} line ends): a header with {@link
 * FeatureColumns#names()}, then one line per image; null cells are empty; floats written with
 * {@link Float#toString} so they read back exactly.
 */
final class CsvFeatureWriter implements FeatureTableWriter {
  private final Path target;
  private final FeatureColumns columns;
  private final AtomicFiles.Pending pending;
  private final BufferedWriter out;
  private final StringBuilder line = new StringBuilder(8192);
  private long rows;

  CsvFeatureWriter(Path target, FeatureColumns columns) {
    this.target = target;
    this.columns = Objects.requireNonNull(columns, "columns");
    this.pending = AtomicFiles.begin(target);
    try {
      out = Files.newBufferedWriter(pending.temporary(), StandardCharsets.UTF_8);
      line.setLength(0);
      for (String name : columns.names()) {
        cell(name);
      }
      flushLine();
    } catch (IOException e) {
      pending.close();
      throw AtomicFiles.writeFailure(target, e);
    }
  }

  @Override
  public FeatureColumns columns() {
    return columns;
  }

  @Override
  public void write(DatalistEntry entry, float[] features, int offset) {
    int dim = columns.dimension();
    Objects.checkFromIndexSize(offset, dim, features.length);
    line.setLength(0);
    cell(entry.sname());
    cell(FeatureColumns.ids(entry));
    cell(FeatureColumns.labels(entry));
    for (int i = 0; i < columns.extraNames().size(); i++) {
      Object v = columns.extra(entry, i);
      cell(v == null ? null : v.toString());
    }
    for (int i = 0; i < dim; i++) {
      line.append(Float.toString(features[offset + i])).append(',');
    }
    try {
      flushLine();
    } catch (IOException e) {
      throw AtomicFiles.writeFailure(target, e);
    }
    rows++;
  }

  private void cell(String value) {
    if (value != null) {
      boolean quote =
          value.indexOf(',') >= 0
              || value.indexOf('"') >= 0
              || value.indexOf('\n') >= 0
              || value.indexOf('\r') >= 0;
      if (quote) {
        line.append('"').append(value.replace("\"", "\"\"")).append('"');
      } else {
        line.append(value);
      }
    }
    line.append(',');
  }

  private void flushLine() throws IOException {
    line.setLength(line.length() - 1); // the last separator
    line.append('\n');
    out.append(line);
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void commit() {
    try {
      out.close();
    } catch (IOException e) {
      throw AtomicFiles.writeFailure(target, e);
    }
    pending.commit();
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // nothing worth keeping: the temporary file is discarded
    }
    pending.close();
  }
}
