package org.radioclr.formats.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Csv;

/**
 * CSV feature table (RFC 4180 quoting, UTF-8, {@code \n} line ends): a header with {@link
 * FeatureColumns#names()}, then one line per image; null cells are empty; floats written with
 * {@link Float#toString} so they read back exactly.
 */
final class CsvFeatureWriter implements FeatureTableWriter {
  private final Path target;
  private final FeatureColumns columns;
  private final AtomicFiles.Pending pending;
  private final Csv.Lines out;
  private long rows;

  CsvFeatureWriter(Path target, FeatureColumns columns) {
    this.target = target;
    this.columns = Objects.requireNonNull(columns, "columns");
    this.pending = AtomicFiles.begin(target);
    try {
      out = Csv.lines(Files.newBufferedWriter(pending.temporary(), StandardCharsets.UTF_8));
      out.line(columns.names());
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
    try {
      out.cell(entry.sname());
      out.cell(FeatureColumns.ids(entry));
      out.cell(FeatureColumns.labels(entry));
      for (int i = 0; i < columns.extraNames().size(); i++) {
        out.cell(columns.extra(entry, i));
      }
      for (int i = 0; i < dim; i++) {
        out.cell(Float.toString(features[offset + i]));
      }
      out.end();
    } catch (IOException e) {
      throw AtomicFiles.writeFailure(target, e);
    }
    rows++;
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
