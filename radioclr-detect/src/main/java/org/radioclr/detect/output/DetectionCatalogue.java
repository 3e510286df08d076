package org.radioclr.detect.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.Header;
import org.radioclr.core.catalog.CatalogTableWriter;
import org.radioclr.core.catalog.CatalogTableWriter.Column;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.detect.tiles.MapObject;

/**
 * The catalogue of the objects found on a map, as CSV and VOTable 1.4 ({@link CatalogTableWriter}):
 * {@code id} (1..n in the order given), {@code class}, {@code score}, the inclusive pixel box
 * {@code x0, y0, x1, y1}, the centroid {@code x, y} (mean of the mask pixels; 0-based map pixels),
 * {@code ra, dec} (ICRS degrees of the centroid, through the map's WCS; empty without a celestial
 * WCS or outside its projection), {@code npix} and {@code nislands} (8-connected).
 */
public final class DetectionCatalogue {
  /**
   * One catalogue row.
   *
   * @param id its id, 1..n
   * @param object the object
   * @param sky its centroid in ICRS, or null
   */
  public record Row(int id, MapObject object, SkyCoord sky) {}

  private static final CatalogTableWriter<Row> TABLE =
      new CatalogTableWriter<>(
          "radioclr detections",
          List.of(
              new Column<>("id", Integer.class, null, "meta.id;meta.main", "object id", Row::id),
              new Column<>(
                  "class",
                  String.class,
                  null,
                  "src.class",
                  "SPURIOUS, COMPACT, EXTENDED, EXTENDED-MULTISLAND or FLAGGED",
                  r -> r.object().detectionClass().label()),
              new Column<>(
                  "score",
                  Double.class,
                  null,
                  "stat.probability",
                  "detection score in [0, 1]",
                  r -> r.object().score()),
              new Column<>(
                  "x0",
                  Integer.class,
                  "pix",
                  "pos.cartesian.x;stat.min",
                  "first column of the box, 0-based",
                  r -> r.object().box().x0()),
              new Column<>(
                  "y0",
                  Integer.class,
                  "pix",
                  "pos.cartesian.y;stat.min",
                  "first row of the box, 0-based",
                  r -> r.object().box().y0()),
              new Column<>(
                  "x1",
                  Integer.class,
                  "pix",
                  "pos.cartesian.x;stat.max",
                  "last column of the box (inclusive)",
                  r -> r.object().box().x1()),
              new Column<>(
                  "y1",
                  Integer.class,
                  "pix",
                  "pos.cartesian.y;stat.max",
                  "last row of the box (inclusive)",
                  r -> r.object().box().y1()),
              new Column<>(
                  "x",
                  Double.class,
                  "pix",
                  "pos.cartesian.x",
                  "centroid column, 0-based",
                  r -> r.object().x()),
              new Column<>(
                  "y",
                  Double.class,
                  "pix",
                  "pos.cartesian.y",
                  "centroid row, 0-based",
                  r -> r.object().y()),
              new Column<>(
                  "ra",
                  Double.class,
                  "deg",
                  "pos.eq.ra;meta.main",
                  "ICRS RA of the centroid",
                  r -> r.sky() == null ? Double.NaN : r.sky().lon()),
              new Column<>(
                  "dec",
                  Double.class,
                  "deg",
                  "pos.eq.dec;meta.main",
                  "ICRS Dec of the centroid",
                  r -> r.sky() == null ? Double.NaN : r.sky().lat()),
              new Column<>(
                  "npix",
                  Integer.class,
                  null,
                  "phys.area;instr.pixel",
                  "mask pixels",
                  r -> r.object().pixels().length),
              new Column<>(
                  "nislands",
                  Integer.class,
                  null,
                  "meta.number",
                  "8-connected islands of the mask",
                  r -> r.object().islands())));

  /** The column names, in file order. */
  public static final List<String> COLUMN_NAMES = TABLE.columnNames();

  private DetectionCatalogue() {}

  /** The rows of {@code objects}: ids 1..n, centroids through the map's WCS when it has one. */
  public static List<Row> rows(List<MapObject> objects, Header mapHeader) {
    Wcs wcs = Wcs.hasCelestialWcs(mapHeader) ? Wcs.fromHeader(mapHeader) : null;
    List<Row> rows = new ArrayList<>(objects.size());
    int id = 0;
    for (MapObject o : objects) {
      SkyCoord c = wcs == null ? null : wcs.pixelToSky(o.x(), o.y());
      rows.add(new Row(++id, o, c == null || !c.isValid() ? null : c.to(CelestialFrame.ICRS)));
    }
    return rows;
  }

  /** Writes the CSV, atomically. */
  public static void writeCsv(Path target, List<Row> rows) {
    TABLE.writeCsv(target, rows);
  }

  /** Writes the VOTable, atomically. */
  public static void writeVotable(Path target, List<Row> rows) {
    TABLE.writeVotable(target, rows);
  }
}
