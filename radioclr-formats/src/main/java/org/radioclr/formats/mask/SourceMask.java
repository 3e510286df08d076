package org.radioclr.formats.mask;

import java.util.Objects;

/**
 * The instance mask of one source: the pixels of its noiseless model above the mask threshold,
 * inside the box with lower-left map pixel {@code (x0, y0)} and size {@code width x height}; {@code
 * inside[(y - y0) * width + (x - x0)]}. Every island of the source is in it.
 */
public record SourceMask(int x0, int y0, int width, int height, boolean[] inside) {

  public SourceMask {
    Objects.requireNonNull(inside, "inside");
    if (width < 1 || height < 1 || (long) width * height != inside.length) {
      throw new IllegalArgumentException(
          "mask "
              + width
              + "x"
              + height
              + " needs "
              + (long) width * height
              + " cells, got "
              + inside.length);
    }
  }

  /** Whether map pixel {@code (x, y)} belongs to the source. */
  public boolean contains(int x, int y) {
    int u = x - x0;
    int v = y - y0;
    return u >= 0 && v >= 0 && u < width && v < height && inside[v * width + u];
  }

  /** Number of pixels in the mask. */
  public int area() {
    int n = 0;
    for (boolean b : inside) {
      if (b) {
        n++;
      }
    }
    return n;
  }
}
