package org.radioclr.core.augment;

import java.util.SplittableRandom;

/**
 * Mirrors the view top to bottom: pixel {@code (x, y)} moves to {@code (x, height - 1 - y)} in
 * every channel. Draws nothing. Table 2: probability 0.33.
 */
public record VerticalFlip() implements Augmentation {
  /** The paper's probability. */
  public static final double PAPER_PROBABILITY = 0.33;

  @Override
  public void apply(AugmentView view, SplittableRandom random) {
    float[] d = view.data();
    float[] row = view.values();
    int w = view.width();
    int h = view.height();
    for (int c = 0; c < view.channels(); c++) {
      int base = c * h * w;
      for (int y = 0, z = h - 1; y < z; y++, z--) {
        int a = base + y * w;
        int b = base + z * w;
        System.arraycopy(d, a, row, 0, w);
        System.arraycopy(d, b, d, a, w);
        System.arraycopy(row, 0, d, b, w);
      }
    }
  }

  @Override
  public double paperProbability() {
    return PAPER_PROBABILITY;
  }
}
