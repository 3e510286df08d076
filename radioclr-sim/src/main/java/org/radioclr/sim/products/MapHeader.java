package org.radioclr.sim.products;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import org.radioclr.core.BadInputException;
import org.radioclr.core.fits.Beam;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.core.wcs.WcsException;

/**
 * The primary header of a map, read without its pixels (so a 16k x 16k map costs a few KiB), with
 * what the products need from it: size, celestial WCS, beam, pixel scale.
 *
 * @param file the map
 * @param header its primary header
 * @param width NAXIS1
 * @param height NAXIS2
 * @param wcs its celestial WCS
 */
public record MapHeader(Path file, Header header, int width, int height, Wcs wcs) {

  /**
   * Reads the header of {@code file}.
   *
   * @throws BadInputException naming the file when it is missing, not FITS, not an image of at
   *     least 2 axes, or has no usable celestial WCS
   */
  public static MapHeader read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file, "no such file");
    }
    Header header;
    try (Fits fits = new Fits(file.toFile())) {
      BasicHDU<?> hdu = fits.readHDU();
      if (hdu == null) {
        throw new BadInputException(file, "no FITS header found");
      }
      header = hdu.getHeader();
    } catch (FitsException | IOException e) {
      throw new BadInputException(file, "cannot read the FITS header: " + e.getMessage(), e);
    }
    int naxis = header.getIntValue("NAXIS", 0);
    int w = header.getIntValue("NAXIS1", 0);
    int h = header.getIntValue("NAXIS2", 0);
    if (naxis < 2 || w < 1 || h < 1) {
      throw new BadInputException(file, "not a 2-D image (NAXIS=" + naxis + ")");
    }
    Wcs wcs;
    try {
      wcs = Wcs.fromHeader(header);
    } catch (WcsException e) {
      throw new BadInputException(file, "no usable celestial WCS: " + e.getMessage(), e);
    }
    return new MapHeader(file, header, w, h, wcs);
  }

  /** The restoring beam, when BMAJ and BMIN are there. */
  public Optional<Beam> beam() {
    return Beam.fromHeader(header);
  }

  /** Pixel sides along x and y in arcsec (absolute values, at the reference pixel). */
  public double[] pixelArcsec() {
    double[] deg = wcs.pixelScaleDeg();
    return new double[] {Math.abs(deg[0]) * 3600, Math.abs(deg[1]) * 3600};
  }

  /**
   * Beam solid angle in pixels, {@code pi bmaj bmin / (4 ln 2) / (dx dy)}; {@code fallback} when
   * the map has no beam.
   */
  public double beamAreaPixels(double fallback) {
    Optional<Beam> b = beam();
    if (b.isEmpty()) {
      return fallback;
    }
    double[] px = pixelArcsec();
    return Math.PI
        * b.get().majorArcsec()
        * b.get().minorArcsec()
        / (4 * Math.log(2))
        / (px[0] * px[1]);
  }
}
