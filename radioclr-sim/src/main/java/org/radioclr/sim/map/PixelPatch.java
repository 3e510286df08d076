package org.radioclr.sim.map;

/**
 * A rectangle of values to add into a map: the simplest {@link BandContribution}, the shape of a
 * source stamp.
 *
 * @param x0 map column of the patch's first column (may be negative: the patch is clipped)
 * @param y0 map row of the patch's first row (may be negative)
 * @param width patch width, pixels
 * @param height patch height, pixels
 * @param values row-major {@code [height][width]} values, Jy/beam (not copied)
 */
public record PixelPatch(int x0, int y0, int width, int height, float[] values)
    implements BandContribution {

  public PixelPatch {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "patch size must be positive, got " + width + "x" + height);
    }
    if (values == null || values.length != (long) width * height) {
      throw new IllegalArgumentException(
          "patch of "
              + width
              + "x"
              + height
              + " needs "
              + (long) width * height
              + " values, got "
              + (values == null ? "null" : values.length));
    }
  }

  @Override
  public int yMin() {
    return y0;
  }

  @Override
  public int yMax() {
    return y0 + height - 1;
  }

  @Override
  public void addTo(float[] band, int bandY0, int rows, int mapWidth) {
    int ya = Math.max(y0, bandY0);
    int yb = Math.min(y0 + height, bandY0 + rows);
    int xa = Math.max(x0, 0);
    int xb = Math.min(x0 + width, mapWidth);
    for (int y = ya; y < yb; y++) {
      int src = (y - y0) * width - x0;
      int dst = (y - bandY0) * mapWidth;
      for (int x = xa; x < xb; x++) {
        band[dst + x] += values[src + x];
      }
    }
  }
}
