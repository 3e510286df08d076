package org.radioclr.core.image;

/**
 * Separable Gaussian smoothing of a {@link Plane}, with the kernel truncated at 4 sigma and the
 * border handled by renormalising the kernel over the pixels inside the image (no padding bias).
 * Used to make beam-correlated noise and to blur augmented views.
 */
public final class GaussianFilter {
  private final double sigma;
  private final float[] kernel;

  /**
   * @param sigma standard deviation in pixels, {@code > 0}
   */
  public GaussianFilter(double sigma) {
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be > 0, got " + sigma);
    }
    this.sigma = sigma;
    int radius = Math.max(1, (int) Math.ceil(4 * sigma));
    kernel = new float[2 * radius + 1];
    for (int i = -radius; i <= radius; i++) {
      kernel[i + radius] = (float) Math.exp(-0.5 * i * i / (sigma * sigma));
    }
  }

  /** The standard deviation in pixels. */
  public double sigma() {
    return sigma;
  }

  /** Returns a smoothed copy of {@code in}; {@code in} is not modified. */
  public Plane apply(Plane in) {
    int w = in.width();
    int h = in.height();
    float[] tmp = new float[w * h];
    float[] out = new float[w * h];
    int r = kernel.length / 2;
    float[] src = in.data();
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        int lo = Math.max(-r, -x);
        int hi = Math.min(r, w - 1 - x);
        double s = 0;
        double ws = 0;
        for (int k = lo; k <= hi; k++) {
          float kw = kernel[k + r];
          s += kw * src[row + x + k];
          ws += kw;
        }
        tmp[row + x] = (float) (s / ws);
      }
    }
    for (int y = 0; y < h; y++) {
      int lo = Math.max(-r, -y);
      int hi = Math.min(r, h - 1 - y);
      for (int x = 0; x < w; x++) {
        double s = 0;
        double ws = 0;
        for (int k = lo; k <= hi; k++) {
          float kw = kernel[k + r];
          s += kw * tmp[(y + k) * w + x];
          ws += kw;
        }
        out[y * w + x] = (float) (s / ws);
      }
    }
    return new Plane(w, h, out);
  }
}
