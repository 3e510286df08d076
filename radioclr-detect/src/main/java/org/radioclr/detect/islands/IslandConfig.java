package org.radioclr.detect.islands;

/**
 * Settings of the island finder.
 *
 * @param seedSigma an island needs a pixel this many rms above the background (5)
 * @param floodSigma islands are grown over pixels this many rms above the background (3)
 * @param boxBeams side of a background grid cell in beam widths (BANE's default box is about 30
 *     beams; 10 keeps several cells on a 256-pixel frame)
 * @param compactFactor an island whose flux-weighted FWHM major axis is at most this times the
 *     beam's is COMPACT, otherwise EXTENDED
 * @param minPixels smallest island kept, pixels
 */
public record IslandConfig(
    double seedSigma, double floodSigma, double boxBeams, double compactFactor, int minPixels) {

  /** 5σ seeds, 3σ flood, 10-beam cells, COMPACT up to 1.5 beams, at least 3 pixels. */
  public static final IslandConfig DEFAULT = new IslandConfig(5, 3, 10, 1.5, 3);

  public IslandConfig {
    if (!(floodSigma > 0) || Double.isInfinite(floodSigma)) {
      throw new IllegalArgumentException("flood sigma must be > 0, got " + floodSigma);
    }
    if (!(seedSigma >= floodSigma) || Double.isInfinite(seedSigma)) {
      throw new IllegalArgumentException(
          "seed sigma must be >= flood sigma (" + floodSigma + "), got " + seedSigma);
    }
    if (!(boxBeams > 0) || Double.isInfinite(boxBeams)) {
      throw new IllegalArgumentException("box size must be > 0 beams, got " + boxBeams);
    }
    if (!(compactFactor > 0) || Double.isInfinite(compactFactor)) {
      throw new IllegalArgumentException("compact factor must be > 0, got " + compactFactor);
    }
    if (minPixels < 1) {
      throw new IllegalArgumentException(
          "minimum island size must be >= 1 pixel, got " + minPixels);
    }
  }
}
