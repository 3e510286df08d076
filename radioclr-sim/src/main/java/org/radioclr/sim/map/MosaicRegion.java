package org.radioclr.sim.map;

/**
 * A rectangle of a map affected by a residual mosaicking pattern, for the MOSAICKING frame label.
 * Bounds are pixels, {@code [x0, x1) x [y0, y1)}, clipped to the map.
 *
 * @param kind what the pattern is
 * @param x0 first column
 * @param y0 first row
 * @param x1 column after the last
 * @param y1 row after the last
 */
public record MosaicRegion(Kind kind, int x0, int y0, int x1, int y1) {

  /** The kinds of residual pattern. */
  public enum Kind {
    /** A straight ridge-and-trough along a seam between mosaic tiles. */
    SEAM,
    /** A low-level periodic ripple (stripes) over a patch. */
    RIPPLE
  }

  public MosaicRegion {
    if (kind == null) {
      throw new IllegalArgumentException("region kind must not be null");
    }
    if (x1 <= x0 || y1 <= y0) {
      throw new IllegalArgumentException(
          "region must not be empty, got [" + x0 + ", " + x1 + ") x [" + y0 + ", " + y1 + ")");
    }
  }

  /** Whether pixel (x, y) is inside. */
  public boolean contains(int x, int y) {
    return x >= x0 && x < x1 && y >= y0 && y < y1;
  }

  /** Number of pixels shared with the rectangle {@code [fx, fx + w) x [fy, fy + h)}. */
  public long overlap(int fx, int fy, int w, int h) {
    long ox = Math.max(0, Math.min(x1, fx + w) - Math.max(x0, fx));
    long oy = Math.max(0, Math.min(y1, fy + h) - Math.max(y0, fy));
    return ox * oy;
  }
}
