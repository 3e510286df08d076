package org.radioclr.classify.project;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.radioclr.core.io.AtomicFiles;

/**
 * The coordinates of a projection as CSV, written atomically: a header {@code sname,x,y} (plus the
 * colour column's name when there is one), then one row per point; fields with commas, quotes or
 * line breaks are quoted (RFC 4180), missing colour cells are empty.
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
    AtomicFiles.write(
        file,
        tmp -> {
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("sname,x,y");
            if (colourName != null) {
              w.write("," + quote(colourName));
            }
            w.write("\n");
            for (int i = 0; i < coords.length; i++) {
              w.write(quote(snames.get(i)));
              w.write(String.format(Locale.ROOT, ",%.6g,%.6g", coords[i][0], coords[i][1]));
              if (colourName != null) {
                String c = colour == null ? null : colour.get(i);
                w.write("," + (c == null ? "" : quote(c)));
              }
              w.write("\n");
            }
          }
        });
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
