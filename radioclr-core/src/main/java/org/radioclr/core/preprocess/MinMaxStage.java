package org.radioclr.core.preprocess;

/**
 * Min-max normalisation to [0, 1] over the valid pixels: {@code (v - min) / (max - min)}. A
 * constant channel ({@code max == min}) becomes all 0.
 */
public record MinMaxStage() implements ChannelStage {

  /** {@code min–max scaled to [0, 1]}. */
  @Override
  public String describe() {
    return "min–max scaled to [0, 1]";
  }

  @Override
  public void apply(double[] values, int n, Workspace workspace) {
    normalize(values, n);
  }

  /** Normalises {@code values[0..n)} in place; see the class comment. */
  public static void normalize(double[] values, int n) {
    if (n <= 0) {
      return;
    }
    double min = values[0];
    double max = values[0];
    for (int i = 1; i < n; i++) {
      double v = values[i];
      if (v < min) {
        min = v;
      } else if (v > max) {
        max = v;
      }
    }
    if (max > min) {
      double range = max - min;
      for (int i = 0; i < n; i++) {
        values[i] = (values[i] - min) / range;
      }
    } else {
      java.util.Arrays.fill(values, 0, n, 0.0);
    }
  }
}
