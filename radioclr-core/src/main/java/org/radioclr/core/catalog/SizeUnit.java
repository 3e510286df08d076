package org.radioclr.core.catalog;

import java.util.Locale;

/** The unit of size columns (major/minor axis) of a catalogue. */
public enum SizeUnit {
  ARCSEC(3600.0),
  ARCMIN(60.0),
  DEG(1.0),
  /** Map pixels: the size is not angular. */
  PIXEL(Double.NaN);

  private final double perDegree;

  SizeUnit(double perDegree) {
    this.perDegree = perDegree;
  }

  /** True for the angular units. */
  public boolean isAngular() {
    return this != PIXEL;
  }

  /**
   * Converts a size in this unit to degrees.
   *
   * @throws IllegalStateException for {@link #PIXEL}
   */
  public double toDegrees(double value) {
    if (!isAngular()) {
      throw new IllegalStateException("pixel sizes have no angular value without a pixel scale");
    }
    return value / perDegree;
  }

  /** Parses a unit as a user types it: arcsec, arcmin, deg (or degree[s]), pixel (or pix, px). */
  public static SizeUnit parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "arcsec", "asec", "\"" -> ARCSEC;
      case "arcmin", "amin", "'" -> ARCMIN;
      case "deg", "degree", "degrees" -> DEG;
      case "pixel", "pixels", "pix", "px" -> PIXEL;
      default ->
          throw new IllegalArgumentException(
              "size unit must be arcsec, arcmin, deg or pixel, got '" + name + "'");
    };
  }
}
