package org.radioclr.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer of radioclr, on Apache Commons CSV: RFC 4180 fields separated by commas, lines
 * ending in {@code \n}, UTF-8 files written atomically. A field is quoted (its quotes doubled) when
 * it holds a comma, a quote or a line break, and also, as Commons CSV's minimal quoting does, when
 * it starts with a character up to {@code #} (a space, {@code !}, a quote, {@code #}) or ends in a
 * space, or is an empty first field; other fields stand as they are. A {@code null} cell is an
 * empty field.
 *
 * <p>Rows are collected in memory ({@link #Csv(List)}, {@link #row}, {@link #write}); a table too
 * large for that writes its lines one by one through {@link #lines}.
 */
public final class Csv {
  /** RFC 4180 with {@code \n} line ends. */
  public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private final StringBuilder text = new StringBuilder();

  /** A table with this header line. */
  public Csv(List<String> header) {
    row(header);
  }

  /** A table with this header line. */
  public Csv(String... header) {
    this(Arrays.asList(header));
  }

  /** Appends a row; cells are written with {@link String#valueOf(Object)}, {@code null} empty. */
  public Csv row(Object... cells) {
    return row(Arrays.asList(cells));
  }

  /** Appends a row; cells are written with {@link String#valueOf(Object)}, {@code null} empty. */
  public Csv row(Iterable<?> cells) {
    line(text, cells);
    return this;
  }

  /** The table as text. */
  public String text() {
    return text.toString();
  }

  /** Writes the table to {@code file} atomically (UTF-8). */
  public void write(Path file) {
    AtomicFiles.writeString(file, text);
  }

  /**
   * Writes a table line by line onto {@code out} (cells with {@link Lines#cell}, each line ended by
   * {@link Lines#end}); closing it closes {@code out}.
   */
  public static Lines lines(Appendable out) {
    try {
      return new Lines(new CSVPrinter(out, FORMAT));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // CSVPrinter writes nothing before the first cell here
    }
  }

  /** A table written line by line, for one that is too large to hold ({@link #lines}). */
  public static final class Lines implements Closeable {
    private final CSVPrinter printer;

    private Lines(CSVPrinter printer) {
      this.printer = printer;
    }

    /** Writes a cell ({@link String#valueOf(Object)}, {@code null} empty). */
    public Lines cell(Object value) throws IOException {
      printer.print(value);
      return this;
    }

    /** Writes a whole line of cells. */
    public void line(Iterable<?> cells) throws IOException {
      printer.printRecord(cells);
    }

    /** Ends the line. */
    public void end() throws IOException {
      printer.println();
    }

    @Override
    public void close() throws IOException {
      printer.close();
    }
  }

  /** Appends one line (with its {@code \n}) to {@code out}. */
  public static void line(StringBuilder out, Iterable<?> cells) {
    try {
      FORMAT.printRecord(out, toArray(cells));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
  }

  /** One field as it stands in a line (quoted when needed), for a field not first on its line. */
  public static String field(String value) {
    StringBuilder sb = new StringBuilder();
    try {
      FORMAT.print(value, sb, false); // not first: written after its delimiter
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.substring(1);
  }

  private static Object[] toArray(Iterable<?> cells) {
    if (cells instanceof List<?> list) {
      return list.toArray();
    }
    java.util.ArrayList<Object> all = new java.util.ArrayList<>();
    cells.forEach(all::add);
    return all.toArray();
  }
}
