package org.radioclr.core.augment;

import java.util.SplittableRandom;
import org.radioclr.core.io.Json;

/**
 * Colour jitter on a 3-channel view treated as RGB (channel 0 red, 1 green, 2 blue), as
 * torchvision's {@code ColorJitter} does on float tensors, with SimCLR's strength convention {@code
 * ColorJitter(0.8 s, 0.8 s, 0.8 s, 0.2 s)} (paper Table 2: brightness, contrast and saturation 0.8,
 * hue 0.2, strength 0.5; probability 0.8).
 *
 * <p>With the effective amounts {@code b = brightness * strength} (and so on), one application
 * draws a random order of the four adjustments (Fisher-Yates, three draws), then the factors in the
 * fixed order brightness {@code ~ U[max(0, 1 - b), 1 + b]}, contrast {@code ~ U[max(0, 1 - c), 1 +
 * c]}, saturation {@code ~ U[max(0, 1 - s), 1 + s]}, hue shift {@code ~ U[-h, h]} (always four
 * draws), and applies them in the drawn order; an adjustment whose amount is 0 is skipped (so all
 * amounts 0 is the identity). Each adjustment ends clamped to [0, 1]:
 *
 * <ul>
 *   <li>brightness: {@code v * f};
 *   <li>contrast: {@code f * v + (1 - f) * m}, {@code m} the mean over the image of the grey level
 *       {@code 0.299 r + 0.587 g + 0.114 b};
 *   <li>saturation: {@code f * v + (1 - f) * grey} per pixel (same luma weights);
 *   <li>hue: RGB to HSV, {@code h = (h + shift) mod 1}, back to RGB (torchvision's formulas).
 * </ul>
 *
 * <p>The luma weights are ITU-R 601's {@code 0.299, 0.587, 0.114} (Pillow's {@code convert("L")});
 * torchvision's tensor path uses 0.2989 for red, a difference below 1e-4 of a grey level.
 * Arithmetic is float32 per pixel (as torchvision's), the contrast mean is summed in double. Pixels
 * that were 0 (blank) may become non-zero through contrast (as in torchvision).
 *
 * @param brightness brightness amount before scaling by strength, {@code >= 0}
 * @param contrast contrast amount before scaling, {@code >= 0}
 * @param saturation saturation amount before scaling, {@code >= 0}
 * @param hue hue amount before scaling, {@code >= 0}, with {@code hue * strength <= 0.5}
 * @param strength SimCLR's colour strength {@code s}, {@code >= 0}
 */
