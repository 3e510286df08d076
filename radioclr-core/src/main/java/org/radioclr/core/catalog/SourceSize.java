package org.radioclr.core.catalog;

/**
 * The extent of a catalogued source, used to size its cutout: the banner builder takes {@code side
 * = max(minSize, scale * boxSidePixels(degPerPixel))}, scale 1.5 in the paper.
 */
public sealed interface SourceSize
    permits SourceSize.PixelBox, SourceSize.Angular, SourceSize.Unknown {

  /**
   * The side, in map pixels, of the square that holds the source's bounding box: the larger of its
   * two extents.
   *
   * @param degPerPixel the map's pixel scale in degrees per pixel (> 0); unused for pixel sizes
   */
  double boxSidePixels(double degPerPixel);

  /** A bounding box in map pixels: width along x, height along y. */
  record PixelBox(double width, double height) implements SourceSize {
    public PixelBox {
      requireSize("width", width);
      requireSize("height", height);
    }

    @Override
    public double boxSidePixels(double degPerPixel) {
      requireScale(degPerPixel);
      return Math.max(width, height);
    }
  }

  /**
   * An angular extent in degrees: the full major and minor axis lengths (not semi-axes). The box
   * side is the major axis, which bounds the source whatever its position angle.
   */
  record Angular(double majorDeg, double minorDeg) implements SourceSize {
    public Angular {
      requireSize("major axis", majorDeg);
      requireSize("minor axis", minorDeg);
    }

    @Override
    public double boxSidePixels(double degPerPixel) {
      requireScale(degPerPixel);
      return Math.max(majorDeg, minorDeg) / degPerPixel;
    }
  }

  /** No size known: the box side is 0, so the cutout gets the builder's minimum size. */
  record Unknown() implements SourceSize {
    @Override
    public double boxSidePixels(double degPerPixel) {
      requireScale(degPerPixel);
      return 0;
    }
  }

  private static void requireSize(String what, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be finite and >= 0, got " + v);
    }
  }

  private static void requireScale(double degPerPixel) {
    if (!(degPerPixel > 0) || Double.isInfinite(degPerPixel)) {
      throw new IllegalArgumentException("degPerPixel must be finite and > 0, got " + degPerPixel);
    }
  }
}
