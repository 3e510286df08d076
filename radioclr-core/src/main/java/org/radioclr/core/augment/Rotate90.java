package org.radioclr.core.augment;

import java.util.SplittableRandom;

/**
 * Rotates a square view by 90, 180 or 270 degrees, chosen uniformly (one {@code nextInt(3)} draw).
 * Table 2: probability 0.5.
 *
 * <p>Direction: one quarter turn is counter-clockwise as astronomers display the image (row {@code
 * y = 0} at the bottom, as {@link org.radioclr.core.image.PngWriter} draws it): pixel {@code (x,
 * y)} of an {@code n x n} image moves to {@code (n - 1 - y, x)}. Two quarter turns move it to
 * {@code (n - 1 - x, n - 1 - y)}, three to {@code (y, n - 1 - x)}.
 *
 * <p>Non-square views are refused ({@link #checkShape}): a quarter turn would change their shape,
 * and offering only the half turn would silently change the step's meaning.
 */
public record Rotate90() implements Augmentation {
  /** The paper's probability. */
  public static final double PAPER_PROBABILITY = 0.5;

  @Override
  public void apply(AugmentView view, SplittableRandom random) {
    checkShape(view.channels(), view.height(), view.width());
    rotate(view, 1 + random.nextInt(3));
  }

  @Override
  public void checkShape(int channels, int height, int width) {
    if (height != width) {
      throw new IllegalArgumentException(
          "rotation by 90/180/270 degrees needs a square image, got "
              + channels
              + "x"
              + height
              + "x"
              + width
              + " (remove the rotate90 step or make the images square)");
    }
  }

  /** Rotates a square view by {@code quarterTurns} (0 to 3) counter-clockwise quarter turns. */
  static void rotate(AugmentView view, int quarterTurns) {
    int n = view.width();
    int plane = n * n;
    float[] in = view.data();
    float[] out = view.scratch();
    switch (quarterTurns) {
      case 0 -> {
        return;
      }
      case 1 -> {
        // out(x', y') = in(x = y', y = n - 1 - x')
        for (int c = 0; c < view.channels(); c++) {
          int base = c * plane;
          for (int yy = 0; yy < n; yy++) {
            int o = base + yy * n;
            for (int xx = 0; xx < n; xx++) {
              out[o + xx] = in[base + (n - 1 - xx) * n + yy];
            }
          }
        }
      }
      case 2 -> {
        for (int c = 0; c < view.channels(); c++) {
          int base = c * plane;
          int last = base + plane - 1;
          for (int i = 0; i < plane; i++) {
            out[base + i] = in[last - i];
          }
        }
      }
      case 3 -> {
        // out(x', y') = in(x = n - 1 - y', y = x')
        for (int c = 0; c < view.channels(); c++) {
          int base = c * plane;
          for (int yy = 0; yy < n; yy++) {
            int o = base + yy * n;
            int col = base + n - 1 - yy;
            for (int xx = 0; xx < n; xx++) {
              out[o + xx] = in[col + xx * n];
            }
          }
        }
      }
      default ->
          throw new IllegalArgumentException("quarter turns must be 0..3, got " + quarterTurns);
    }
    view.swap();
  }

  @Override
  public double paperProbability() {
    return PAPER_PROBABILITY;
  }
}
