package org.radioclr.sim.sky;

/**
 * The noise rms of the map at a pixel, Jy/beam. A value that is not finite or not {@code > 0} marks
 * a pixel without data (outside the map, blank border): no mask covers it.
 */
@FunctionalInterface
public interface RmsField {

  /** Noise rms at map pixel {@code (x, y)}, Jy/beam; NaN or {@code <= 0} where there is no data. */
  double rmsAt(int x, int y);

  /** A constant rms on a {@code width x height} map, NaN outside it. */
  static RmsField uniform(double rmsJy, int width, int height) {
    if (!(rmsJy > 0) || Double.isInfinite(rmsJy)) {
      throw new IllegalArgumentException("rms must be finite and > 0, got " + rmsJy);
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("map must be at least 1x1, got " + width + "x" + height);
    }
    return (x, y) -> x >= 0 && y >= 0 && x < width && y < height ? rmsJy : Double.NaN;
  }
}
