package org.radioclr.core.augment;

import java.util.SplittableRandom;

/**
 * Mirrors the view left to right: pixel {@code (x, y)} moves to {@code (width - 1 - x, y)} in every
 * channel. Draws nothing. Table 2: probability 0.33.
 */
public record HorizontalFlip() implements Augmentation {
  /** The paper's probability. */
  public static final double PAPER_PROBABILITY = 0.33;

  @Override
  public void apply(AugmentView view, SplittableRandom random) {
    float[] d = view.data();
    int w = view.width();
    int rows = view.channels() * view.height();
    for (int r = 0; r < rows; r++) {
      int i = r * w;
      int j = i + w - 1;
      while (i < j) {
        float t = d[i];
        d[i++] = d[j];
        d[j--] = t;
      }
    }
  }

  @Override
  public double paperProbability() {
    return PAPER_PROBABILITY;
  }
}
