package org.radioclr.core.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.radioclr.core.BadInputException;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.DataSource;
import uk.ac.starlink.util.FileDataSource;

/**
 * Reads a source catalogue (CSV, VOTable or FITS table, optionally gzipped) into {@link
 * CatalogSource} records, with STIL (see {@link Stil} for how it is kept quiet and off the
 * network).
 *
 * <p>The format comes from the caller, else from the file extension ({@link
 * CatalogFormat#fromExtension}), else from the content: a FITS header, an XML document, or text
 * (CSV). Columns are found as {@link CatalogColumns} says. Values: numbers may be stored as numbers
 * or as numeric strings; right ascension is wrapped into [0, 360); pixel coordinates are shifted to
 * 0-based by the pixel origin.
 *
 * <p>Every problem is a {@link BadInputException} naming the file: missing or unreadable file,
 * unknown format, a table STIL cannot read, no rows, a required column missing (the message lists
 * the columns there are), a column holding arrays, and a missing, non-numeric or out-of-range value
 * in a required column (naming the row, counted from 1, and the column).
 */
public final class CatalogReader {
  private CatalogReader() {}

  /** Reads with default columns, format from the extension or content. */
  public static Catalog read(Path file) {
    return read(file, CatalogColumns.defaults(), null);
  }

  /** Reads with the given columns, format from the extension or content. */
  public static Catalog read(Path file, CatalogColumns columns) {
    return read(file, columns, null);
  }

