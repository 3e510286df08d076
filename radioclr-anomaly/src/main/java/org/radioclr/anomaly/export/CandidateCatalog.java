package org.radioclr.anomaly.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.radioclr.core.catalog.CatalogTableWriter;
import org.radioclr.core.catalog.CatalogTableWriter.Column;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.formats.region.Ds9Regions;

/**
 * Writes candidates as CSV (header line, RFC 4180 quoting by {@link org.radioclr.core.io.Csv}) and
 * as a VOTable 1.4 (TABLEDATA, written with STIL, no date), atomically, in rank order. Columns:
 * {@code rank, sname, score, outlier, label, ra [deg], dec [deg]} (ICRS frame centre), {@code file,
 * file_x0, file_y0 [pix]} (frame origin in that file: 0 for a frame's own file), {@code width,
 * height [pix]}. Doubles are in Java's shortest round-trip form.
 */
public final class CandidateCatalog {
  private CandidateCatalog() {}

  private static final CatalogTableWriter<Candidate> TABLE =
      new CatalogTableWriter<>(
          "radioclr anomaly candidates",
          List.of(
              new Column<>(
                  "rank",
                  Integer.class,
                  null,
                  "meta.number",
                  "1 = most anomalous",
                  Candidate::rank),
              new Column<>(
                  "sname", String.class, null, "meta.id;meta.main", "frame name", Candidate::sname),
              new Column<>(
                  "score",
                  Double.class,
                  null,
                  "stat.value",
                  "anomaly score in [0, 1]",
                  Candidate::score),
              new Column<>(
                  "outlier",
                  Boolean.class,
                  null,
                  "meta.code",
                  "flagged as outlier by the scorer",
                  Candidate::outlier),
              new Column<>(
                  "label",
                  String.class,
                  null,
                  "meta.code.class",
                  "frame labels, ';'-separated",
                  Candidate::label),
              new Column<>(
                  "ra",
                  Double.class,
                  "deg",
                  "pos.eq.ra;meta.main",
                  "ICRS RA of the frame centre",
                  c -> c.centre().to(CelestialFrame.ICRS).lon()),
              new Column<>(
                  "dec",
                  Double.class,
                  "deg",
                  "pos.eq.dec;meta.main",
                  "ICRS Dec of the frame centre",
                  c -> c.centre().to(CelestialFrame.ICRS).lat()),
              new Column<>(
                  "file",
                  String.class,
                  null,
                  "meta.file",
                  "FITS file holding the frame",
                  Candidate::file),
              new Column<>(
                  "file_x0",
                  Integer.class,
                  "pix",
                  "pos.cartesian.x",
                  "frame origin column in file, 0-based",
                  Candidate::x0),
              new Column<>(
                  "file_y0",
                  Integer.class,
                  "pix",
                  "pos.cartesian.y",
                  "frame origin row in file, 0-based",
                  Candidate::y0),
              new Column<>("width", Integer.class, "pix", null, "frame width", Candidate::width),
              new Column<>(
                  "height", Integer.class, "pix", null, "frame height", Candidate::height)));

  /** The column names, in file order. */
  public static final List<String> COLUMN_NAMES = TABLE.columnNames();

  /** Writes the CSV. */
  public static void writeCsv(Path target, List<Candidate> candidates) {
    TABLE.writeCsv(target, candidates);
  }

  /** Writes the VOTable. */
  public static void writeVotable(Path target, List<Candidate> candidates) {
    TABLE.writeVotable(target, candidates);
  }

  /**
   * Writes a DS9 region file (format 4.1, {@code fk5} degrees): one {@code polygon} per candidate
   * through its four corners, with text {@code "#rank score"}.
   */
  public static void writeRegions(Path target, List<Candidate> candidates) {
    Ds9Regions.writePolygons(
        target,
        "radioclr anomaly candidates: frame footprints, text = #rank score",
        "color=red width=2 font=\"helvetica 10 normal roman\"",
        candidates.stream()
            .map(
                c ->
                    new Ds9Regions.Polygon(
                        List.of(c.corners()),
                        String.format(Locale.ROOT, "#%d %.3f", c.rank(), c.score())))
            .toList());
  }
}
