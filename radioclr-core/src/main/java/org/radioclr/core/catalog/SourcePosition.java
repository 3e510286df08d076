package org.radioclr.core.catalog;

/** The position of a catalogued source: on the sky, or in map pixels. */
public sealed interface SourcePosition permits SourcePosition.Sky, SourcePosition.Pixel {

  /**
   * A sky position in degrees: longitude (right ascension) in [0, 360), latitude (declination) in
   * [-90, 90], in the catalogue's frame (usually ICRS/J2000).
   */
  record Sky(double lonDeg, double latDeg) implements SourcePosition {
    public Sky {
      if (!(lonDeg >= 0 && lonDeg < 360)) {
        throw new IllegalArgumentException("longitude must be in [0, 360) deg, got " + lonDeg);
      }
      if (!(latDeg >= -90 && latDeg <= 90)) {
        throw new IllegalArgumentException("latitude must be in [-90, 90] deg, got " + latDeg);
      }
    }
  }

  /**
   * A 0-based pixel position: {@code x} along a row (FITS axis 1), {@code y} across rows (FITS axis
   * 2, y = 0 the first FITS row), integer values at pixel centres, so FITS/DS9 pixel (1, 1) is (0,
   * 0) here, matching {@code Plane.data[y * width + x]}.
   */
  record Pixel(double x, double y) implements SourcePosition {
    public Pixel {
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw new IllegalArgumentException(
            "pixel position must be finite, got (" + x + ", " + y + ")");
      }
    }
  }
}
