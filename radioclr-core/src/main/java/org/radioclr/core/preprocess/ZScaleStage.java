package org.radioclr.core.preprocess;

import org.radioclr.core.io.Json;

/**
 * The IRAF zscale stretch, exactly as astropy 5.2.1 {@code ZScaleInterval.get_limits}, followed by
 * clamping to the limits. On the valid values in row-major order: take every {@code stride}-th
 * value ({@code stride = max(1, int(n / nSamples))}, at most {@code nSamples} of them) and sort
 * them; fit a line to the sorted samples by least squares over the good samples, reject samples
 * further than {@code krej} population standard deviations of the residuals from the line, grow the
 * rejected set with a box of {@code max(1, int(0.01 * npix))} samples ({@code np.convolve(...,
 * mode="same")}) and refit, for at most {@code maxIterations} rounds or until no more samples are
 * rejected or fewer than {@code max(minNpixels, int(npix * maxReject))} remain. If enough samples
 * remain, the limits are {@code median -/+ slope / contrast * (distance from the centre sample)},
 * bounded by the sample minimum and maximum; otherwise they are the sample minimum and maximum.
 *
 * @param nSamples number of samples taken from the image, &ge; 1 (1000)
 * @param contrast slope divisor in (0, 1] (paper: 0.25 for channel 2, 0.4 for channel 3)
 * @param maxReject largest rejected fraction in [0, 1] (0.5)
 * @param minNpixels fewest samples left after rejection, &ge; 2 (5)
 * @param krej rejection threshold in standard deviations, &gt; 0 (2.5)
 * @param maxIterations most fit-and-reject rounds, &ge; 1 (5)
 */
