package org.radioclr.detect.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaskOutlineTest {
  /** Ray casting: whether (x, y) lies inside the polygon {@code [x0, y0, x1, y1, ...]}. */
  static boolean inside(double[] poly, double x, double y) {
    boolean in = false;
    int n = poly.length / 2;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      double xi = poly[2 * i];
      double yi = poly[2 * i + 1];
      double xj = poly[2 * j];
      double yj = poly[2 * j + 1];
      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
        in = !in;
      }
    }
    return in;
  }

  @Test
  void onePixelIsItsSquare() {
    List<double[]> p = MaskOutline.of(new long[] {2 * 10 + 3}, 10);
    assertEquals(1, p.size());
    assertArrayEquals(new double[] {2.5, 1.5, 3.5, 1.5, 3.5, 2.5, 2.5, 2.5}, p.get(0));
  }

  @Test
  void anLShapeHasSixCornersAndAHoleIsLeftOut() {
    // L: (0,0) (1,0) (0,1) on a 5-wide map
    List<double[]> l = MaskOutline.of(new long[] {0, 1, 5}, 5);
    assertEquals(1, l.size());
    assertEquals(12, l.get(0).length);
    // a 3x3 ring (the centre missing): one outline, the outer square
    List<double[]> ring = MaskOutline.of(new long[] {0, 1, 2, 5, 7, 10, 11, 12}, 5);
    assertEquals(1, ring.size());
    assertArrayEquals(new double[] {-0.5, -0.5, 2.5, -0.5, 2.5, 2.5, -0.5, 2.5}, ring.get(0));
  }

  @Test
  void diagonalPixelsShareOneOutlineAndSeparateIslandsGetOneEach() {
    List<double[]> diag = MaskOutline.of(new long[] {0, 6}, 5);
    assertEquals(1, diag.size());
    assertTrue(inside(diag.get(0), 0, 0) && inside(diag.get(0), 1, 1));
    List<double[]> two = MaskOutline.of(new long[] {0, 3}, 5);
    assertEquals(2, two.size());
  }

  @Test
  void theOutlinesEncloseEveryPixelOfARandomBlobAndNoFarPixel() {
    SplittableRandom r = new SplittableRandom(3);
    int w = 40;
    for (int trial = 0; trial < 20; trial++) {
      boolean[] in = new boolean[w * w];
      int n = 0;
      for (int y = 5; y < 35; y++) {
        for (int x = 5; x < 35; x++) {
          double d = Math.hypot(x - 20, y - 20);
          if (d < 6 + 8 * r.nextDouble()) {
            in[y * w + x] = true;
            n++;
          }
        }
      }
      long[] px = new long[n];
      int k = 0;
      for (int i = 0; i < in.length; i++) {
        if (in[i]) {
          px[k++] = i;
        }
      }
      List<double[]> polys = MaskOutline.of(px, w);
      for (long p : px) {
        double x = p % w;
        double y = p / w;
        assertTrue(polys.stream().anyMatch(q -> inside(q, x, y)), "pixel " + x + "," + y);
      }
      assertFalse(polys.stream().anyMatch(q -> inside(q, 0, 0)));
    }
  }
}
