package org.radioclr.detect.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The outlines of a mask: for each 8-connected island, the closed polygon along the outer edges of
 * its pixels (holes left out), so that the polygon encloses every pixel of the island. Vertices are
 * pixel corners in 0-based pixel coordinates (pixel {@code (x, y)} covers {@code [x - 0.5, x + 0.5]
 * × [y - 0.5, y + 0.5]}), counter-clockwise with y up, with the vertices along straight runs
 * dropped. Pixels touching at a corner only belong to one island and one outline, which then passes
 * through that corner twice.
 */
public final class MaskOutline {
  private static final int[] DX = {1, 0, -1, 0};
  private static final int[] DY = {0, 1, 0, -1};

  private MaskOutline() {}

  /**
   * The outlines of a mask given as raster indices of a map.
   *
   * @param pixels raster indices ({@code y * mapWidth + x}), non-empty
   * @param mapWidth the map's width, pixels
   * @return one polygon per island, each {@code [x0, y0, x1, y1, ...]}, at least 4 vertices
   */
  public static List<double[]> of(long[] pixels, int mapWidth) {
    if (pixels.length == 0) {
      throw new IllegalArgumentException("an outline needs at least one pixel");
    }
    long xmin = Long.MAX_VALUE;
    long ymin = Long.MAX_VALUE;
    long xmax = Long.MIN_VALUE;
    long ymax = Long.MIN_VALUE;
    for (long p : pixels) {
      long x = p % mapWidth;
      long y = p / mapWidth;
      xmin = Math.min(xmin, x);
      xmax = Math.max(xmax, x);
      ymin = Math.min(ymin, y);
      ymax = Math.max(ymax, y);
    }
    int w = Math.toIntExact(xmax - xmin + 1);
    int h = Math.toIntExact(ymax - ymin + 1);
    boolean[] in = new boolean[Math.multiplyExact(w, h)];
    for (long p : pixels) {
      in[(int) ((p / mapWidth - ymin) * w + p % mapWidth - xmin)] = true;
    }
    List<double[]> out = new ArrayList<>();
    for (int[] loop : loops(in, w, h)) {
      double[] poly = new double[loop.length];
      for (int k = 0; k < loop.length; k += 2) {
        poly[k] = xmin + loop[k] - 0.5;
        poly[k + 1] = ymin + loop[k + 1] - 0.5;
      }
      out.add(poly);
    }
    return out;
  }

  /**
   * The outer boundary loops of a {@code w × h} mask, as corner coordinates {@code [x0, y0, ...]}
   * (corner {@code (x, y)} is the lower-left corner of pixel {@code (x, y)}).
   */
  static List<int[]> loops(boolean[] in, int w, int h) {
    int cw = w + 1;
    // edges leaving each corner, by direction (0 east, 1 north, 2 west, 3 south), interior on the
    // left
    boolean[] edge = new boolean[(w + 1) * (h + 1) * 4];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (!in[y * w + x]) {
          continue;
        }
        if (y == 0 || !in[(y - 1) * w + x]) {
          edge[(y * cw + x) * 4] = true; // bottom side, heading east
        }
        if (x == w - 1 || !in[y * w + x + 1]) {
          edge[(y * cw + x + 1) * 4 + 1] = true; // right side, heading north
        }
        if (y == h - 1 || !in[(y + 1) * w + x]) {
          edge[((y + 1) * cw + x + 1) * 4 + 2] = true; // top side, heading west
        }
        if (x == 0 || !in[y * w + x - 1]) {
          edge[((y + 1) * cw + x) * 4 + 3] = true; // left side, heading south
        }
      }
    }
    boolean[] unused = edge.clone();
    List<int[]> loops = new ArrayList<>();
    for (int start = 0; start < edge.length; start++) {
      if (!unused[start]) {
        continue;
      }
      int[] pts = new int[16];
      int n = 0;
      long area2 = 0;
      int corner = start / 4;
      int dir = start % 4;
      int prevDir = -1;
      while (true) {
        unused[corner * 4 + dir] = false;
        int x = corner % cw;
        int y = corner / cw;
        if (dir != prevDir) {
          if (n + 2 > pts.length) {
            pts = Arrays.copyOf(pts, pts.length * 2);
          }
          pts[n++] = x;
          pts[n++] = y;
        }
        int nx = x + DX[dir];
        int ny = y + DY[dir];
        area2 += (long) x * ny - (long) nx * y;
        corner = ny * cw + nx;
        prevDir = dir;
        // every corner pairs its incoming and outgoing edges the same way whichever loop passes:
        // a right turn first, so pixels touching at a corner stay in one loop
        int right = (dir + 3) % 4;
        if (edge[corner * 4 + right]) {
          dir = right;
        } else if (!edge[corner * 4 + dir]) {
          dir = (dir + 1) % 4;
        }
        if (corner * 4 + dir == start) {
          break;
        }
      }
      int first = 0;
      if (prevDir == start % 4) {
        first = 2; // the start lies inside the straight run that closes the loop
      }
      if (area2 > 0) {
        loops.add(Arrays.copyOfRange(pts, first, n));
      }
    }
    return loops;
  }
}
