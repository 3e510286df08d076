package org.radioclr.core.preprocess;

import java.util.Objects;
import org.radioclr.core.image.Plane;

/**
 * A {@code [channels][height][width]} float cube in one contiguous array, channel-major then
 * row-major: {@code data[(c * height + y) * width + x]}. This is the layout a {@code (C, H, W)}
 * tensor expects, so it can be handed to the network (for example {@code NDManager.create(data, new
 * Shape(c, h, w))}) without reordering. Pre-processed cubes hold values in [0, 1].
 */
public record Cube(int channels, int height, int width, float[] data) {

  public Cube {
    Objects.requireNonNull(data, "data");
    if (channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "cube shape must be positive, got " + channels + "x" + height + "x" + width);
    }
    if ((long) channels * height * width != data.length) {
      throw new IllegalArgumentException(
          "cube "
              + channels
              + "x"
              + height
              + "x"
              + width
              + " needs "
              + (long) channels * height * width
              + " values, got "
              + data.length);
    }
  }

  /** Value at channel {@code c}, row {@code y}, column {@code x}. */
  public float get(int c, int y, int x) {
    return data[(c * height + y) * width + x];
  }

  /** A copy of channel {@code c} as a plane. */
  public Plane channel(int c) {
    Objects.checkIndex(c, channels);
    float[] plane = new float[height * width];
    System.arraycopy(data, c * height * width, plane, 0, plane.length);
    return new Plane(width, height, plane);
  }
}
