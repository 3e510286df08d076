package org.radioclr.core.augment;

import java.util.SplittableRandom;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.Json;
import org.radioclr.core.preprocess.BilinearResize;

/**
 * Crops a random region and resizes it back to the view's size (paper Table 2: crop fraction in
 * [0.8, 1.0], probability 1.0; a milder crop than SimCLR's so that extended sources keep their
 * details).
 *
 * <p>Semantics: one fraction {@code f} is drawn uniformly in {@code [minFraction, maxFraction]} and
 * applied to both sides, so the crop keeps the image's aspect ratio (a square for square images):
 * {@code cropH = clamp(round(f * height), 1, height)}, {@code cropW = clamp(round(f * width), 1,
 * width)}. Its corner is drawn uniformly among all positions inside the image ({@code y0} in {@code
 * [0, height - cropH]}, then {@code x0} in {@code [0, width - cropW]}). The same region is cut from
 * every channel and resized back to {@code height x width} with {@link BilinearResize} (Pillow's
 * bilinear filter: plain bilinear interpolation with pixel centres at {@code i + 0.5} when
 * enlarging). A crop of the whole image leaves the view unchanged. Three draws per application.
 *
 * @param minFraction smallest crop side as a fraction of the image side, in (0, 1]
 * @param maxFraction largest crop side as a fraction of the image side, in [minFraction, 1]
 */
public record RandomCropResize(double minFraction, double maxFraction) implements Augmentation {
  /** The paper's probability. */
  public static final double PAPER_PROBABILITY = 1.0;

  /** The paper's crop range, [0.8, 1.0]. */
  public static final RandomCropResize PAPER = new RandomCropResize(0.8, 1.0);

  @Json.Defaults
  static RandomCropResize jsonDefaults() {
    return PAPER;
  }

  public RandomCropResize {
    if (!(minFraction > 0 && minFraction <= 1)) {
      throw new IllegalArgumentException("min_fraction must be in (0, 1], got " + minFraction);
    }
    if (!(maxFraction >= minFraction && maxFraction <= 1)) {
      throw new IllegalArgumentException(
          "max_fraction must be in [min_fraction, 1] = ["
              + minFraction
              + ", 1], got "
              + maxFraction);
    }
  }

  @Override
  public void apply(AugmentView view, SplittableRandom random) {
    int h = view.height();
    int w = view.width();
    double f = Augmentation.uniform(random, minFraction, maxFraction);
    int ch = side(f, h);
    int cw = side(f, w);
    int y0 = random.nextInt(h - ch + 1);
    int x0 = random.nextInt(w - cw + 1);
    crop(view, x0, y0, cw, ch);
  }

  /** The crop side for fraction {@code f} of {@code size}: {@code round(f * size)} in [1, size]. */
  static int side(double f, int size) {
    return (int) Math.max(1, Math.min(size, Math.round(f * size)));
  }

  /** Cuts {@code [x0, x0 + cw) x [y0, y0 + ch)} from every channel and resizes it to the view. */
  static void crop(AugmentView view, int x0, int y0, int cw, int ch) {
    int h = view.height();
    int w = view.width();
    if (cw == w && ch == h) {
      return;
    }
    float[] d = view.data();
    int plane = h * w;
    for (int c = 0; c < view.channels(); c++) {
      float[] region = new float[cw * ch];
      for (int y = 0; y < ch; y++) {
        System.arraycopy(d, c * plane + (y0 + y) * w + x0, region, y * cw, cw);
      }
      Plane resized = BilinearResize.resize(new Plane(cw, ch, region), w, h);
      System.arraycopy(resized.data(), 0, d, c * plane, plane);
    }
  }

  @Override
  public double paperProbability() {
    return PAPER_PROBABILITY;
  }
}
