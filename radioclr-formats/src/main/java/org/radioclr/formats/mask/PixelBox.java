package org.radioclr.formats.mask;

/**
 * A rectangle of map pixels, both corners inclusive: columns {@code x0..x1}, rows {@code y0..y1}
 * (0-based, y = 0 the first FITS row).
 *
 * @param x0 first column
 * @param y0 first row
 * @param x1 last column, {@code >= x0}
 * @param y1 last row, {@code >= y0}
 */
public record PixelBox(int x0, int y0, int x1, int y1) {

  public PixelBox {
    if (x1 < x0 || y1 < y0) {
      throw new IllegalArgumentException(
          "box corners must satisfy x0 <= x1 and y0 <= y1, got ["
              + x0
              + ", "
              + y0
              + ", "
              + x1
              + ", "
              + y1
              + "]");
    }
  }

  /** The {@code width x height} box with lower-left pixel {@code (x0, y0)}. */
  public static PixelBox ofSize(int x0, int y0, int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "box size must be at least 1x1, got " + width + "x" + height);
    }
    return new PixelBox(x0, y0, x0 + width - 1, y0 + height - 1);
  }

  /** Number of columns. */
  public int width() {
    return x1 - x0 + 1;
  }

  /** Number of rows. */
  public int height() {
    return y1 - y0 + 1;
  }

  /** Number of pixels. */
  public long area() {
    return (long) width() * height();
  }

  /** Whether pixel {@code (x, y)} lies in the box. */
  public boolean contains(int x, int y) {
    return x >= x0 && x <= x1 && y >= y0 && y <= y1;
  }

  /** Whether the two boxes share at least one pixel. */
  public boolean intersects(PixelBox other) {
    return other.x0 <= x1 && other.x1 >= x0 && other.y0 <= y1 && other.y1 >= y0;
  }

  /** This box moved by {@code (-dx, -dy)}: coordinates relative to a frame with origin (dx, dy). */
  public PixelBox relativeTo(int dx, int dy) {
    return new PixelBox(x0 - dx, y0 - dy, x1 - dx, y1 - dy);
  }
}
