package org.radioclr.core.image;

/**
 * Pixel validity, following the convention of radio survey maps: a pixel is invalid when it is NaN,
 * infinite, or exactly 0 (the value blanked mosaic borders carry).
 */
public final class Pixels {
  private Pixels() {}

  /** Whether {@code v} is a usable measurement. */
  public static boolean isValid(float v) {
    return v != 0f && Float.isFinite(v);
  }

  /** Whether at least one of the pixels is valid. */
  public static boolean anyValid(float[] data) {
    for (float v : data) {
      if (isValid(v)) {
        return true;
      }
    }
    return false;
  }

  /** Number of invalid pixels in the plane. */
  public static int countInvalid(Plane plane) {
    int n = 0;
    for (float v : plane.data()) {
      if (!isValid(v)) {
        n++;
      }
    }
    return n;
  }

  /** Fraction of invalid pixels in the plane, in [0, 1]. */
  public static double invalidFraction(Plane plane) {
    return countInvalid(plane) / (double) plane.size();
  }

  /**
   * Copies the {@code width × height} window with lower-left pixel {@code (x0, y0)} out of {@code
   * map}; pixels of the window outside the map are NaN (blank). The window may lie partly or wholly
   * outside the map.
   */
  public static Plane window(Plane map, int x0, int y0, int width, int height) {
    Plane out = Plane.zeros(width, height);
    float[] dst = out.data();
    java.util.Arrays.fill(dst, Float.NaN);
    int xs = Math.max(0, x0);
    int xe = Math.min(map.width(), x0 + width);
    if (xs >= xe) {
      return out;
    }
    for (int y = Math.max(0, y0); y < Math.min(map.height(), y0 + height); y++) {
      System.arraycopy(
          map.data(), y * map.width() + xs, dst, (y - y0) * width + (xs - x0), xe - xs);
    }
    return out;
  }
}
