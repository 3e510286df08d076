package org.radioclr.classify.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.radioclr.core.io.Csv;

/**
 * The coordinates of a projection as CSV, written atomically: a header {@code sname,x,y} (plus the
 * colour column's name when there is one), then one row per point, written by {@link Csv} (RFC 4180
 * quoting); missing colour cells are empty.
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
}
