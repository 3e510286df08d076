package org.radioclr.core.cutout;

/**
 * Settings of the source-centred ("banner") data sets of the paper (§2.2): one square cutout per
 * catalogued source, centred on it, with side {@code max(minSize, ceil(scale × box side))} pixels,
 * where the box side is the larger extent of the source's bounding box in map pixels (1.5 × the box
 * in the paper's banner_smgps and banner_emupilot sets). Sources whose cutout would be larger than
 * {@code maxSize} are skipped, which guards against absurd catalogue sizes. Cutouts whose fraction
 * of invalid pixels (NaN, infinite or 0: off the map or on its blank border) is above {@code
 * maxBlankFraction} are skipped too; with 1 (the default) only cutouts without any valid pixel are.
 *
 * @param scale cutout side over source box side (paper: 1.5), finite and &gt; 0
 * @param minSize smallest cutout side in pixels, used for compact sources or unknown sizes (32)
 * @param maxSize largest cutout side in pixels (4096); at most {@value #LIMIT}
 * @param maxBlankFraction largest fraction of invalid pixels of a kept cutout, in [0, 1] (1; the
 *     pre-processing rejects images above 0.3, {@code
 *     PreprocessConfig.DEFAULT_MAX_INVALID_FRACTION})
 */
public record BannerConfig(double scale, int minSize, int maxSize, double maxBlankFraction)
    implements java.io.Serializable {

  /** Largest {@code maxSize} accepted: a 16384² float32 cutout is already 1 GiB. */
  public static final int LIMIT = 16384;

  /** The paper's setting: 1.5 × the source box, at least 32 and at most 4096 pixels. */
  public static final BannerConfig PAPER = new BannerConfig(1.5, 32, 4096);

  /** Slack for floating-point products such as 1.1 × 10 = 11.000000000000002. */
  private static final double CEIL_SLACK = 1e-9;

  public BannerConfig {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be finite and > 0, got " + scale);
    }
    if (minSize < 8) {
      throw new IllegalArgumentException("minimum size must be >= 8 pixels, got " + minSize);
    }
    if (maxSize < minSize) {
      throw new IllegalArgumentException(
          "maximum size must be >= the minimum size " + minSize + ", got " + maxSize);
    }
    if (maxSize > LIMIT) {
      throw new IllegalArgumentException(
          "maximum size must be <= " + LIMIT + " pixels, got " + maxSize);
    }
    if (!(maxBlankFraction >= 0 && maxBlankFraction <= 1)) {
      throw new IllegalArgumentException(
          "maximum blank fraction must be in [0, 1], got " + maxBlankFraction);
    }
  }

  /** Keeps every cutout that has a valid pixel ({@code maxBlankFraction} 1). */
  public BannerConfig(double scale, int minSize, int maxSize) {
    this(scale, minSize, maxSize, 1);
  }

  /** The same settings with another blank limit. */
  public BannerConfig withMaxBlankFraction(double fraction) {
    return new BannerConfig(scale, minSize, maxSize, fraction);
  }

  /**
   * The cutout side in pixels for a source whose bounding box has side {@code boxSidePixels}:
   * {@code max(minSize, ceil(scale × boxSidePixels))}. It may exceed {@link #maxSize()} (the
   * builder skips such sources); a very large or infinite box gives {@link Long#MAX_VALUE}.
   *
   * @param boxSidePixels the source box side in map pixels, finite and &gt;= 0
   */
  public long side(double boxSidePixels) {
    if (!(boxSidePixels >= 0)) {
      throw new IllegalArgumentException("box side must be >= 0 pixels, got " + boxSidePixels);
    }
    double side = Math.ceil(scale * boxSidePixels - CEIL_SLACK);
    if (!(side < Long.MAX_VALUE)) {
      return Long.MAX_VALUE;
    }
    return Math.max(minSize, (long) side);
  }

  /** Whether a cutout of this side is allowed ({@code <= maxSize}). */
  public boolean allows(long side) {
    return side <= maxSize;
  }
}