public record ZScaleStage(
    int nSamples, double contrast, double maxReject, int minNpixels, double krej, int maxIterations)
    implements ChannelStage {

  /** The zscale defaults of astropy with the given contrast. */
  public static ZScaleStage withContrast(double contrast) {
    return new ZScaleStage(1000, contrast, 0.5, 5, 2.5, 5);
  }

  @Json.Defaults
  static ZScaleStage jsonDefaults() {
    return withContrast(0.25);
  }

  public ZScaleStage {
    if (nSamples < 1) {
      throw new IllegalArgumentException("n_samples must be >= 1, got " + nSamples);
    }
    if (!(contrast > 0 && contrast <= 1)) {
      throw new IllegalArgumentException("contrast must be in (0,1], got " + contrast);
    }
    if (!(maxReject >= 0 && maxReject <= 1)) {
      throw new IllegalArgumentException("max_reject must be in [0,1], got " + maxReject);
    }
    if (minNpixels < 2) {
      throw new IllegalArgumentException("min_npixels must be >= 2, got " + minNpixels);
    }
    if (!(krej > 0) || Double.isInfinite(krej)) {
      throw new IllegalArgumentException("krej must be finite and > 0, got " + krej);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("max_iterations must be >= 1, got " + maxIterations);
    }
  }

  /**
   * The zscale limits {@code (z1, z2)} of {@code values[0..n)} (left unchanged), in row-major order
   * of the valid pixels: {@code fit(values, n, workspace).limits(contrast())}.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Interval limits(double[] values, int n, Workspace workspace) {
    return fit(values, n, workspace).limits(contrast);
  }

  /**
   * {@code zscale (contrast 0.25)}, followed by the other parameters that differ from astropy's
   * defaults ({@link #withContrast}), e.g. {@code zscale (contrast 0.25, krej 3)}.
   */
  @Override
  public String describe() {
    ZScaleStage usual = withContrast(contrast);
    StringBuilder sb = new StringBuilder("zscale (contrast ").append(RecipeText.number(contrast));
    if (nSamples != usual.nSamples) {
      sb.append(", ").append(nSamples).append(" samples");
    }
    if (Double.compare(maxReject, usual.maxReject) != 0) {
      sb.append(", max reject ").append(RecipeText.number(maxReject));
    }
    if (minNpixels != usual.minNpixels) {
      sb.append(", min pixels ").append(minNpixels);
    }
    if (Double.compare(krej, usual.krej) != 0) {
      sb.append(", krej ").append(RecipeText.number(krej));
    }
    if (maxIterations != usual.maxIterations) {
      sb.append(", at most ").append(maxIterations).append(" iterations");
    }
    return sb.append(')').toString();
  }

  /**
   * Whether {@code other} differs from this stage at most in its contrast, so that both have the
   * same {@link #fit} of any values (the paper's two zscale channels share one fit).
   */
  public boolean sharesFitWith(ZScaleStage other) {
    return nSamples == other.nSamples
        && Double.compare(maxReject, other.maxReject) == 0
        && minNpixels == other.minNpixels
        && Double.compare(krej, other.krej) == 0
        && maxIterations == other.maxIterations;
  }

  /**
   * The contrast-independent part of zscale on {@code values[0..n)} (left unchanged): sampling,
   * sorting and the iterative line fit.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public Fit fit(double[] values, int n, Workspace workspace) {
    if (n < 1) {
      throw new IllegalArgumentException("zscale needs at least 1 value, got " + n);
    }
    int stride = (int) Math.max(1.0, (double) n / nSamples);
    int npix = Math.min(nSamples, (n - 1) / stride + 1);
    double[] picked = workspace.samples(npix);
    for (int i = 0; i < npix; i++) {
      picked[i] = values[i * stride];
    }
    double[] s = workspace.sortedSamples(npix);
    RadixSort.sortedCopy(picked, npix, s, workspace);
    double vmin = s[0];
    double vmax = s[npix - 1];

    int minpix = Math.max(minNpixels, (int) (npix * maxReject));
    int ngoodpix = npix;
    int lastNgoodpix = npix + 1;
    boolean[] bad = workspace.badpix(npix);
    int[] prefix = workspace.prefix(npix + 1);
    int ngrow = Math.max(1, (int) (npix * 0.01));
    int growLeft =
        ngrow / 2; // np.convolve(mode="same") with ones(ngrow): [i - ngrow/2, i + (ngrow-1)/2]
    int growRight = (ngrow - 1) / 2;
    double slope = Double.NaN;

    for (int iteration = 0; iteration < maxIterations; iteration++) {
      if (ngoodpix >= lastNgoodpix || ngoodpix < minpix) {
        break;
      }
      // Least-squares line through the good samples (np.polyfit(x, samples, 1, w=~badpix)).
      double sx = 0;
      double sy = 0;
      int count = 0;
      for (int i = 0; i < npix; i++) {
        if (!bad[i]) {
          sx += i;
          sy += s[i];
          count++;
        }
      }
      double xm = sx / count;
      double ym = sy / count;
      double sxx = 0;
      double sxy = 0;
      for (int i = 0; i < npix; i++) {
        if (!bad[i]) {
          double dx = i - xm;
          sxx += dx * dx;
          sxy += dx * (s[i] - ym);
        }
      }
      slope = sxy / sxx;
      double intercept = ym - slope * xm;

      // k-sigma threshold from the residuals of the good samples.
      double rsum = 0;
      for (int i = 0; i < npix; i++) {
        if (!bad[i]) {
          rsum += s[i] - (slope * i + intercept);
        }
      }
      double rmean = rsum / count;
      double rss = 0;
      for (int i = 0; i < npix; i++) {
        if (!bad[i]) {
          double d = s[i] - (slope * i + intercept) - rmean;
          rss += d * d;
        }
      }
      double threshold = krej * Math.sqrt(rss / count);
      for (int i = 0; i < npix; i++) {
        double flat = s[i] - (slope * i + intercept);
        if (flat < -threshold || flat > threshold) {
          bad[i] = true;
        }
      }

      // Grow the rejected samples (np.convolve(badpix, ones(ngrow), mode="same")).
      prefix[0] = 0;
      for (int i = 0; i < npix; i++) {
        prefix[i + 1] = prefix[i] + (bad[i] ? 1 : 0);
      }
      lastNgoodpix = ngoodpix;
      ngoodpix = 0;
      for (int i = 0; i < npix; i++) {
        int from = Math.max(0, i - growLeft);
        int to = Math.min(npix, i + growRight + 1);
        bad[i] = prefix[to] - prefix[from] > 0;
        if (!bad[i]) {
          ngoodpix++;
        }
      }
    }

    double median = (npix & 1) == 1 ? s[npix / 2] : (s[npix / 2 - 1] + s[npix / 2]) / 2.0;
    return new Fit(vmin, vmax, median, slope, npix, ngoodpix >= minpix);
  }

  /**
   * The outcome of the zscale sampling and line fit, from which the limits for any contrast follow.
   *
   * @param sampleMin smallest sample
   * @param sampleMax largest sample
   * @param median median of the samples ({@code numpy.median})
   * @param slope slope of the last fitted line, in image units per sample (NaN if no fit ran)
   * @param samples number of samples {@code npix}, &ge; 1
   * @param enoughLeft whether enough samples survived the rejection for the slope to be used
   */
  public record Fit(
      double sampleMin,
      double sampleMax,
      double median,
      double slope,
      int samples,
      boolean enoughLeft) {

    /**
     * The limits for {@code contrast}: {@code median -/+ slope / contrast * (distance from the
     * centre sample)} bounded by the sample range, or the sample range when too few samples were
     * left.
     *
     * @throws IllegalArgumentException if {@code contrast} is not in (0, 1]
     */
    public Interval limits(double contrast) {
      if (!(contrast > 0 && contrast <= 1)) {
        throw new IllegalArgumentException("contrast must be in (0,1], got " + contrast);
      }
      if (!enoughLeft) {
        return new Interval(sampleMin, sampleMax);
      }
      double scaled = slope / contrast;
      int centerPixel = (samples - 1) / 2;
      return new Interval(
          Math.max(sampleMin, median - (centerPixel - 1) * scaled),
          Math.min(sampleMax, median + (samples - centerPixel) * scaled));
    }
  }

  /** Clamps {@code values[0..n)} to their zscale limits. */
  @Override
  public void apply(double[] values, int n, Workspace workspace) {
    limits(values, n, workspace).clamp(values, n);
  }
}
