package org.radioclr.classify.net;

import org.radioclr.core.augment.ViewRandom;

/**
 * The eight symmetries of the square (the dihedral group D4: four quarter turns, each with or
 * without a left-right mirror), the only augmentations of classifier training (paper §3.2:
 * rotations and flips). Symmetry {@code k} in 0..7 mirrors when {@code k >= 4}, then turns {@code k
 * % 4} quarter turns counter-clockwise as {@link org.radioclr.core.augment.Rotate90} does: pixel
 * {@code (x, y)} of an {@code n x n} plane moves to {@code (n - 1 - y, x)} per turn.
 *
 * <p>Drawing one of the eight uniformly per image and epoch gives every image the same distribution
 * of orientations as random flips and 90° rotations, and lets the probe precompute the frozen
 * encoder's features of each of the eight views once.
 */
final class Symmetry {
  /** Number of symmetries. */
  static final int COUNT = 8;

  private Symmetry() {}

  /** The symmetry of image {@code image} in epoch {@code epoch}: uniform in 0..7. */
  static int draw(long seed, int epoch, int image) {
    return ViewRandom.of(seed, epoch, image, 0).nextInt(COUNT);
  }

  /**
   * Writes symmetry {@code k} of the cube {@code src[srcOffset..]} ({@code [C][n][n]}) into {@code
   * dst[dstOffset..]}; the two ranges must not overlap.
   */
  static void apply(
      float[] src, int srcOffset, float[] dst, int dstOffset, int channels, int n, int k) {
    if (k < 0 || k >= COUNT) {
      throw new IllegalArgumentException("symmetry must be in 0..7, got " + k);
    }
    boolean mirror = k >= 4;
    int turns = k % 4;
    int plane = n * n;
    for (int c = 0; c < channels; c++) {
      int s = srcOffset + c * plane;
      int d = dstOffset + c * plane;
      for (int y = 0; y < n; y++) {
        for (int x = 0; x < n; x++) {
          int sx = mirror ? n - 1 - x : x;
          int tx;
          int ty;
          switch (turns) {
            case 0 -> {
              tx = sx;
              ty = y;
            }
            case 1 -> {
              tx = n - 1 - y;
              ty = sx;
            }
            case 2 -> {
              tx = n - 1 - sx;
              ty = n - 1 - y;
            }
            default -> {
              tx = y;
              ty = n - 1 - sx;
            }
          }
          dst[d + ty * n + tx] = src[s + y * n + x];
        }
      }
    }
  }
}
