package org.radioclr.detect.tiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.Header;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Csv;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;

/**
 * Writes the objects found on a map: {@code catalogue.csv} (id, class, score, pixel box, centroid
 * x/y, RA/Dec of the centroid when the map has a celestial WCS, pixels, islands; ids 1..n in the
 * order found) and {@code labels.fits} (the map's size and WCS, 0 on the background, k on the
 * pixels of object k; where objects overlap, the later one). Each file is written to a temporary
 * file and renamed.
 */
public final class MapDetections {
  private static final List<String> HEADER =
      List.of(
          "id",
          "class",
          "score",
          "x0",
          "y0",
          "x1",
          "y1",
          "x",
          "y",
          "ra",
          "dec",
          "npix",
          "nislands");

  private MapDetections() {}

  /** Writes both files into {@code dir}. */
  public static void write(
      Path dir, List<MapObject> objects, int width, int height, Header mapHeader) {
    AtomicFiles.ensureDirectory(dir);
    Wcs wcs = Wcs.hasCelestialWcs(mapHeader) ? Wcs.fromHeader(mapHeader) : null;
    StringBuilder sb = new StringBuilder();
    Csv.line(sb, HEADER);
    Plane labels = Plane.zeros(width, height);
    int id = 0;
    for (MapObject o : objects) {
      id++;
      List<Object> row = new ArrayList<>();
      row.add(id);
      row.add(o.detectionClass().label());
      row.add(o.score());
      row.add(o.box().x0());
      row.add(o.box().y0());
      row.add(o.box().x1());
      row.add(o.box().y1());
      row.add(o.x());
      row.add(o.y());
      SkyCoord c = wcs == null ? null : wcs.pixelToSky(o.x(), o.y());
      row.add(c == null || !c.isValid() ? "" : c.lon());
      row.add(c == null || !c.isValid() ? "" : c.lat());
      row.add(o.pixels().length);
      row.add(o.islands());
      Csv.line(sb, row);
      for (long p : o.pixels()) {
        labels.data()[Math.toIntExact(p)] = id;
      }
    }
    AtomicFiles.writeString(dir.resolve("catalogue.csv"), sb);
    FitsWriter.write(
        dir.resolve("labels.fits"),
        labels,
        FitsCards.from(mapHeader).remove("BUNIT").history("radioclr detect: object labels"));
  }
}
