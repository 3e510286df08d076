package org.radioclr.detect.tiles;

import java.util.List;
import java.util.function.Function;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.detect.Instance;

/**
 * Times whole-map detection ({@link TiledDetection}): one pass over a map after a warm-up on its
 * central tile, giving megapixels and tiles per second.
 */
public final class DetectBenchmark {
  private DetectBenchmark() {}

  /**
   * One measurement.
   *
   * @param tiles tiles run (blank tiles skipped count too)
   * @param objects objects found
   * @param seconds wall time of the pass
   * @param megapixels map pixels / 1e6
   */
  public record Rate(int tiles, int objects, double seconds, double megapixels) {
    /** Map megapixels per second. */
    public double megapixelsPerSecond() {
      return megapixels / seconds;
    }

    /** Tiles per second. */
    public double tilesPerSecond() {
      return tiles / seconds;
    }
  }

  /** Runs {@code detector} over {@code map} once, after one warm-up tile (the central one). */
  public static Rate run(
      Plane map, Function<Plane, List<Instance>> detector, int tile, int overlap) {
    int t = Math.min(tile, Math.min(map.width(), map.height()));
    detector.apply(Pixels.window(map, (map.width() - t) / 2, (map.height() - t) / 2, t, t));
    int[] tiles = {0};
    ProgressListener count =
        new ProgressListener() {
          @Override
          public void start(String task, long total) {
            tiles[0] = (int) total;
          }

          @Override
          public void advance(long n) {}

          @Override
          public void finish() {}
        };
    long t0 = System.nanoTime();
    List<MapObject> found = TiledDetection.run(map, detector, tile, overlap, count);
    double s = (System.nanoTime() - t0) / 1e9;
    return new Rate(tiles[0], found.size(), s, map.width() * (double) map.height() / 1e6);
  }
}
