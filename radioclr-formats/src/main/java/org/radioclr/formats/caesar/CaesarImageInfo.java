package org.radioclr.formats.caesar;

import java.util.Objects;

/**
 * The image metadata of a caesar-mrcnn annotation.
 *
 * @param nx image width, pixels
 * @param ny image height, pixels
 * @param dx pixel size along x, arcsec (CDELT1 × 3600, negative for RA)
 * @param dy pixel size along y, arcsec
 * @param bmaj beam major axis FWHM, arcsec
 * @param bmin beam minor axis FWHM, arcsec
 * @param bkg background level, Jy/beam
 * @param rms noise rms, Jy/beam
 * @param telescope telescope or survey name
 * @param x0 column of the image's first pixel in its map (a radioclr addition, 0 when unknown)
 * @param y0 row of the image's first pixel in its map (0 when unknown)
 */
public record CaesarImageInfo(
    int nx,
    int ny,
    double dx,
    double dy,
    double bmaj,
    double bmin,
    double bkg,
    double rms,
    String telescope,
    int x0,
    int y0) {

  public CaesarImageInfo {
    Objects.requireNonNull(telescope, "telescope");
    if (nx < 1 || ny < 1) {
      throw new IllegalArgumentException("image size must be at least 1x1, got " + nx + "x" + ny);
    }
  }

  /** Pixels in one beam area, {@code π bmaj bmin / (4 ln 2) / |dx dy|}. */
  public double pixelsPerBeam() {
    return Math.PI * bmaj * bmin / (4 * Math.log(2)) / Math.abs(dx * dy);
  }
}
