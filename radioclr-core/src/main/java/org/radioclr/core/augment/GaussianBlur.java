package org.radioclr.core.augment;

import java.util.SplittableRandom;
import org.radioclr.core.image.GaussianFilter;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.Json;

/**
 * Gaussian blur with a standard deviation drawn uniformly in {@code [sigmaMin, sigmaMax]} pixels,
 * once per application and the same for every channel (paper Table 2: sigma in [1, 3], probability
 * 0.1). Smoothing is {@link GaussianFilter}: separable, kernel truncated at 4 sigma, the border
 * handled by renormalising the kernel over the pixels inside the image, so a constant image stays
 * constant and the mean is kept away from the borders. One draw per application.
 *
 * @param sigmaMin smallest sigma in pixels, {@code > 0}
 * @param sigmaMax largest sigma in pixels, {@code >= sigmaMin}, finite
 */
public record GaussianBlur(double sigmaMin, double sigmaMax) implements Augmentation {
  /** The paper's probability. */
  public static final double PAPER_PROBABILITY = 0.1;

  /** The paper's sigma range, [1, 3] pixels. */
  public static final GaussianBlur PAPER = new GaussianBlur(1, 3);

  @Json.Defaults
  static GaussianBlur jsonDefaults() {
    return PAPER;
  }

  public GaussianBlur {
    if (!(sigmaMin > 0) || Double.isInfinite(sigmaMin)) {
      throw new IllegalArgumentException("sigma_min must be finite and > 0, got " + sigmaMin);
    }
    if (!(sigmaMax >= sigmaMin) || Double.isInfinite(sigmaMax)) {
      throw new IllegalArgumentException(
          "sigma_max must be finite and >= sigma_min = " + sigmaMin + ", got " + sigmaMax);
    }
  }

  @Override
  public void apply(AugmentView view, SplittableRandom random) {
    blur(view, Augmentation.uniform(random, sigmaMin, sigmaMax));
  }

  /** Blurs every channel of the view with {@code sigma}. */
  static void blur(AugmentView view, double sigma) {
    GaussianFilter filter = new GaussianFilter(sigma);
    int w = view.width();
    int h = view.height();
    int plane = w * h;
    float[] d = view.data();
    for (int c = 0; c < view.channels(); c++) {
      float[] channel = new float[plane];
      System.arraycopy(d, c * plane, channel, 0, plane);
      Plane out = filter.apply(new Plane(w, h, channel));
      System.arraycopy(out.data(), 0, d, c * plane, plane);
    }
  }

  @Override
  public double paperProbability() {
    return PAPER_PROBABILITY;
  }
}
