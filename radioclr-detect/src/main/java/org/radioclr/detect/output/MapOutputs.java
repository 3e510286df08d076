package org.radioclr.detect.output;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nom.tam.fits.Header;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.detect.tiles.MapObject;

/**
 * Everything written for one map's objects, into one folder, each file atomically:
 *
 * <ul>
 *   <li>{@code catalogue.csv} and {@code catalogue.vot} ({@link DetectionCatalogue});
 *   <li>{@code regions.reg}: DS9 polygons around each mask, coloured by class ({@link
 *       DetectionRegions}); only for a map with a celestial WCS;
 *   <li>{@code labels.fits}: the map's size and WCS, 0 on the background, k on the pixels of object
 *       k (where objects overlap, the later one), written band by band;
 *   <li>{@code caesar/<map stem>.json} with one mask file per object ({@link CaesarExport}); only
 *       for maps of at most {@link #CAESAR_MAX_PIXELS} pixels (frames), since each mask file is
 *       map-sized as caesar-mrcnn wants it.
 * </ul>
 */
public final class MapOutputs {
  /** Largest map (pixels) for which the caesar-mrcnn annotation is written: 1024 × 1024. */
  public static final long CAESAR_MAX_PIXELS = 1024L * 1024;

  /** Rows of the label image in memory at a time. */
  private static final int LABEL_BAND = 256;

  /**
   * One map.
   *
   * @param file its FITS file
   * @param width its width, pixels
   * @param height its height, pixels
   * @param header its header (WCS, beam)
   */
  public record MapInfo(Path file, int width, int height, Header header) {}

  private MapOutputs() {}

  /**
   * Writes the outputs of {@code objects} found on {@code map} into {@code dir}.
   *
   * @return what was left out and why (empty when everything was written)
   */
  public static List<String> write(Path dir, MapInfo map, List<MapObject> objects) {
    AtomicFiles.ensureDirectory(dir);
    List<String> notes = new ArrayList<>();
    List<DetectionCatalogue.Row> rows = DetectionCatalogue.rows(objects, map.header());
    DetectionCatalogue.writeCsv(dir.resolve("catalogue.csv"), rows);
    DetectionCatalogue.writeVotable(dir.resolve("catalogue.vot"), rows);
    if (Wcs.hasCelestialWcs(map.header())) {
      DetectionRegions.write(
          dir.resolve("regions.reg"),
          rows,
          map.width(),
          Wcs.fromHeader(map.header()),
          "radioclr detect: outlines of " + map.file().getFileName() + "'s objects, text = id");
    } else {
      notes.add("no regions.reg: the map has no celestial WCS");
    }
    writeLabels(dir.resolve("labels.fits"), map, objects);
    if ((long) map.width() * map.height() <= CAESAR_MAX_PIXELS) {
      CaesarExport.write(
          dir.resolve("caesar").resolve(MapRun.stem(map.file()) + ".json"),
          map.file(),
          map.width(),
          map.height(),
          map.header(),
          rows);
    } else {
      notes.add(
          "no caesar/ annotation: the map has more than "
              + CAESAR_MAX_PIXELS
              + " pixels (one map-sized mask file per object)");
    }
    return notes;
  }

  private static void writeLabels(Path target, MapInfo map, List<MapObject> objects) {
    int w = map.width();
    FitsWriter.writeRows(
        target,
        w,
        map.height(),
        FitsCards.from(map.header()).remove("BUNIT").history("radioclr detect: object labels"),
        LABEL_BAND,
        (y0, rows, data) -> {
          long first = (long) y0 * w;
          long end = (long) (y0 + rows) * w;
          int id = 0;
          for (MapObject o : objects) {
            id++;
            if (o.box().y1() < y0 || o.box().y0() >= y0 + rows) {
              continue;
            }
            long[] px = o.pixels();
            int k = Arrays.binarySearch(px, first);
            for (k = k < 0 ? -k - 1 : k; k < px.length && px[k] < end; k++) {
              data[(int) (px[k] - first)] = id;
            }
          }
        });
  }
}
