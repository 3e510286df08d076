package org.radioclr.detect.islands;

import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.core.preprocess.SigmaClipStage;
import org.radioclr.core.preprocess.Workspace;

/**
 * Background and noise of an image on a coarse grid, as BANE (Hancock et al. 2018) estimates them:
 * in each {@code box × box} cell the 3σ-clipped median (background) and standard deviation (rms) of
 * the valid pixels, bilinearly interpolated between cell centres (held constant beyond the outer
 * centres). A cell with fewer than a quarter valid pixels takes the whole image's values.
 *
 * @param background {@code [y * width + x]}, image units
 * @param rms {@code [y * width + x]}, image units, {@code > 0} where defined
 */
public record BackgroundGrid(float[] background, float[] rms) {
  private static final SigmaClipStage CLIP = new SigmaClipStage(3, 3, 5);

  /** Estimates the grid of {@code plane} with cells of {@code box} pixels. */
  public static BackgroundGrid estimate(Plane plane, int box) {
    if (box < 4) {
      throw new IllegalArgumentException("background box must be >= 4 pixels, got " + box);
    }
    int w = plane.width();
    int h = plane.height();
    int cx = Math.max(1, (int) Math.round(w / (double) box));
    int cy = Math.max(1, (int) Math.round(h / (double) box));
    Workspace ws = new Workspace();
    double[] global = clip(plane, 0, 0, w, h, ws);
    double[] bkgCells = new double[cx * cy];
    double[] rmsCells = new double[cx * cy];
    for (int j = 0; j < cy; j++) {
      for (int i = 0; i < cx; i++) {
        int x0 = i * w / cx;
        int x1 = (i + 1) * w / cx;
        int y0 = j * h / cy;
        int y1 = (j + 1) * h / cy;
        double[] s = clip(plane, x0, y0, x1, y1, ws);
        boolean ok = !Double.isNaN(s[0]) && s[2] >= 0.25 * (x1 - x0) * (y1 - y0) && s[1] > 0;
        bkgCells[j * cx + i] = ok ? s[0] : global[0];
        rmsCells[j * cx + i] = ok ? s[1] : global[1];
      }
    }
    float[] bkg = new float[w * h];
    float[] rms = new float[w * h];
    for (int y = 0; y < h; y++) {
      double fy = Math.clamp((y + 0.5) * cy / (double) h - 0.5, 0, cy - 1);
      int j0 = (int) Math.floor(fy);
      int j1 = Math.min(j0 + 1, cy - 1);
      double ty = fy - j0;
      for (int x = 0; x < w; x++) {
        double fx = Math.clamp((x + 0.5) * cx / (double) w - 0.5, 0, cx - 1);
        int i0 = (int) Math.floor(fx);
        int i1 = Math.min(i0 + 1, cx - 1);
        double tx = fx - i0;
        bkg[y * w + x] = (float) bilinear(bkgCells, cx, i0, i1, j0, j1, tx, ty);
        rms[y * w + x] = (float) bilinear(rmsCells, cx, i0, i1, j0, j1, tx, ty);
      }
    }
    return new BackgroundGrid(bkg, rms);
  }

  private static double bilinear(
      double[] c, int cx, int i0, int i1, int j0, int j1, double tx, double ty) {
    double a = c[j0 * cx + i0] * (1 - tx) + c[j0 * cx + i1] * tx;
    double b = c[j1 * cx + i0] * (1 - tx) + c[j1 * cx + i1] * tx;
    return a * (1 - ty) + b * ty;
  }

  /** {median, std, valid pixels} of the clipped window; NaN median without valid pixels. */
  private static double[] clip(Plane plane, int x0, int y0, int x1, int y1, Workspace ws) {
    double[] values = ws.values((x1 - x0) * (y1 - y0));
    int n = 0;
    float[] d = plane.data();
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        float v = d[y * plane.width() + x];
        if (Pixels.isValid(v)) {
          values[n++] = v;
        }
      }
    }
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN, 0};
    }
    SigmaClipStage.Clipped c = CLIP.clip(values, n, ws);
    return new double[] {c.median(), c.std(), n};
  }
}
