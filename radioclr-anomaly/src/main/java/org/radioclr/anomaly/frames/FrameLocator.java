package org.radioclr.anomaly.frames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.core.wcs.WcsException;
import org.radioclr.formats.table.ScoreTable;

/**
 * Finds scored frames on disk. Two ways, in this order of preference:
 *
 * <ol>
 *   <li><b>Datalist</b> ({@link #fromDatalist}): the datalist that made the features maps each
 *       {@code sname} to its frame's FITS file (first of its {@code filepaths}); the frame's size
 *       and WCS are that file's own (hulk frames carry the map's WCS shifted to their origin).
 *   <li><b>Maps</b> ({@link #fromMaps}): the score table's {@code map} column (a path relative to a
 *       given folder, normally the folder of the datalist that made the features, e.g. {@code
 *       hulk/}) and {@code x0}, {@code y0} columns (0-based frame origin in the map) with a given
 *       square frame size; the WCS is the map's.
 * </ol>
 *
 * The last FITS file read is kept, so that locating a frame and then reading its pixels, or several
 * frames of one map in a row, read the file once. Not thread-safe.
 */
public final class FrameLocator {
  private final Map<String, Path> files;
  private final Path datalist;
  private final Path mapsDir;
  private final int frameSize;
  private final ScoreTable table;
  private final Map<Path, FitsImage> lastMap = new HashMap<>();

  private FrameLocator(
      Map<String, Path> files, Path datalist, Path mapsDir, int frameSize, ScoreTable table) {
    this.files = files;
    this.datalist = datalist;
    this.mapsDir = mapsDir;
    this.frameSize = frameSize;
    this.table = table;
  }

  /**
   * Frames through a datalist.
   *
   * @throws BadInputException naming the datalist when it cannot be read
   */
  public static FrameLocator fromDatalist(Path datalist) {
    Map<String, Path> files = new HashMap<>();
    for (DatalistEntry e : DatalistReader.readAll(datalist)) {
      files.putIfAbsent(e.sname(), e.files().get(0));
    }
    return new FrameLocator(files, datalist, null, 0, null);
  }

  /**
   * Frames through the survey maps named in {@code table}'s {@code map}, {@code x0} and {@code y0}
   * columns.
   *
   * @param mapsDir the folder the {@code map} paths are relative to
   * @param frameSize the frame side in pixels
   * @throws BadInputException naming the table when it lacks one of those columns
   */
  public static FrameLocator fromMaps(Path mapsDir, int frameSize, ScoreTable table) {
    if (frameSize < 1) {
      throw new IllegalArgumentException("frame size must be >= 1 pixel, got " + frameSize);
    }
    for (String col : List.of("map", "x0", "y0")) {
      if (table.extra(col).isEmpty()) {
        throw new BadInputException(
            table.source(),
            "no '"
                + col
                + "' column, so frames cannot be cut from the maps; give the datalist that made"
                + " the features instead");
      }
    }
    return new FrameLocator(null, null, mapsDir, frameSize, table);
  }

  /**
   * Where the frame of row {@code row} of {@code scores} is.
   *
   * @throws BadInputException naming the datalist (frame not listed), the table (no map or origin
   *     for the row) or the FITS file (unreadable)
   */
  public LocatedFrame locate(ScoreTable scores, int row) {
    String sname = scores.snames().get(row);
    if (files != null) {
      Path file = files.get(sname);
      if (file == null) {
        throw new BadInputException(datalist, "frame '" + sname + "' is not listed");
      }
      FitsImage image = image(file);
      return located(file, image, 0, 0, image.width(), image.height());
    }
    String map = scores.extra("map").orElseThrow().get(row);
    String x0 = scores.extra("x0").orElseThrow().get(row);
    String y0 = scores.extra("y0").orElseThrow().get(row);
    if (map == null || map.isBlank() || x0 == null || y0 == null) {
      throw new BadInputException(
          table.source(), "frame '" + sname + "' has no map or x0/y0 to cut it from");
    }
    Path file = mapsDir.resolve(map).normalize();
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file, "no such map (frame '" + sname + "')");
    }
    FitsImage image = image(file);
    int ox;
    int oy;
    try {
      ox = (int) Math.round(Double.parseDouble(x0));
      oy = (int) Math.round(Double.parseDouble(y0));
    } catch (NumberFormatException e) {
      throw new BadInputException(
          table.source(), "frame '" + sname + "': x0/y0 are not numbers: " + x0 + ", " + y0, e);
    }
    return located(file, image, ox, oy, frameSize, frameSize);
  }

  /** The frame's pixels ({@code width x height}; NaN outside the image). */
  public Plane pixels(LocatedFrame f) {
    FitsImage image = image(f.file());
    return Pixels.window(image.plane(), f.x0(), f.y0(), f.width(), f.height());
  }

  private FitsImage image(Path file) {
    FitsImage image = lastMap.get(file);
    if (image == null) {
      lastMap.clear();
      image = FitsReader.read(file);
      lastMap.put(file, image);
    }
    return image;
  }

  private static LocatedFrame located(Path file, FitsImage image, int x0, int y0, int w, int h) {
    Wcs wcs = null;
    String problem = null;
    try {
      wcs = Wcs.fromHeader(image.header());
    } catch (WcsException e) {
      problem = e.getMessage();
    }
    return new LocatedFrame(file, wcs, problem, x0, y0, w, h);
  }
}
