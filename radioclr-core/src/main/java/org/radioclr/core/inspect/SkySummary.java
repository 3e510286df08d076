package org.radioclr.core.inspect;

import java.util.List;
import java.util.Objects;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;

/**
 * Where a map lies on the sky, from its celestial WCS.
 *
 * @param projection the projection code ({@code TAN}, {@code NCP}, {@code SIN}...)
 * @param frame the frame of the map's own axes
 * @param pixelScaleXArcsec pixel size along x (NAXIS1) at the reference pixel, arcsec ({@link
 *     Wcs#pixelScaleDeg()})
 * @param pixelScaleYArcsec pixel size along y (NAXIS2) at the reference pixel, arcsec
 * @param widthArcmin nominal width of the image on the sky, arcmin: NAXIS1 times the x pixel scale
 *     (projection distortion away from the reference pixel ignored)
 * @param heightArcmin nominal height, arcmin: NAXIS2 times the y pixel scale
 * @param centre the image centre, pixel ((W-1)/2, (H-1)/2)
 * @param corners the centres of the corner pixels, in the order (0, 0), (W-1, 0), (0, H-1), (W-1,
 *     H-1)
 * @param defaults the WCS keywords the header lacks, taken at the FITS standard's default ({@link
 *     Wcs#defaults()}: {@code CRPIX1 = 0}...); empty when it gives them all
 */
public record SkySummary(
    String projection,
    CelestialFrame frame,
    double pixelScaleXArcsec,
    double pixelScaleYArcsec,
    double widthArcmin,
    double heightArcmin,
    SkyPoint centre,
    List<SkyPoint> corners,
    List<String> defaults) {

  public SkySummary {
    Objects.requireNonNull(projection, "projection");
    Objects.requireNonNull(frame, "frame");
    Objects.requireNonNull(centre, "centre");
    if (!(pixelScaleXArcsec > 0) || !(pixelScaleYArcsec > 0)) {
      throw new IllegalArgumentException(
          "pixel scale must be > 0, got " + pixelScaleXArcsec + " x " + pixelScaleYArcsec);
    }
    corners = List.copyOf(corners);
    defaults = List.copyOf(defaults);
    if (corners.size() != 4) {
      throw new IllegalArgumentException("need 4 corners, got " + corners.size());
    }
    CelestialFrame eq = equatorialFrame(frame);
    for (SkyPoint p : corners) {
      checkFrame(p, eq);
    }
    checkFrame(centre, eq);
  }

  private static void checkFrame(SkyPoint p, CelestialFrame eq) {
    if (p.equatorial().frame() != eq) {
      throw new IllegalArgumentException(
          "RA/Dec must be in " + eq + " for this map, got " + p.equatorial().frame());
    }
  }

  /** The sky summary of a {@code width x height} image with {@code wcs}. */
  public static SkySummary of(Wcs wcs, int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be >= 1x1, got " + width + "x" + height);
    }
    double[] scaleDeg = wcs.pixelScaleDeg();
    double sx = scaleDeg[0] * 3600.0;
    double sy = scaleDeg[1] * 3600.0;
    int xe = width - 1;
    int ye = height - 1;
    return new SkySummary(
        wcs.projection(),
        wcs.frame(),
        sx,
        sy,
        width * sx / 60.0,
        height * sy / 60.0,
        point(wcs, xe / 2.0, ye / 2.0),
        List.of(point(wcs, 0, 0), point(wcs, xe, 0), point(wcs, 0, ye), point(wcs, xe, ye)),
        wcs.defaults());
  }

  /** The frame of the RA/Dec in this summary: the map's, or ICRS for a Galactic map. */
  public CelestialFrame equatorialFrame() {
    return equatorialFrame(frame);
  }

  private static CelestialFrame equatorialFrame(CelestialFrame frame) {
    return frame == CelestialFrame.GALACTIC ? CelestialFrame.ICRS : frame;
  }

  private static SkyPoint point(Wcs wcs, double x, double y) {
    SkyCoord own = wcs.pixelToSky(x, y);
    return new SkyPoint(
        x, y, own.to(equatorialFrame(wcs.frame())), own.to(CelestialFrame.GALACTIC));
  }
}