public record ColorJitter(
    double brightness, double contrast, double saturation, double hue, double strength)
    implements Augmentation {
  /** The paper's probability. */
  public static final double PAPER_PROBABILITY = 0.8;

  /** The paper's jitter: 0.8, 0.8, 0.8, 0.2 at strength 0.5. */
  public static final ColorJitter PAPER = new ColorJitter(0.8, 0.8, 0.8, 0.2, 0.5);

  @Json.Defaults
  static ColorJitter jsonDefaults() {
    return PAPER;
  }

  static final float RED = 0.299f;
  static final float GREEN = 0.587f;
  static final float BLUE = 0.114f;

  public ColorJitter {
    nonNegative("brightness", brightness);
    nonNegative("contrast", contrast);
    nonNegative("saturation", saturation);
    nonNegative("hue", hue);
    nonNegative("strength", strength);
    if (hue * strength > 0.5) {
      throw new IllegalArgumentException(
          "hue * strength must be <= 0.5, got " + hue + " * " + strength + " = " + hue * strength);
    }
  }

  private static void nonNegative(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }
  }

  @Override
  public void checkShape(int channels, int height, int width) {
    if (channels != 3) {
      throw new IllegalArgumentException(
          "color jitter needs 3 channels (treated as RGB), got "
              + channels
              + "x"
              + height
              + "x"
              + width);
    }
  }

  @Override
  public void apply(AugmentView view, SplittableRandom random) {
    checkShape(view.channels(), view.height(), view.width());
    int[] order = {0, 1, 2, 3};
    for (int i = 3; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    double b = brightness * strength;
    double c = contrast * strength;
    double s = saturation * strength;
    double h = hue * strength;
    float fb = (float) Augmentation.uniform(random, Math.max(0, 1 - b), 1 + b);
    float fc = (float) Augmentation.uniform(random, Math.max(0, 1 - c), 1 + c);
    float fs = (float) Augmentation.uniform(random, Math.max(0, 1 - s), 1 + s);
    float fh = (float) Augmentation.uniform(random, -h, h);
    for (int op : order) {
      switch (op) {
        case 0 -> {
          if (b > 0) {
            brightness(view, fb);
          }
        }
        case 1 -> {
          if (c > 0) {
            contrast(view, fc);
          }
        }
        case 2 -> {
          if (s > 0) {
            saturation(view, fs);
          }
        }
        default -> {
          if (h > 0) {
            hue(view, fh);
          }
        }
      }
    }
  }

  /** {@code v = min(1, max(0, v * factor))} on every value. */
  static void brightness(AugmentView view, float factor) {
    float[] d = view.data();
    int n = view.size();
    for (int i = 0; i < n; i++) {
      d[i] = Math.min(1f, Math.max(0f, d[i] * factor));
    }
  }

  /** Blends every value with the image's mean grey level, then clamps. */
  static void contrast(AugmentView view, float factor) {
    float[] d = view.data();
    int n = view.planeSize();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += RED * d[i] + GREEN * d[n + i] + BLUE * d[2 * n + i];
    }
    float mean = (float) (sum / n);
    float offset = (1f - factor) * mean;
    int size = 3 * n;
    for (int i = 0; i < size; i++) {
      d[i] = Math.min(1f, Math.max(0f, factor * d[i] + offset));
    }
  }

  /** Blends every pixel with its own grey level, then clamps. */
  static void saturation(AugmentView view, float factor) {
    float[] d = view.data();
    int n = view.planeSize();
    float rest = 1f - factor;
    for (int i = 0; i < n; i++) {
      float r = d[i];
      float g = d[n + i];
      float b = d[2 * n + i];
      float grey = rest * (RED * r + GREEN * g + BLUE * b);
      d[i] = Math.min(1f, Math.max(0f, factor * r + grey));
      d[n + i] = Math.min(1f, Math.max(0f, factor * g + grey));
      d[2 * n + i] = Math.min(1f, Math.max(0f, factor * b + grey));
    }
  }

  /** Shifts the hue of every pixel by {@code shift} turns (torchvision's HSV round trip). */
  static void hue(AugmentView view, float shift) {
    float[] d = view.data();
    int n = view.planeSize();
    for (int i = 0; i < n; i++) {
      float r = d[i];
      float g = d[n + i];
      float b = d[2 * n + i];
      float maxc = Math.max(r, Math.max(g, b));
      float minc = Math.min(r, Math.min(g, b));
      if (maxc == minc) {
        continue; // grey: no hue, the round trip gives the pixel back
      }
      float cr = maxc - minc;
      float s = cr / maxc;
      float rc = (maxc - r) / cr;
      float gc = (maxc - g) / cr;
      float bc = (maxc - b) / cr;
      float hh;
      if (maxc == r) {
        hh = bc - gc;
      } else if (maxc == g) {
        hh = 2f + rc - bc;
      } else {
        hh = 4f + gc - rc;
      }
      float h = (hh / 6f + 1f) % 1f;
      h += shift;
      h -= (float) Math.floor(h);
      float v = maxc;
      float h6 = h * 6f;
      float fi = (float) Math.floor(h6);
      float f = h6 - fi;
      int sector = ((int) fi) % 6;
      float p = Math.min(1f, Math.max(0f, v * (1f - s)));
      float q = Math.min(1f, Math.max(0f, v * (1f - s * f)));
      float t = Math.min(1f, Math.max(0f, v * (1f - s * (1f - f))));
      switch (sector) {
        case 0 -> set(d, n, i, v, t, p);
        case 1 -> set(d, n, i, q, v, p);
        case 2 -> set(d, n, i, p, v, t);
        case 3 -> set(d, n, i, p, q, v);
        case 4 -> set(d, n, i, t, p, v);
        default -> set(d, n, i, v, p, q);
      }
    }
  }

  private static void set(float[] d, int n, int i, float r, float g, float b) {
    d[i] = r;
    d[n + i] = g;
    d[2 * n + i] = b;
  }

  @Override
  public double paperProbability() {
    return PAPER_PROBABILITY;
  }
}
