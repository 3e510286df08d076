package org.radioclr.sim.sky;

import java.util.Objects;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.model.BandContribution;

/**
 * The beam-convolved model of one source on the map grid, cut to where it is not negligible.
 *
 * @param x0 map column of {@code data[0]} (0-based; may be negative or beyond the map)
 * @param y0 map row of {@code data[0]}
 * @param width columns
 * @param height rows
 * @param data {@code [height][width]} row-major, Jy/beam: {@code data[(y - y0) * width + (x - x0)]}
 */
public record Stamp(int x0, int y0, int width, int height, float[] data)
    implements BandContribution {

  public Stamp {
    Objects.requireNonNull(data, "data");
    if (width < 1 || height < 1 || (long) width * height != data.length) {
      throw new IllegalArgumentException(
          "stamp "
              + width
              + "x"
              + height
              + " needs "
              + (long) width * height
              + " values, got "
              + data.length);
    }
  }

  /** The map pixels the stamp covers. */
  public PixelBox box() {
    return PixelBox.ofSize(x0, y0, width, height);
  }

  /** Value at map pixel {@code (x, y)}, 0 outside the stamp. */
  public float at(int x, int y) {
    int u = x - x0;
    int v = y - y0;
    return u >= 0 && v >= 0 && u < width && v < height ? data[v * width + u] : 0f;
  }

  /** Largest value, Jy/beam. */
  public float peak() {
    float m = Float.NEGATIVE_INFINITY;
    for (float f : data) {
      m = Math.max(m, f);
    }
    return m;
  }

  /** Sum of all values, Jy/beam x pixels (divide by the beam area in pixels for Jy). */
  public double sum() {
    double s = 0;
    for (float f : data) {
      s += f;
    }
    return s;
  }

  /**
   * Adds the stamp into a band of map rows: {@code band[(y - bandY0) * width + x] += value} for
   * every stamp pixel with {@code 0 <= x < width} and {@code bandY0 <= y < bandY0 + bandRows}; the
   * rest is clipped.
   *
   * @param band {@code [bandRows][width]} row-major, Jy/beam
   * @param bandY0 map row of the band's first row
   * @param bandRows rows in the band
   * @param width map width in pixels (the band's row length)
   */
  @Override
  public int yMin() {
    return y0;
  }

  @Override
  public int yMax() {
    return y0 + height - 1;
  }

  @Override
  public void addTo(float[] band, int bandY0, int bandRows, int width) {
    if ((long) bandRows * width > band.length) {
      throw new IllegalArgumentException(
          "band of "
              + bandRows
              + " rows x "
              + width
              + " needs "
              + (long) bandRows * width
              + " values, got "
              + band.length);
    }
    int yStart = Math.max(y0, bandY0);
    int yEnd = Math.min(y0 + height, bandY0 + bandRows);
    int xStart = Math.max(x0, 0);
    int xEnd = Math.min(x0 + this.width, width);
    if (yStart >= yEnd || xStart >= xEnd) {
      return;
    }
    int n = xEnd - xStart;
    for (int y = yStart; y < yEnd; y++) {
      int src = (y - y0) * this.width + (xStart - x0);
      int dst = (y - bandY0) * width + xStart;
      for (int i = 0; i < n; i++) {
        band[dst + i] += data[src + i];
      }
    }
  }
}
