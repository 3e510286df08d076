package org.radioclr.core.cutout;

/**
 * Settings of the blind sliding-window ("hulk") data set of the paper (§2.2): square frames of
 * {@code size} pixels moved by {@code step} pixels over whole maps; frames with more than {@code
 * maxBlankFraction} invalid pixels (NaN or 0, as on map borders) are skipped.
 *
 * @param size frame side in pixels (paper: 256)
 * @param step shift between neighbouring frames in pixels (paper: size / 2, 50% overlap)
 * @param maxBlankFraction largest fraction of blank pixels a kept frame may have (0.3)
 */
public record HulkConfig(int size, int step, double maxBlankFraction) {

  /** The paper's setting: 256-pixel frames, 50% overlap, at most 30% blank. */
  public static final HulkConfig PAPER = new HulkConfig(256, 128, 0.3);

  public HulkConfig {
    if (size < 8) {
      throw new IllegalArgumentException("frame size must be >= 8 pixels, got " + size);
    }
    if (step < 1) {
      throw new IllegalArgumentException("step must be >= 1 pixel, got " + step);
    }
    if (!(maxBlankFraction >= 0 && maxBlankFraction <= 1)) {
      throw new IllegalArgumentException(
          "maximum blank fraction must be in [0, 1], got " + maxBlankFraction);
    }
  }
}