  /**
   * Reads a catalogue.
   *
   * @param format the format, or {@code null} to take it from the extension or content
   */
  public static Catalog read(Path file, CatalogColumns columns, CatalogFormat format) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(columns, "columns");
    if (Files.isDirectory(file)) {
      throw new BadInputException(file, "is a folder, not a catalogue");
    }
    if (!Files.exists(file)) {
      throw new BadInputException(file, "no such file");
    }
    if (!Files.isReadable(file)) {
      throw new BadInputException(file, "cannot read (permission denied)");
    }
    DataSource source;
    try {
      source = new FileDataSource(file.toFile());
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
    }
    try {
      CatalogFormat fmt =
          format != null
              ? format
              : CatalogFormat.fromExtension(file).orElseGet(() -> sniff(file, source));
      StarTable table = load(file, source, fmt);
      try {
        return convert(file, fmt, table, columns);
      } finally {
        try {
          table.close();
        } catch (IOException ignored) {
          // rows are already read
        }
      }
    } finally {
      source.close();
    }
  }

  static CatalogFormat sniff(Path file, DataSource source) {
    byte[] intro;
    try {
      intro = source.getIntro();
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
    }
    String head = new String(intro, StandardCharsets.ISO_8859_1);
    if (head.startsWith("SIMPLE  =")) {
      return CatalogFormat.FITS;
    }
    String text = head.startsWith("\u00ef\u00bb\u00bf") ? head.substring(3) : head;
    if (text.stripLeading().startsWith("<")) {
      return CatalogFormat.VOTABLE;
    }
    if (intro.length == 0) {
      throw new BadInputException(file, "empty file, not a catalogue");
    }
    for (byte b : intro) {
      int c = b & 0xff;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        throw new BadInputException(
            file,
            "unknown catalogue format: not FITS, VOTable or CSV text"
                + " (name it .csv, .vot or .fits, or give the format)");
      }
    }
    return CatalogFormat.CSV;
  }

  private static StarTable load(Path file, DataSource source, CatalogFormat fmt) {
    StarTableFactory factory = Stil.factory();
    StarTable table;
    try {
      if (fmt == CatalogFormat.CSV) {
        table = factory.makeStarTable(source, fmt.stilHandler());
      } else {
        try (InputStream in = source.getInputStream()) {
          table = factory.makeStarTable(in, factory.getTableBuilder(fmt.stilHandler()));
        }
      }
    } catch (IOException | RuntimeException e) {
      if (fmt == CatalogFormat.CSV && csvHasNoRows(source)) {
        throw new BadInputException(file, "the catalogue has no rows", e);
      }
      throw new BadInputException(
          file,
          "cannot read as " + fmt.toString().toLowerCase(Locale.ROOT) + ": " + rootMessage(e),
          e);
    }
    if (table == null) {
      throw new BadInputException(file, "no table found");
    }
    return table;
  }

  /** True when a CSV text has a header line at most (STIL fails on those with no clear message). */
  private static boolean csvHasNoRows(DataSource source) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8))) {
      int lines = 0;
      String line;
      while ((line = in.readLine()) != null && lines < 2) {
        if (!line.isBlank()) {
          lines++;
        }
      }
      return lines < 2;
    } catch (IOException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    String best = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        best = t.getMessage();
      }
    }
    if (best == null) {
      return e.getClass().getSimpleName();
    }
    int nl = best.indexOf('\n');
    return nl < 0 ? best : best.substring(0, nl);
  }

  private static Catalog convert(
      Path file, CatalogFormat fmt, StarTable table, CatalogColumns spec) {
    int ncol = table.getColumnCount();
    if (ncol == 0) {
      throw new BadInputException(file, "the table has no columns");
    }
    List<String> names = new ArrayList<>(ncol);
    for (int i = 0; i < ncol; i++) {
      names.add(table.getColumnInfo(i).getName());
    }
    ColumnFinder finder = new ColumnFinder(file, table, names);
    Mapping m = Mapping.resolve(finder, spec);
    List<CatalogSource> sources = new ArrayList<>();
    long row = 0;
    try (RowSequence rs = table.getRowSequence()) {
      while (rs.next()) {
        sources.add(m.source(file, row, rs.getRow()));
        row++;
      }
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read row " + (row + 1) + ": " + rootMessage(e), e);
    }
    if (sources.isEmpty()) {
      throw new BadInputException(file, "the catalogue has no rows");
    }
    return new Catalog(file, fmt, m.resolved(), sources);
  }

  /** Finds columns by name in one table, reporting missing ones with the list of columns. */
  static final class ColumnFinder {
    private final Path file;
    private final StarTable table;
    private final List<String> names;

    ColumnFinder(Path file, StarTable table, List<String> names) {
      this.file = file;
      this.table = table;
      this.names = names;
    }

    /** The index of a named column, or -1. Exact match first, then ignoring case. */
    int indexOf(String name) {
      int exact = names.indexOf(name);
      if (exact >= 0) {
        return exact;
      }
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i) != null && names.get(i).trim().equalsIgnoreCase(name)) {
          return i;
        }
      }
      return -1;
    }

    /** The first candidate present, or -1. */
    int firstOf(List<String> candidates) {
      for (String c : candidates) {
        int i = indexOf(c);
        if (i >= 0) {
          return i;
        }
      }
      return -1;
    }

    /**
     * The column for a role: the named one (required) or, when {@code name} is null, the first
     * candidate present (-1 if none and not required).
     */
    int find(String role, String name, List<String> candidates, boolean required) {
      int i = name != null ? indexOf(name) : firstOf(candidates);
      if (i < 0 && (required || name != null)) {
        String wanted =
            name != null ? "no column '" + name + "'" : "no column " + String.join("/", candidates);
        throw new BadInputException(
            file, wanted + " for the " + role + "; columns are: " + String.join(", ", names));
      }
      if (i >= 0) {
        requireScalar(i);
      }
      return i;
    }

    String name(int i) {
      return names.get(i);
    }

    private void requireScalar(int i) {
      ColumnInfo info = table.getColumnInfo(i);
      if (info.isArray() && info.getContentClass() != String.class) {
        throw new BadInputException(
            file, "column '" + names.get(i) + "' holds arrays, not one value per row");
      }
    }

    Path file() {
      return file;
    }

    List<String> names() {
      return names;
    }
  }

  /** The resolved column indices and how to turn one row into a source. */
  private record Mapping(
      int name,
      PositionKind position,
      int[] pos,
      int origin,
      SizeKind size,
      int[] box,
      int major,
      int minor,
      SizeUnit unit,
      int label,
      List<String> columnNames,
      ResolvedColumns resolved) {

    static Mapping resolve(ColumnFinder f, CatalogColumns c) {
      int name = f.find("source name", c.name(), CatalogColumns.NAME_CANDIDATES, false);
      PositionKind position = c.position();
      int[] pos;
      int[] boxCols = null;
      if (position == PositionKind.AUTO) {
        boolean namedSky = c.ra() != null || c.dec() != null;
        boolean namedPixel = c.x() != null || c.y() != null;
        if (namedSky
            || (!namedPixel
                && bothFound(
                    f,
                    c.ra(),
                    CatalogColumns.RA_CANDIDATES,
                    c.dec(),
                    CatalogColumns.DEC_CANDIDATES))) {
          position = PositionKind.SKY;
        } else if (namedPixel
            || bothFound(
                f, c.x(), CatalogColumns.X_CANDIDATES, c.y(), CatalogColumns.Y_CANDIDATES)) {
          position = PositionKind.PIXEL;
        } else if (boxFound(f, c)) {
          position = PositionKind.BOX_CENTRE;
        } else {
          throw new BadInputException(
              f.file(),
              "no position columns: need ra/dec ("
                  + String.join(", ", CatalogColumns.RA_CANDIDATES.subList(0, 4))
                  + ", ...), x/y, or a pixel box xmin/xmax/ymin/ymax; columns are: "
                  + String.join(", ", f.names()));
        }
      }
      List<String> posNames = new ArrayList<>();
      switch (position) {
        case SKY -> {
          pos =
              new int[] {
                f.find("right ascension", c.ra(), CatalogColumns.RA_CANDIDATES, true),
                f.find("declination", c.dec(), CatalogColumns.DEC_CANDIDATES, true)
              };
        }
        case PIXEL -> {
          pos =
              new int[] {
                f.find("pixel x", c.x(), CatalogColumns.X_CANDIDATES, true),
                f.find("pixel y", c.y(), CatalogColumns.Y_CANDIDATES, true)
              };
        }
        case BOX_CENTRE -> {
          boxCols = findBox(f, c);
          pos = boxCols;
        }
        default -> throw new IllegalStateException("unexpected " + position);
      }
      for (int i : pos) {
        posNames.add(f.name(i));
      }
      SizeKind size = c.size();
      if (size == SizeKind.AUTO) {
        boolean namedBox =
            c.xmin() != null || c.xmax() != null || c.ymin() != null || c.ymax() != null;
        if (namedBox || boxFound(f, c)) {
          size = SizeKind.BOX;
        } else if (c.major() != null || f.firstOf(CatalogColumns.MAJOR_CANDIDATES) >= 0) {
          size = SizeKind.AXES;
        } else {
          throw new BadInputException(
              f.file(),
              "no size columns: need a pixel box xmin/xmax/ymin/ymax or a major axis ("
                  + String.join(", ", CatalogColumns.MAJOR_CANDIDATES)
                  + "), or ask for no size; columns are: "
                  + String.join(", ", f.names()));
        }
      }
      int major = -1;
      int minor = -1;
      List<String> sizeNames = new ArrayList<>();
      switch (size) {
        case BOX -> {
          if (boxCols == null) {
            boxCols = findBox(f, c);
          }
          for (int i : boxCols) {
            sizeNames.add(f.name(i));
          }
        }
        case AXES -> {
          major = f.find("major axis", c.major(), CatalogColumns.MAJOR_CANDIDATES, true);
          minor = f.find("minor axis", c.minor(), CatalogColumns.MINOR_CANDIDATES, false);
          sizeNames.add(f.name(major));
          if (minor >= 0) {
            sizeNames.add(f.name(minor));
          }
        }
        case NONE -> {}
        default -> throw new IllegalStateException("unexpected " + size);
      }
      int label =
          c.readLabel() ? f.find("label", c.label(), CatalogColumns.LABEL_CANDIDATES, false) : -1;
      ResolvedColumns resolved =
          new ResolvedColumns(
              name < 0 ? Optional.empty() : Optional.of(f.name(name)),
              position,
              posNames,
              c.pixelOrigin(),
              size,
              sizeNames,
              c.sizeUnit(),
              label < 0 ? Optional.empty() : Optional.of(f.name(label)));
      return new Mapping(
          name,
          position,
          pos,
          c.pixelOrigin(),
          size,
          boxCols,
          major,
          minor,
          c.sizeUnit(),
          label,
          f.names(),
          resolved);
    }

    private static boolean bothFound(
        ColumnFinder f, String a, List<String> aCands, String b, List<String> bCands) {
      return (a != null ? f.indexOf(a) : f.firstOf(aCands)) >= 0
          && (b != null ? f.indexOf(b) : f.firstOf(bCands)) >= 0;
    }

    private static boolean boxFound(ColumnFinder f, CatalogColumns c) {
      return (c.xmin() != null ? f.indexOf(c.xmin()) : f.firstOf(CatalogColumns.XMIN_CANDIDATES))
              >= 0
          && (c.xmax() != null ? f.indexOf(c.xmax()) : f.firstOf(CatalogColumns.XMAX_CANDIDATES))
              >= 0
          && (c.ymin() != null ? f.indexOf(c.ymin()) : f.firstOf(CatalogColumns.YMIN_CANDIDATES))
              >= 0
          && (c.ymax() != null ? f.indexOf(c.ymax()) : f.firstOf(CatalogColumns.YMAX_CANDIDATES))
              >= 0;
    }

    private static int[] findBox(ColumnFinder f, CatalogColumns c) {
      return new int[] {
        f.find("box xmin", c.xmin(), CatalogColumns.XMIN_CANDIDATES, true),
        f.find("box xmax", c.xmax(), CatalogColumns.XMAX_CANDIDATES, true),
        f.find("box ymin", c.ymin(), CatalogColumns.YMIN_CANDIDATES, true),
        f.find("box ymax", c.ymax(), CatalogColumns.YMAX_CANDIDATES, true)
      };
    }

    CatalogSource source(Path file, long row, Object[] cells) {
      Cells r = new Cells(file, row, cells, columnNames);
      String srcName = name < 0 ? "row" + (row + 1) : r.name(name);
      SourcePosition p =
          switch (position) {
            case SKY -> {
              double ra = r.required(pos[0]);
              double dec = r.required(pos[1]);
              if (dec < -90 || dec > 90) {
                throw r.bad(pos[1], "declination " + dec + " is outside [-90, 90] deg");
              }
              double lon = ra % 360.0;
              if (lon < 0) {
                lon += 360.0;
              }
              if (lon >= 360.0) {
                lon = 0.0;
              }
              yield new SourcePosition.Sky(lon, dec);
            }
            case PIXEL ->
                new SourcePosition.Pixel(r.required(pos[0]) - origin, r.required(pos[1]) - origin);
            case BOX_CENTRE -> {
              double[] b = r.box(box);
              yield new SourcePosition.Pixel(
                  0.5 * (b[0] + b[1]) - origin, 0.5 * (b[2] + b[3]) - origin);
            }
            default -> throw new IllegalStateException("unexpected " + position);
          };
      SourceSize s =
          switch (size) {
            case BOX -> {
              double[] b = r.box(box);
              yield new SourceSize.PixelBox(b[1] - b[0], b[3] - b[2]);
            }
            case AXES -> {
              double maj = r.nonNegative(major);
              double min = minor < 0 ? Double.NaN : r.optional(minor);
              if (Double.isNaN(min)) {
                min = maj;
              } else if (min < 0) {
                throw r.bad(minor, "negative size " + min);
              }
              yield unit.isAngular()
                  ? new SourceSize.Angular(unit.toDegrees(maj), unit.toDegrees(min))
                  : new SourceSize.PixelBox(maj, min);
            }
            case NONE -> new SourceSize.Unknown();
            default -> throw new IllegalStateException("unexpected " + size);
          };
      Optional<String> lab = label < 0 ? Optional.empty() : r.text(label);
      return new CatalogSource(row, srcName, p, s, lab);
    }
  }
}
