package org.radioclr.core.catalog;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Csv;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableVersion;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * Writes rows of some record type as a catalogue through a fixed list of columns, each taking its
 * cell from a row: as CSV (a header line of column names, then one line per row, written by {@link
 * Csv}) and as a VOTable 1.4 (TABLEDATA, written with STIL, without a date so the same rows give
 * the same bytes, with each column's unit, UCD and description). Real numbers are written in Java's
 * shortest round-trip form ({@link Double#toString(double)}), so the CSV and the VOTable read back
 * to the same doubles; a NaN (or a null cell) is an empty CSV field and an empty VOTable cell. Both
 * files are written atomically ({@link AtomicFiles}), rows in the order given.
 *
 * @param <R> the row type
 */
public final class CatalogTableWriter<R> {

  /**
   * One column.
   *
   * @param name the column name
   * @param type the cell class: {@code Integer}, {@code Long}, {@code Double}, {@code Boolean} or
   *     {@code String}
   * @param unit the unit (e.g. {@code "deg"}), or null
   * @param ucd the IVOA UCD (e.g. {@code "pos.eq.ra;meta.main"}), or null
   * @param description the VOTable description
   * @param value the cell of a row, of class {@code type} (or null)
   * @param <R> the row type
   */
  public record Column<R>(
      String name,
      Class<?> type,
      String unit,
      String ucd,
      String description,
      Function<? super R, ?> value) {
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(value, "value");
    }
  }

  private final String tableName;
  private final List<Column<R>> columns;

  /**
   * A writer of {@code columns}, in file order.
   *
   * @param tableName the VOTable's table name
   * @throws IllegalArgumentException when there are no columns
   */
  public CatalogTableWriter(String tableName, List<Column<R>> columns) {
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.columns = List.copyOf(columns);
    if (this.columns.isEmpty()) {
      throw new IllegalArgumentException("a catalogue needs at least one column");
    }
  }

  /** The column names, in file order. */
  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /** Writes the rows as CSV with a header line, atomically. */
  public void writeCsv(Path target, List<? extends R> rows) {
    Csv table = new Csv(columnNames());
    List<Object> cells = new ArrayList<>(columns.size());
    for (R r : rows) {
      cells.clear();
      for (Column<R> c : columns) {
        cells.add(csvCell(c.value().apply(r)));
      }
      table.row(cells);
    }
    table.write(target);
  }

  /** Writes the rows as a VOTable 1.4 (TABLEDATA), atomically. */
  public void writeVotable(Path target, List<? extends R> rows) {
    ColumnInfo[] infos = new ColumnInfo[columns.size()];
    for (int i = 0; i < infos.length; i++) {
      Column<R> c = columns.get(i);
      ColumnInfo info = new ColumnInfo(c.name(), c.type(), c.description());
      if (c.unit() != null) {
        info.setUnitString(c.unit());
      }
      if (c.ucd() != null) {
        info.setUCD(c.ucd());
      }
      infos[i] = info;
    }
    RowListStarTable table = new RowListStarTable(infos);
    table.setName(tableName);
    for (R r : rows) {
      Object[] cells = new Object[infos.length];
      for (int i = 0; i < cells.length; i++) {
        Object v = columns.get(i).value().apply(r);
        cells[i] = v instanceof Double d && Double.isNaN(d) ? null : v;
      }
      table.addRow(cells);
    }
    VOTableWriter writer = new VOTableWriter(DataFormat.TABLEDATA, true, VOTableVersion.V14);
    writer.setWriteDate(false);
    AtomicFiles.write(
        target,
        tmp -> {
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            writer.writeStarTable(table, out);
          }
        });
  }

  private static Object csvCell(Object v) {
    return v instanceof Double d && Double.isNaN(d) ? null : v;
  }
}
