package org.radioclr.serve.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radioclr.core.catalog.CatalogTableWriter;
import org.radioclr.core.catalog.CatalogTableWriter.Column;
import org.radioclr.formats.region.Ds9Regions;

/**
 * Writes a reviewer's rated set, best first, as CSV, VOTable (through the project's catalogue
 * writer) or DS9 regions. The CSV is a score table ({@code sname, score} plus further columns), so
 * {@code radioclr anomaly export --scores rated.csv} and later reviews read it back. Columns:
 * {@code sname, score, raw_score, rating, tags, note, reviewer, label, ra, dec} (ICRS degrees,
 * empty when the frame has no position).
 */
public final class RatedExport {
  private RatedExport() {}

  /** The export formats, by file extension. */
  public static final List<String> FORMATS = List.of("csv", "vot", "reg");

  private static final CatalogTableWriter<RatedRow> TABLE =
      new CatalogTableWriter<>(
          "radioclr review ratings",
          List.of(
              new Column<>(
                  "sname", String.class, null, "meta.id;meta.main", "frame name", RatedRow::sname),
              new Column<>(
                  "score",
                  Double.class,
                  null,
                  "stat.value",
                  "score the review ordered by, in [0, 1]",
                  RatedRow::score),
              new Column<>(
                  "raw_score",
                  Double.class,
                  null,
                  "stat.value",
                  "anomaly score of the score table",
                  RatedRow::rawScore),
              new Column<>(
                  "rating", Integer.class, null, "meta.code", "rating 0-5", RatedRow::rating),
              new Column<>("tags", String.class, null, "meta.note", "tags, ';'", RatedRow::tags),
              new Column<>("note", String.class, null, "meta.note", "free note", RatedRow::note),
              new Column<>(
                  "reviewer", String.class, null, "meta.id", "who rated", RatedRow::reviewer),
              new Column<>(
                  "label",
                  String.class,
                  null,
                  "meta.code.class",
                  "frame labels, ';'",
                  RatedRow::label),
              new Column<>(
                  "ra",
                  Double.class,
                  "deg",
                  "pos.eq.ra;meta.main",
                  "ICRS RA of the frame centre",
                  r -> Double.isNaN(r.ra()) ? null : r.ra()),
              new Column<>(
                  "dec",
                  Double.class,
                  "deg",
                  "pos.eq.dec;meta.main",
                  "ICRS Dec of the frame centre",
                  r -> Double.isNaN(r.dec()) ? null : r.dec())));

  /**
   * Writes {@code rows} to {@code target} (atomically) in {@code format}.
   *
   * @throws IllegalArgumentException for a format not in {@link #FORMATS}
   */
  public static void write(Path target, String format, List<RatedRow> rows) {
    switch (format) {
      case "csv" -> TABLE.writeCsv(target, rows);
      case "vot" -> TABLE.writeVotable(target, rows);
      case "reg" -> {
        List<Ds9Regions.Polygon> polygons = new ArrayList<>();
        for (RatedRow r : rows) {
          if (r.corners().size() == 4) {
            polygons.add(
                new Ds9Regions.Polygon(
                    r.corners(),
                    String.format(
                        Locale.ROOT, "%s rating %d score %.3f", r.sname(), r.rating(), r.score())));
          }
        }
        Ds9Regions.writePolygons(
            target,
            "radioclr review: rated frames, text = sname rating score",
            "color=green width=2 font=\"helvetica 10 normal roman\"",
            polygons);
      }
      default ->
          throw new IllegalArgumentException(
              "unknown export format '" + format + "', use one of " + FORMATS);
    }
  }
}
