package org.radioclr.detect.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.image.Plane;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.detect.islands.IslandConfig;
import org.radioclr.detect.islands.IslandFinder;
import org.radioclr.formats.labels.DetectionClass;

class TiledDetectionTest {
  @Test
  void tilesCoverTheMapAndTheirCoresSplitIt() {
    assertArrayEquals(new int[] {0, 48, 96, 136}, TiledDetection.starts(200, 64, 16));
    assertArrayEquals(
        new int[] {0, 56, 104, 148, 200},
        TiledDetection.bounds(TiledDetection.starts(200, 64, 16), 200, 64));
    assertArrayEquals(new int[] {0}, TiledDetection.starts(50, 64, 16));
  }

  @Test
  void aSourceAcrossATileEdgeIsFoundOnceAndWhole() {
    int w = 200;
    int h = 120;
    SplittableRandom r = new SplittableRandom(5);
    Plane map = Plane.zeros(w, h);
    for (int i = 0; i < map.size(); i++) {
      double u = r.nextDouble();
      double v = r.nextDouble();
      map.data()[i] = (float) (1e-4 * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v));
    }
    // tiles of 64 start at x = 0, 48, 96, 136: x = 63 is the right edge of the first tile
    double[][] sources = {{63, 30}, {110, 60}, {150, 100}};
    double s = 1.5;
    for (double[] c : sources) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double d2 = (x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]);
          map.data()[y * w + x] += (float) (30e-4 * Math.exp(-d2 / (2 * s * s)));
        }
      }
    }
    IslandFinder finder = new IslandFinder(IslandConfig.DEFAULT);
    List<MapObject> found =
        TiledDetection.run(map, t -> finder.find(t, 3.5, 3.5), 64, 16, ProgressListener.NONE);
    assertEquals(3, found.size(), found.toString());
    List<MapObject> whole =
        TiledDetection.run(map, t -> finder.find(t, 3.5, 3.5), 256, 0, ProgressListener.NONE);
    MapObject edge = found.stream().filter(o -> Math.abs(o.x() - 63) < 2).findFirst().orElseThrow();
    MapObject ref = whole.stream().filter(o -> Math.abs(o.x() - 63) < 2).findFirst().orElseThrow();
    assertArrayEquals(ref.pixels(), edge.pixels(), "the same mask as without tiling");
    assertEquals(DetectionClass.COMPACT, edge.detectionClass());
  }
}
