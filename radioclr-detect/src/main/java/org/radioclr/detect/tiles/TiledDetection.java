package org.radioclr.detect.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.core.preprocess.TooManyInvalidPixelsException;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.detect.Instance;
import org.radioclr.formats.mask.PixelBox;

/**
 * Runs a detector over a map of any size in square tiles that overlap by {@code overlap} pixels
 * (the last tile of a row or column flush with the map edge), and stitches: each map pixel belongs
 * to the core of exactly one tile (the tiles' overlaps are split at their middle), and an object is
 * kept only by the tile whose core holds its centroid. An object on a tile edge, smaller than the
 * overlap, is therefore found whole (by a tile that contains it) and once. Tiles the detector
 * refuses as mostly blank (a blank map border) are skipped. The map is read one strip of tile rows
 * at a time ({@link Strips}, e.g. from disk with {@link org.radioclr.core.fits.FitsStripReader}):
 * one strip, one tile's pixels and detections are held at a time, besides the kept objects, so
 * memory stays flat in map size.
 */
public final class TiledDetection {
  private TiledDetection() {}

  /** The source of a map's rows. */
  @FunctionalInterface
  public interface Strips {
    /** Rows {@code y0 .. y0 + rows - 1} of the map, as a {@code width × rows} plane. */
    Plane rows(int y0, int rows);
  }

  /** {@link #run(int, int, Strips, Function, int, int, ProgressListener)} on a map in memory. */
  public static List<MapObject> run(
      Plane map,
      Function<Plane, List<Instance>> detector,
      int tile,
      int overlap,
      ProgressListener progress) {
    return run(
        map.width(),
        map.height(),
        (y0, rows) -> Pixels.window(map, 0, y0, map.width(), rows),
        detector,
        tile,
        overlap,
        progress);
  }

  /**
   * Detects the objects of a {@code w × h} map read strip by strip.
   *
   * @param detector the objects of one tile image, in tile pixels
   * @param tile tile side, pixels
   * @param overlap overlap of neighbouring tiles, pixels, {@code < tile}
   */
  public static List<MapObject> run(
      int w,
      int h,
      Strips strips,
      Function<Plane, List<Instance>> detector,
      int tile,
      int overlap,
      ProgressListener progress) {
    if (tile < 1 || overlap < 0 || overlap >= tile) {
      throw new IllegalArgumentException(
          "tiles need 0 <= overlap < tile, got tile " + tile + ", overlap " + overlap);
    }
    int[] xs = starts(w, tile, overlap);
    int[] ys = starts(h, tile, overlap);
    int[] xb = bounds(xs, w, tile);
    int[] yb = bounds(ys, h, tile);
    List<MapObject> out = new ArrayList<>();
    progress.start(
        "detecting in " + xs.length * ys.length + " tiles", (long) xs.length * ys.length);
    try {
      for (int j = 0; j < ys.length; j++) {
        int th = Math.min(tile, h - ys[j]);
        Plane strip = strips.rows(ys[j], th);
        for (int i = 0; i < xs.length; i++) {
          int tw = Math.min(tile, w - xs[i]);
          Plane t = Pixels.window(strip, xs[i], 0, tw, th);
          List<Instance> found;
          try {
            found = Pixels.anyValid(t.data()) ? detector.apply(t) : List.of();
          } catch (TooManyInvalidPixelsException e) {
            found = List.of();
          }
          for (Instance o : found) {
            MapObject m = toMap(o, xs[i], ys[j], w);
            if (m.x() >= xb[i] && m.x() < xb[i + 1] && m.y() >= yb[j] && m.y() < yb[j + 1]) {
              out.add(m);
            }
          }
          progress.advance(1);
        }
      }
    } finally {
      progress.finish();
    }
    return out;
  }

  /** Tile starts along one axis: every {@code tile - overlap}, the last flush with the edge. */
  static int[] starts(int size, int tile, int overlap) {
    if (size <= tile) {
      return new int[] {0};
    }
    int step = tile - overlap;
    List<Integer> s = new ArrayList<>();
    for (int x = 0; x + tile < size; x += step) {
      s.add(x);
    }
    s.add(size - tile);
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Core boundaries: 0, the middles of consecutive tiles' overlaps, then {@code size}. */
  static int[] bounds(int[] starts, int size, int tile) {
    int[] b = new int[starts.length + 1];
    b[0] = 0;
    for (int i = 1; i < starts.length; i++) {
      b[i] = (starts[i] + starts[i - 1] + tile) / 2;
    }
    b[starts.length] = size;
    return b;
  }

  private static MapObject toMap(Instance o, int x0, int y0, int mapWidth) {
    int tw = o.pixels().width();
    int[] idx = o.pixels().indices();
    long[] px = new long[idx.length];
    double sx = 0;
    double sy = 0;
    for (int k = 0; k < idx.length; k++) {
      int x = x0 + idx[k] % tw;
      int y = y0 + idx[k] / tw;
      px[k] = (long) y * mapWidth + x;
      sx += x;
      sy += y;
    }
    PixelBox b = o.pixels().bounds();
    return new MapObject(
        o.detectionClass(),
        o.score(),
        px,
        new PixelBox(b.x0() + x0, b.y0() + y0, b.x1() + x0, b.y1() + y0),
        sx / idx.length,
        sy / idx.length,
        o.pixels().islands());
  }
}
