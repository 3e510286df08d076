package org.radioclr.core.image;

import org.radioclr.core.preprocess.Interval;
import org.radioclr.core.preprocess.Workspace;
import org.radioclr.core.preprocess.ZScaleStage;

/**
 * Display limits for previews (simulated maps, detection overlays): the zscale interval of the
 * valid pixels ({@link ZScaleStage}).
 */
public final class DisplayStretch {
  /** The preview contrast: astropy's and caesar-mrcnn's default. */
  public static final double CONTRAST = 0.25;

  private DisplayStretch() {}

  /**
   * The zscale limits {@code {lo, hi}} of the valid values (finite, non-zero: {@link
   * Pixels#isValid}) of {@code data}, with {@code hi > lo} (widened by one unit in the last place
   * or to {@code [0, 1]} when degenerate or when no value is valid).
   */
  public static double[] zscale(float[] data) {
    Workspace ws = new Workspace();
    double[] values = ws.values(data.length);
    int n = 0;
    for (float v : data) {
      if (Pixels.isValid(v)) {
        values[n++] = v;
      }
    }
    if (n == 0) {
      return new double[] {0, 1};
    }
    Interval z = ZScaleStage.withContrast(CONTRAST).limits(values, n, ws);
    double lo = z.lower();
    double hi = z.upper();
    if (!(hi > lo)) {
      hi = lo + Math.max(Math.ulp(lo), Math.abs(lo) * 1e-6 + 1e-30);
    }
    return new double[] {lo, hi};
  }

  /** The grey level 0..255 of {@code v} between {@code lo} and {@code hi}; NaN is 0. */
  public static int grey(double v, double lo, double hi) {
    double t = (v - lo) / (hi - lo);
    if (!(t > 0)) {
      return 0;
    }
    return t >= 1 ? 255 : (int) Math.round(t * 255);
  }
}
