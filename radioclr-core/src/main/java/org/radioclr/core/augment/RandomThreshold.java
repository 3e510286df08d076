package org.radioclr.core.augment;

import java.util.SplittableRandom;
import org.radioclr.core.io.Json;
import org.radioclr.core.preprocess.Quickselect;

/**
 * Per-channel thresholding at a random percentile of the channel's valid pixels (paper Table 2:
 * percentile in [40, 60], probability 0.5; meant for random-frame ("hulk") data, where it makes the
 * model depend less on the background, and left out for source-centred ("banner") data).
 *
 * <p>Semantics, per channel: a percentile {@code q} is drawn uniformly in {@code [percentileMin,
 * percentileMax]} (one draw per channel, channels in order). The valid pixels are those not exactly
 * 0 (blank or background already set to 0; NaN is not valid). The threshold {@code t} is numpy's
 * default ({@code "linear"}) percentile of the valid values: with them sorted as {@code a[0..n)},
 * {@code pos = q / 100 * (n - 1)}, {@code t = a[floor(pos)] + (pos - floor(pos)) * (a[floor(pos) +
 * 1] - a[floor(pos)])}. Every valid pixel with {@code value < t} is set to 0; pixels at or above
 * {@code t} and invalid pixels are left as they are. With distinct values this keeps {@code n -
 * ceil(pos)} pixels, about {@code 1 - q / 100} of them. A channel without valid pixels is left
 * alone.
 *
 * @param percentileMin smallest percentile, in [0, 100]
 * @param percentileMax largest percentile, in [percentileMin, 100]
 */
public record RandomThreshold(double percentileMin, double percentileMax) implements Augmentation {
  /** The paper's probability. */
  public static final double PAPER_PROBABILITY = 0.5;

  /** The paper's percentile range, [40, 60]. */
  public static final RandomThreshold PAPER = new RandomThreshold(40, 60);

  @Json.Defaults
  static RandomThreshold jsonDefaults() {
    return PAPER;
  }

  public RandomThreshold {
    if (!(percentileMin >= 0 && percentileMin <= 100)) {
      throw new IllegalArgumentException(
          "percentile_min must be in [0, 100], got " + percentileMin);
    }
    if (!(percentileMax >= percentileMin && percentileMax <= 100)) {
      throw new IllegalArgumentException(
          "percentile_max must be in [percentile_min, 100] = ["
              + percentileMin
              + ", 100], got "
              + percentileMax);
    }
  }

  @Override
  public void apply(AugmentView view, SplittableRandom random) {
    for (int c = 0; c < view.channels(); c++) {
      threshold(view, c, Augmentation.uniform(random, percentileMin, percentileMax));
    }
  }

  /**
   * Thresholds channel {@code c} at percentile {@code q} of its valid pixels.
   *
   * @return the threshold, or NaN if the channel has no valid pixel
   */
  static double threshold(AugmentView view, int c, double q) {
    float[] d = view.data();
    int plane = view.planeSize();
    int base = c * plane;
    double[] values = view.selection();
    int n = 0;
    for (int i = 0; i < plane; i++) {
      float v = d[base + i];
      values[n] = v;
      n += (v != 0f && v == v) ? 1 : 0;
    }
    if (n == 0) {
      return Double.NaN;
    }
    double t = percentile(values, n, q);
    float ft = (float) t;
    // a float v is below the double t exactly when it is below t rounded up to a float
    if (ft < t) {
      ft = Math.nextUp(ft);
    }
    for (int i = 0; i < plane; i++) {
      float v = d[base + i];
      if (v < ft) {
        d[base + i] = 0f;
      }
    }
    return t;
  }

  /**
   * numpy's linear percentile {@code q} (in [0, 100]) of {@code a[0..n)} (no NaN), reordering
   * {@code a}. The values are float32 pixels widened to double (exact), so the result is numpy's on
   * the float32 array.
   */
  static double percentile(double[] a, int n, double q) {
    double quantile = q / 100.0;
    // numpy's _compute_virtual_index with alpha = beta = 1: q * (n - 1) in numpy's rounding
    double pos = n * quantile + (1 + quantile * (1 - 1 - 1)) - 1;
    int lo = (int) Math.floor(pos);
    if (pos >= n - 1) {
      lo = n - 1;
    } else if (lo < 0) {
      lo = 0;
    }
    Quickselect.select(a, 0, n - 1, lo);
    double below = a[lo];
    double frac = pos - lo;
    if (frac <= 0 || lo == n - 1) {
      return below;
    }
    double above = a[lo + 1];
    for (int i = lo + 2; i < n; i++) {
      if (a[i] < above) {
        above = a[i];
      }
    }
    // numpy's _lerp: a + (b - a) * t, or b - (b - a) * (1 - t) for t >= 0.5
    double diff = above - below;
    return frac >= 0.5 ? above - diff * (1 - frac) : below + diff * frac;
  }

  @Override
  public double paperProbability() {
    return PAPER_PROBABILITY;
  }
}
