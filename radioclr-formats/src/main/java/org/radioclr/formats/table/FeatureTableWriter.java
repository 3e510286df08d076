package org.radioclr.formats.table;

import java.nio.file.Path;
import java.util.Locale;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;

/**
 * Writes a feature table row by row, streaming (memory does not grow with the number of rows), into
 * a temporary file that {@link #commit()} renames over the target; closing without commit leaves
 * the target as it was. Not thread-safe.
 */
public interface FeatureTableWriter extends AutoCloseable {

  /** The table formats, chosen by the file extension. */
  enum Format {
    /** {@code .csv}: a header line then one line per image. */
    CSV,
    /** {@code .parquet}: written through DuckDB. */
    PARQUET
  }

  /**
   * The format of {@code file} from its extension ({@code .parquet} or {@code .csv}, any case).
   *
   * @throws BadInputException naming the file for any other extension
   */
  static Format formatOf(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".parquet")) {
      return Format.PARQUET;
    }
    if (lower.endsWith(".csv")) {
      return Format.CSV;
    }
    int dot = name.lastIndexOf('.');
    String ext = dot > 0 ? "'" + name.substring(dot) + "'" : "no extension";
    throw new BadInputException(
        file, "unknown feature table format (" + ext + "); use .parquet or .csv");
  }

  /**
   * Opens a writer for {@code target}, the format chosen by its extension.
   *
   * @throws BadInputException naming the target for an unknown extension or an unwritable folder
   */
  static FeatureTableWriter open(Path target, FeatureColumns columns) {
    return switch (formatOf(target)) {
      case CSV -> new CsvFeatureWriter(target, columns);
      case PARQUET -> new ParquetFeatureWriter(target, columns);
    };
  }

  /** The columns written. */
  FeatureColumns columns();

  /**
   * Appends one row: the entry's keys and extras, then {@code features[offset ..
   * offset+dimension)}.
   */
  void write(DatalistEntry entry, float[] features, int offset);

  /** The number of rows written so far. */
  long rows();

  /** Finishes the file and renames it over the target. */
  void commit();

  /** Releases resources; discards the temporary file unless committed. */
  @Override
  void close();
}
