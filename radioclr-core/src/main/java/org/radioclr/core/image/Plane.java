package org.radioclr.core.image;

import java.util.Objects;

/**
 * One 2-D image plane: {@code [height][width]} float pixels stored row-major in one array, {@code
 * data[y * width + x]}, with {@code y = 0} the first row of the FITS data unit (the bottom of the
 * image as displayed). Units are those of the source (usually Jy/beam). The array is shared, not
 * copied: stages that must not modify their input copy it themselves.
 */
public record Plane(int width, int height, float[] data) {

  public Plane {
    Objects.requireNonNull(data, "data");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "plane size must be positive, got " + width + "x" + height);
    }
    if ((long) width * height != data.length) {
      throw new IllegalArgumentException(
          "plane "
              + width
              + "x"
              + height
              + " needs "
              + (long) width * height
              + " pixels, got "
              + data.length);
    }
  }

  /** A new zero-filled plane. */
  public static Plane zeros(int width, int height) {
    return new Plane(width, height, new float[Math.multiplyExact(width, height)]);
  }

  /** Pixel value at column {@code x}, row {@code y} (0-based). */
  public float get(int x, int y) {
    return data[y * width + x];
  }

  /** Sets the pixel at column {@code x}, row {@code y} (0-based). */
  public void set(int x, int y, float value) {
    data[y * width + x] = value;
  }

  /** Number of pixels. */
  public int size() {
    return data.length;
  }

  /** A deep copy. */
  public Plane copy() {
    return new Plane(width, height, data.clone());
  }
}
