package org.radioclr.sim.map;

import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.sim.SimPreset;

/**
 * The celestial WCS of a simulated map: orthographic (SIN) projection in ICRS centred on the field,
 * square pixels with RA growing to the left ({@code CDELT1 < 0}) and Dec growing up (with row index
 * y), no rotation. The reference pixel is the map centre, 0-based {@code ((width - 1) / 2, (height
 * - 1) / 2)} ({@code CRPIXi} are that plus one).
 *
 * <p>The projection (Calabretta &amp; Greisen 2002, SIN with native pole at the reference point): a
 * sky position (α, δ) has direction cosines {@code ξ = cos δ sin(α − α0)} and {@code η = sin δ cos
 * δ0 − cos δ sin δ0 cos(α − α0)}; the 0-based pixel is {@code x = x0 − ξ° / pixelDeg}, {@code y =
 * y0 + η° / pixelDeg}, where ξ°, η° are the cosines times 180/π.
 *
 * @param raDeg right ascension of the map centre, degrees in [0, 360)
 * @param decDeg declination of the map centre, degrees in (-90, 90)
 * @param width map width, pixels
 * @param height map height, pixels
 * @param pixelArcsec pixel side, arcsec
 */
public record MapWcs(double raDeg, double decDeg, int width, int height, double pixelArcsec) {

  public MapWcs {
    if (!(raDeg >= 0 && raDeg < 360)) {
      throw new IllegalArgumentException("RA must be in [0, 360) degrees, got " + raDeg);
    }
    if (!(decDeg > -90 && decDeg < 90)) {
      throw new IllegalArgumentException("Dec must be in (-90, 90) degrees, got " + decDeg);
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("map size must be positive, got " + width + "x" + height);
    }
    if (!(pixelArcsec > 0) || Double.isInfinite(pixelArcsec)) {
      throw new IllegalArgumentException("pixel scale must be > 0 arcsec, got " + pixelArcsec);
    }
  }

  /**
   * The WCS of field {@code fieldIndex} of a preset. Fields are laid side by side in RA (10% apart)
   * at a declination typical of the survey: EMU-pilot-like fields at δ = −55°, FIRST-like at δ =
   * +30°, others at δ = +2°; Galactic-plane presets step along the plane from l = 300° with the
   * centre a little off b = 0 (within ±20% of the map side), converted to ICRS.
   */
  public static MapWcs forField(SimPreset preset, int fieldIndex, int width, int height) {
    if (fieldIndex < 0) {
      throw new IllegalArgumentException("field index must be >= 0, got " + fieldIndex);
    }
    double sideDeg = Math.max(width, height) * preset.pixelArcsec() / 3600.0;
    double step = 1.1 * sideDeg;
    if (preset.galacticPlane()) {
      double l = 300.0 + fieldIndex * step;
      // a fixed, index-dependent offset from the plane: golden-ratio sequence in [-0.2, 0.2) side
      double frac = (fieldIndex * 0.6180339887498949) % 1.0;
      double b = (frac - 0.5) * 0.4 * sideDeg;
      SkyCoord icrs = new SkyCoord(l, b, CelestialFrame.GALACTIC).to(CelestialFrame.ICRS);
      return new MapWcs(icrs.lon(), icrs.lat(), width, height, preset.pixelArcsec());
    }
    double dec =
        switch (preset.name()) {
          case "emu-pilot" -> -55.0;
          case "first" -> 30.0;
          default -> 2.0;
        };
    double ra = 150.0 + fieldIndex * step / Math.cos(Math.toRadians(dec));
    return new MapWcs(SkyCoord.normalizeLongitude(ra), dec, width, height, preset.pixelArcsec());
  }

  /** Pixel side in degrees. */
  public double pixelDeg() {
    return pixelArcsec / 3600.0;
  }

  /** FITS {@code CRPIX1} (1-based): the centre column. */
  public double crpix1() {
    return (width + 1) / 2.0;
  }

  /** FITS {@code CRPIX2} (1-based): the centre row. */
  public double crpix2() {
    return (height + 1) / 2.0;
  }

  /**
   * Sky position {RA, Dec} in degrees (ICRS) of the 0-based pixel {@code (x, y)}; NaN beyond the
   * SIN horizon.
   */
  public double[] pixelToSky(double x, double y) {
    double xi = Math.toRadians(-(x - (crpix1() - 1)) * pixelDeg());
    double eta = Math.toRadians((y - (crpix2() - 1)) * pixelDeg());
    double r2 = xi * xi + eta * eta;
    if (r2 > 1) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double zeta = Math.sqrt(1 - r2); // third direction cosine, towards the field centre
    double d0 = Math.toRadians(decDeg);
    // rotate (xi, eta, zeta) from the tangent frame to equatorial
    double cx = zeta * Math.cos(d0) - eta * Math.sin(d0);
    double cy = xi;
    double cz = zeta * Math.sin(d0) + eta * Math.cos(d0);
    double dra = Math.atan2(cy, cx);
    double dec = Math.asin(Math.max(-1, Math.min(1, cz)));
    return new double[] {
      SkyCoord.normalizeLongitude(raDeg + Math.toDegrees(dra)), Math.toDegrees(dec)
    };
  }

  /**
   * 0-based pixel {x, y} of the sky position (RA, Dec) in degrees (ICRS); NaN on the far
   * hemisphere.
   */
  public double[] skyToPixel(double ra, double dec) {
    double a = Math.toRadians(ra - raDeg);
    double d = Math.toRadians(dec);
    double d0 = Math.toRadians(decDeg);
    double zeta = Math.sin(d) * Math.sin(d0) + Math.cos(d) * Math.cos(d0) * Math.cos(a);
    if (zeta < 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double xi = Math.cos(d) * Math.sin(a);
    double eta = Math.sin(d) * Math.cos(d0) - Math.cos(d) * Math.sin(d0) * Math.cos(a);
    return new double[] {
      crpix1() - 1 - Math.toDegrees(xi) / pixelDeg(),
      crpix2() - 1 + Math.toDegrees(eta) / pixelDeg()
    };
  }
}
