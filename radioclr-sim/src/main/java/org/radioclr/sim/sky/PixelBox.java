package org.radioclr.sim.sky;

/**
 * A rectangle of map pixels: lower-left pixel {@code (x0, y0)} (0-based, may lie outside the map)
 * and size {@code width x height}.
 */
public record PixelBox(int x0, int y0, int width, int height) {

  public PixelBox {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("box must be at least 1x1, got " + width + "x" + height);
    }
  }

  /** One past the last column. */
  public int x1() {
    return x0 + width;
  }

  /** One past the last row. */
  public int y1() {
    return y0 + height;
  }

  /** Whether the two boxes share at least one pixel. */
  public boolean intersects(PixelBox o) {
    return x0 < o.x1() && o.x0 < x1() && y0 < o.y1() && o.y0 < y1();
  }
}
