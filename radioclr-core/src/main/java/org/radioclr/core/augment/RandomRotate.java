package org.radioclr.core.augment;

import java.util.SplittableRandom;
import org.radioclr.core.io.Json;

/**
 * Rotates the view about its centre by an angle drawn uniformly in {@code [-maxDegrees,
 * maxDegrees)} (one draw), with bilinear interpolation; pixels that come from outside the image are
 * 0. Radio galaxies have no preferred orientation on the sky, so any angle keeps the class; with
 * the sky at 0 (a noise-floor pre-processing) the corners stay sky. Not in the paper's Table 2
 * (which rotates by quarter turns only); default probability 1.
 *
 * @param maxDegrees largest rotation either way, in (0, 180] (default 180: any angle)
 */
public record RandomRotate(double maxDegrees) implements Augmentation {

  @Json.Defaults
  static RandomRotate jsonDefaults() {
    return new RandomRotate(180);
  }

  public RandomRotate {
    if (!(maxDegrees > 0 && maxDegrees <= 180)) {
      throw new IllegalArgumentException("max_degrees must be in (0, 180], got " + maxDegrees);
    }
  }

  @Override
  public void apply(AugmentView view, SplittableRandom random) {
    rotate(view, Math.toRadians(Augmentation.uniform(random, -maxDegrees, maxDegrees)));
  }

  /** Rotates every channel by {@code radians} counter-clockwise about the view's centre. */
  static void rotate(AugmentView view, double radians) {
    int h = view.height();
    int w = view.width();
    int plane = h * w;
    double cos = Math.cos(radians);
    double sin = Math.sin(radians);
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    float[] in = view.data();
    float[] out = view.scratch();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        // the source of output pixel (x, y): the inverse rotation
        double dx = x - cx;
        double dy = y - cy;
        double sx = cx + cos * dx + sin * dy;
        double sy = cy - sin * dx + cos * dy;
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        for (int c = 0; c < view.channels(); c++) {
          int base = c * plane;
          double v =
              (1 - fy)
                      * ((1 - fx) * at(in, base, w, h, x0, y0)
                          + fx * at(in, base, w, h, x0 + 1, y0))
                  + fy
                      * ((1 - fx) * at(in, base, w, h, x0, y0 + 1)
                          + fx * at(in, base, w, h, x0 + 1, y0 + 1));
          out[base + y * w + x] = (float) v;
        }
      }
    }
    view.swap();
  }

  private static float at(float[] in, int base, int w, int h, int x, int y) {
    return x < 0 || y < 0 || x >= w || y >= h ? 0f : in[base + y * w + x];
  }

  @Override
  public double paperProbability() {
    return 1.0;
  }
}
