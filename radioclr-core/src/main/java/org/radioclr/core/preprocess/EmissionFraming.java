package org.radioclr.core.preprocess;

import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.Json;

/**
 * An automatic field for users without a catalogue size: the smallest centred square holding {@code
 * flux} of the emission above {@code sigma} times the noise, widened by {@code margin}. Noise and
 * sky level are the sigma-clipped rms and median of the valid pixels (3σ, 5 iterations); the
 * emission is each pixel's excess over the sky where it exceeds {@code sigma} rms; its extent is
 * the flux-weighted {@code flux} quantile of the pixels' Chebyshev distance from the image centre.
 * The side is at least {@code minFraction} of the image's shorter side (a point source keeps some
 * sky around it) and at most the whole side; an image without emission keeps the whole field.
 *
 * @param sigma detection threshold in clipped rms above the clipped median, &gt; 0 (default 5)
 * @param flux fraction of the detected flux the square must hold, in (0, 1] (default 0.95)
 * @param margin factor applied to the half-side found, &ge; 1 (default 1.25)
 * @param minFraction smallest side as a fraction of the shorter side, in (0, 1] (default 0.2)
 */
public record EmissionFraming(double sigma, double flux, double margin, double minFraction)
    implements Framing {

  /** The defaults: 5σ, 95% of the flux, 25% margin, at least 20% of the field. */
  public static final EmissionFraming DEFAULT = new EmissionFraming(5, 0.95, 1.25, 0.2);

  private static final SigmaClipStage NOISE = new SigmaClipStage(3, 3, 5);

  @Json.Defaults
  static EmissionFraming jsonDefaults() {
    return DEFAULT;
  }

  public EmissionFraming {
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
    }
    if (!(flux > 0 && flux <= 1)) {
      throw new IllegalArgumentException("flux must be in (0, 1], got " + flux);
    }
    if (!(margin >= 1) || Double.isInfinite(margin)) {
      throw new IllegalArgumentException("margin must be finite and >= 1, got " + margin);
    }
    if (!(minFraction > 0 && minFraction <= 1)) {
      throw new IllegalArgumentException("min_fraction must be in (0, 1], got " + minFraction);
    }
  }

  /**
   * {@code framed on the emission (centred square holding 95% of the flux above 5σ, widened by 25%,
   * at least 20% of the field)}.
   */
  @Override
  public String describe() {
    return "framed on the emission (centred square holding "
        + RecipeText.percent(flux)
        + " of the flux above "
        + RecipeText.number(sigma)
        + "σ, widened by "
        + RecipeText.percent(margin - 1)
        + ", at least "
        + RecipeText.percent(minFraction)
        + " of the field)";
  }

  @Override
  public int side(Plane image, Workspace workspace) {
    int w = image.width();
    int h = image.height();
    int shorter = Math.min(w, h);
    float[] data = image.data();
    double[] values = workspace.channel(data.length);
    int n = 0;
    for (float v : data) {
      if (Pixels.isValid(v)) {
        values[n++] = v;
      }
    }
    if (n == 0) {
      return shorter;
    }
    SigmaClipStage.Clipped sky = NOISE.clip(values, n, workspace);
    double threshold = sky.median() + sigma * sky.std();
    // flux per integer Chebyshev distance from the centre (half a pixel apart for even sides)
    int maxDistance = Math.max(w, h);
    double[] fluxAt = new double[maxDistance + 1];
    double total = 0;
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float v = data[y * w + x];
        if (Pixels.isValid(v) && v > threshold) {
          int d = (int) Math.ceil(Math.max(Math.abs(x - cx), Math.abs(y - cy)));
          double excess = v - sky.median();
          fluxAt[d] += excess;
          total += excess;
        }
      }
    }
    if (!(total > 0)) {
      return shorter;
    }
    double enclosed = 0;
    int half = 0;
    while (half < maxDistance && enclosed + fluxAt[half] < flux * total) {
      enclosed += fluxAt[half];
      half++;
    }
    long side = Math.round(2 * (half + 0.5) * margin);
    long smallest = Math.max(1, Math.round(minFraction * shorter));
    return (int) Math.min(shorter, Math.max(smallest, side));
  }
}
