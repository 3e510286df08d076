package org.radioclr.core.cutout;

/**
 * Origins of a sliding window of side {@code size} moved by {@code step} pixels along one axis of
 * length {@code length}: {@code 0, step, 2·step, …} as long as the window fits inside the axis.
 * With {@code step = size / 2} neighbouring frames overlap by 50%, as for the paper's hulk sets.
 */
public final class FrameGrid {
  private FrameGrid() {}

  /** The window origins; empty when the axis is shorter than the window. */
  public static int[] origins(int length, int size, int step) {
    if (size <= 0 || step <= 0) {
      throw new IllegalArgumentException(
          "frame size and step must be > 0, got size " + size + ", step " + step);
    }
    if (length < size) {
      return new int[0];
    }
    int n = (length - size) / step + 1;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i * step;
    }
    return out;
  }
}
