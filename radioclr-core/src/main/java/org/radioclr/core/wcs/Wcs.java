package org.radioclr.core.wcs;

import java.util.List;
import java.util.Objects;
import nom.tam.fits.Header;

/**
 * The celestial world coordinate system of a FITS image: maps pixel positions to sky positions and
 * back (Greisen &amp; Calabretta 2002, Paper I; Calabretta &amp; Greisen 2002, Paper II).
 *
 * <p><b>Pixel convention.</b> Pixel coordinates here are 0-based: x runs along NAXIS1 (the column,
 * {@code Plane} index {@code x}), y along NAXIS2 (the row); the centre of the first pixel is (0,
 * 0). FITS {@code CRPIXi} are 1-based, so pixel (CRPIX1 - 1, CRPIX2 - 1) is the reference point.
 * This is astropy's {@code wcs_pix2world(..., 0)}.
 *
 * <p><b>Defaults.</b> A missing {@code CRPIXn} or {@code CRVALn} is 0 and a missing {@code CDELTn}
 * 1, as the FITS standard says (Paper I); {@link #defaults()} lists those taken.
 *
 * <p><b>What is read.</b> Axes 1 and 2 only, which must be a celestial pair (RA/DEC or GLON/GLAT,
 * either order); further axes such as FREQ or STOKES are ignored even when the header describes
 * them for a 2-D image. The linear part may be given as CDi_j, as PCi_j with CDELTi, or as CDELTi
 * with the old AIPS CROTA2 (precedence PC, then CD, then CROTA, as in wcslib). Projections: SIN
 * (including the slant form with PV2_1, PV2_2), NCP (= SIN with xi = 0, eta = cot(CRVAL2)), TAN,
 * ARC, STG, ZEA, CAR, AIT. LONPOLE and LATPOLE have the defaults of Paper II. CUNIT may be deg,
 * arcmin, arcsec, mas or rad. The frame is Galactic for GLON/GLAT; for RA/DEC it is RADESYS (ICRS,
 * FK5) or, without RADESYS, FK5 when EQUINOX (or the old EPOCH) is 2000 and ICRS when neither is
 * given.
 *
 * <p><b>Outside the projection.</b> Points outside a projection's domain (beyond the SIN horizon,
 * the far hemisphere in TAN, outside the AIT ellipse) give NaN, never an exception. Longitudes are
 * returned in [0, 360).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Wcs {
  private final String projectionCode;
  private final CelestialFrame frame;
  private final boolean lonFirst;
  private final double crpix1;
  private final double crpix2;
  private final double m11;
  private final double m12;
  private final double m21;
  private final double m22;
  private final double i11;
  private final double i12;
  private final double i21;
  private final double i22;
  private final double crvalLon;
  private final double crvalLat;
  private final Projection projection;
  private final SphericalRotation rotation;
  private final List<String> defaults;

  Wcs(
      String projectionCode,
      CelestialFrame frame,
      boolean lonFirst,
      double crpix1,
      double crpix2,
      double[] cd,
      double crvalLon,
      double crvalLat,
      Projection projection,
      SphericalRotation rotation,
      List<String> defaults) {
    this.projectionCode = projectionCode;
    this.frame = frame;
    this.lonFirst = lonFirst;
    this.crpix1 = crpix1;
    this.crpix2 = crpix2;
    this.m11 = cd[0];
    this.m12 = cd[1];
    this.m21 = cd[2];
    this.m22 = cd[3];
    double det = m11 * m22 - m12 * m21;
    this.i11 = m22 / det;
    this.i12 = -m12 / det;
    this.i21 = -m21 / det;
    this.i22 = m11 / det;
    this.crvalLon = crvalLon;
    this.crvalLat = crvalLat;
    this.projection = projection;
    this.rotation = rotation;
    this.defaults = List.copyOf(defaults);
  }

  /**
   * Reads the celestial WCS of axes 1 and 2.
   *
   * @throws WcsException when the celestial WCS is missing, broken (non-numeric or missing values,
   *     a singular matrix, mismatched axes) or unsupported (projection, frame); the message is one
   *     line without the file name
   */
  public static Wcs fromHeader(Header header) {
    Objects.requireNonNull(header, "header");
    return WcsHeaderReader.read(header);
  }

  /**
   * Whether CTYPE1 and CTYPE2 declare a supported celestial axis pair with a supported projection.
   * Cheap: the other keywords are not checked, so {@link #fromHeader} may still fail.
   */
  public static boolean hasCelestialWcs(Header header) {
    Objects.requireNonNull(header, "header");
    try {
      WcsHeaderReader.axisPair(header);
      return true;
    } catch (WcsException e) {
      return false;
    }
  }

  /**
   * Sky position of a 0-based pixel position (x along NAXIS1, y along NAXIS2), in {@link #frame()};
   * {@link SkyCoord#isValid() invalid} (NaN) outside the projection's domain.
   */
  public SkyCoord pixelToSky(double x, double y) {
    double[] out = new double[2];
    pixelToSky(x, y, out);
    return new SkyCoord(out[0], out[1], frame);
  }

  /**
   * Allocation-free form of {@link #pixelToSky(double, double)}: writes {lon, lat} in degrees into
   * {@code lonLat[0..1]} (NaN outside the domain).
   */
  public void pixelToSky(double x, double y, double[] lonLat) {
    double dx = x + 1.0 - crpix1;
    double dy = y + 1.0 - crpix2;
    double w1 = m11 * dx + m12 * dy;
    double w2 = m21 * dx + m22 * dy;
    double px = Math.toRadians(lonFirst ? w1 : w2);
    double py = Math.toRadians(lonFirst ? w2 : w1);
    if (!projection.toNative(px, py, lonLat)) {
      lonLat[0] = Double.NaN;
      lonLat[1] = Double.NaN;
      return;
    }
    rotation.toCelestial(lonLat[0], lonLat[1], lonLat);
    lonLat[0] = SkyCoord.normalizeLongitude(Math.toDegrees(lonLat[0]));
    lonLat[1] = Math.toDegrees(lonLat[1]);
  }

  /**
   * 0-based pixel position {x, y} of a sky position given in {@link #frame()} (degrees); {NaN, NaN}
   * when the position cannot be projected (e.g. behind the SIN or TAN horizon). Positions outside
   * the image are returned as they are.
   */
  public double[] skyToPixel(double lon, double lat) {
    double[] out = new double[2];
    if (Double.isNaN(lon) || Double.isNaN(lat)) {
      out[0] = Double.NaN;
      out[1] = Double.NaN;
      return out;
    }
    rotation.toNative(Math.toRadians(lon), Math.toRadians(lat), out);
    if (!projection.toPlane(out[0], out[1], out)) {
      out[0] = Double.NaN;
      out[1] = Double.NaN;
      return out;
    }
    double w1 = Math.toDegrees(lonFirst ? out[0] : out[1]);
    double w2 = Math.toDegrees(lonFirst ? out[1] : out[0]);
    out[0] = i11 * w1 + i12 * w2 + crpix1 - 1.0;
    out[1] = i21 * w1 + i22 * w2 + crpix2 - 1.0;
    return out;
  }

  /** 0-based pixel position {x, y} of {@code c}, converted to {@link #frame()} first. */
  public double[] skyToPixel(SkyCoord c) {
    SkyCoord inFrame = c.to(frame);
    return skyToPixel(inFrame.lon(), inFrame.lat());
  }

  /** The frame of the sky positions this WCS produces and takes. */
  public CelestialFrame frame() {
    return frame;
  }

  /** The projection code from CTYPE: "SIN", "NCP", "TAN", "ARC", "STG", "ZEA", "CAR" or "AIT". */
  public String projection() {
    return projectionCode;
  }

  /**
   * Pixel size at the reference pixel in degrees per pixel, {along x, along y}: the lengths of the
   * columns of the CD matrix (astropy's {@code proj_plane_pixel_scales}); every supported
   * projection has unit scale at its reference point. A new array each call.
   */
  public double[] pixelScaleDeg() {
    return new double[] {Math.hypot(m11, m21), Math.hypot(m12, m22)};
  }

  /** The sky position of the reference pixel (CRVAL), in {@link #frame()}. */
  public SkyCoord referenceSky() {
    return new SkyCoord(crvalLon, crvalLat, frame);
  }

  /**
   * The keywords the header lacks and that took the default of the FITS standard (Greisen &amp;
   * Calabretta 2002: {@code CRPIXn} and {@code CRVALn} 0, {@code CDELTn} 1), as {@code KEY =
   * value}, in the order read; empty when the header gives them all.
   */
  public List<String> defaults() {
    return defaults;
  }

  /** The 0-based reference pixel {CRPIX1 - 1, CRPIX2 - 1}. */
  public double[] referencePixel() {
    return new double[] {crpix1 - 1.0, crpix2 - 1.0};
  }

  @Override
  public String toString() {
    return "Wcs["
        + projectionCode
        + ", "
        + frame
        + ", ref ("
        + crvalLon
        + ", "
        + crvalLat
        + ") at pixel ("
        + (crpix1 - 1.0)
        + ", "
        + (crpix2 - 1.0)
        + ")]";
  }
}
