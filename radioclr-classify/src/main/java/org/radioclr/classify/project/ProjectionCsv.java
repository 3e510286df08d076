package org.radioclr.classify.project;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Csv;

/**
 * The coordinates of a projection as CSV, written atomically: a header {@code sname,x,y} (plus the
 * colour column's name when there is one), then one row per point, written by {@link Csv} (RFC 4180
 * quoting); missing colour cells are empty. {@link #read} reads the coordinates back (what {@code
 * radioclr serve --projection} shows).
 */
public final class ProjectionCsv {
  private ProjectionCsv() {}

  /**
   * Writes the coordinates.
   *
   * @param coords {@code [n][2]}
   * @param colourName the colour column's header, or null for none
   * @param colour {@code [n]} cells of the colour column (null allowed for missing), or null
   */
  public static void write(
      Path file, List<String> snames, double[][] coords, String colourName, List<String> colour) {
    if (coords.length != snames.size() || (colour != null && colour.size() != snames.size())) {
      throw new IllegalArgumentException("snames, coordinates and colours must have one row each");
    }
    Csv table =
        colourName == null ? new Csv("sname", "x", "y") : new Csv("sname", "x", "y", colourName);
    for (int i = 0; i < coords.length; i++) {
      String x = String.format(Locale.ROOT, "%.6g", coords[i][0]);
      String y = String.format(Locale.ROOT, "%.6g", coords[i][1]);
      if (colourName == null) {
        table.row(snames.get(i), x, y);
      } else {
        table.row(snames.get(i), x, y, colour == null ? null : colour.get(i));
      }
    }
    table.write(file);
  }

  /**
   * Coordinates read back.
   *
   * @param snames one name per point, unique
   * @param xy {@code [n][2]} the point's x and y
   */
  public record Points(List<String> snames, double[][] xy) {}

  /**
   * Reads the {@code sname}, {@code x} and {@code y} columns of a projection CSV (other columns are
   * ignored).
   *
   * @throws BadInputException naming the file and the problem: unreadable, a missing column, a
   *     coordinate that is not a finite number, a repeated name, no rows
   */
  public static Points read(Path file) {
    List<String> snames = new ArrayList<>();
    List<double[]> xy = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.parse(in, format)) {
      for (String column : List.of("sname", "x", "y")) {
        if (!csv.getHeaderMap().containsKey(column)) {
          throw new BadInputException(
              file,
              "no '"
                  + column
                  + "' column (a projection has sname,x,y: the CSV that radioclr project writes)");
        }
      }
      for (CSVRecord r : csv) {
        if (!r.isConsistent()) {
          throw new BadInputException(
              file, "line " + csv.getCurrentLineNumber() + " has " + r.size() + " cells");
        }
        String sname = r.get("sname");
        if (!seen.add(sname)) {
          throw new BadInputException(file, "'" + sname + "' appears twice");
        }
        snames.add(sname);
        xy.add(new double[] {number(file, r, "x"), number(file, r, "y")});
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BadInputException(file, "cannot read it as CSV: " + e.getMessage(), e);
    }
    if (snames.isEmpty()) {
      throw new BadInputException(file, "the projection has no rows");
    }
    return new Points(List.copyOf(snames), xy.toArray(new double[0][]));
  }

  private static double number(Path file, CSVRecord r, String column) {
    String v = r.get(column).strip();
    try {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException(
        file,
        "line "
            + r.getRecordNumber()
            + " ('"
            + r.get("sname")
            + "'): "
            + column
            + " '"
            + v
            + "' is not a finite number");
  }
}
