package org.radioclr.sim.products;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.mask.Masks;
import org.radioclr.formats.mask.SourceMask;
import org.radioclr.sim.model.Gaussian;
import org.radioclr.sim.model.PixelBeam;
import org.radioclr.sim.model.SimSource;
import org.radioclr.sim.model.SourceTruth;

/**
 * Small synthetic fields for the tests: a SIN-projected map (2"/pixel, 10" circular beam, 50
 * µJy/beam white noise) with circular Gaussian sources convolved with the beam, and truths whose
 * masks are the model above 3 rms, as the sky simulator makes them.
 */
final class TestFields {
  static final double PIXEL_ARCSEC = 2;
  static final double BEAM_ARCSEC = 10;
  static final double RMS = 50e-6;
  static final double MASK_SIGMAS = 3;
  static final PixelBeam BEAM = PixelBeam.fromFwhm(BEAM_ARCSEC, BEAM_ARCSEC, 0, PIXEL_ARCSEC);

  private TestFields() {}

  /** SIN WCS centred on the map at (150, -30), beam and unit cards. */
  static FitsCards cards(int width, int height) {
    double pix = PIXEL_ARCSEC / 3600;
    return FitsCards.create()
        .set("CTYPE1", "RA---SIN")
        .set("CTYPE2", "DEC--SIN")
        .set("CRVAL1", 150.0)
        .set("CRVAL2", -30.0)
        .set("CRPIX1", width / 2.0 + 0.5)
        .set("CRPIX2", height / 2.0 + 0.5)
        .set("CDELT1", -pix)
        .set("CDELT2", pix)
        .set("CUNIT1", "deg")
        .set("CUNIT2", "deg")
        .set("RADESYS", "ICRS")
        .set("BMAJ", BEAM_ARCSEC / 3600)
        .set("BMIN", BEAM_ARCSEC / 3600)
        .set("BPA", 0.0)
        .set("BUNIT", "Jy/beam");
  }

  /** Convolved model of a source's components at map pixel (x, y), Jy/beam. */
  static double model(SimSource s, double x, double y) {
    double sb2 = BEAM.sigmaMajor() * BEAM.sigmaMajor();
    double v = 0;
    for (Gaussian g : s.components()) {
      double s2 = g.sigmaMajor() * g.sigmaMajor() + sb2;
      double r2 = (x - g.x()) * (x - g.x()) + (y - g.y()) * (y - g.y());
      v += g.flux() * sb2 / s2 * Math.exp(-r2 / (2 * s2));
    }
    return v;
  }

  /**
   * The truth of a source on a width x height map: mask = model above 3 rms, clipped to the map.
   */
  static SourceTruth truth(
      SimSource s, DetectionClass cls, int width, int height, double localRms) {
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Gaussian g : s.components()) {
      double r = 6 * Math.hypot(g.sigmaMajor(), BEAM.sigmaMajor());
      minX = Math.min(minX, g.x() - r);
      maxX = Math.max(maxX, g.x() + r);
      minY = Math.min(minY, g.y() - r);
      maxY = Math.max(maxY, g.y() + r);
    }
    int x0 = Math.max(0, (int) Math.floor(minX));
    int y0 = Math.max(0, (int) Math.floor(minY));
    int x1 = Math.min(width - 1, (int) Math.ceil(maxX));
    int y1 = Math.min(height - 1, (int) Math.ceil(maxY));
    int w = Math.max(1, x1 - x0 + 1);
    int h = Math.max(1, y1 - y0 + 1);
    boolean[] in = new boolean[w * h];
    byte[] bytes = new byte[w * h];
    double peak = 0;
    double sx = 0;
    double sy = 0;
    double sw = 0;
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        double v = model(s, x, y);
        peak = Math.max(peak, v);
        if (v > MASK_SIGMAS * RMS) {
          in[(y - y0) * w + (x - x0)] = true;
          bytes[(y - y0) * w + (x - x0)] = 1;
          sx += v * x;
          sy += v * y;
          sw += v;
        }
      }
    }
    double cx = sw > 0 ? sx / sw : s.components().get(0).x();
    double cy = sw > 0 ? sy / sw : s.components().get(0).y();
    int islands = Masks.islands(bytes, w, h);
    return new SourceTruth(
        s,
        cx,
        cy,
        peak,
        BEAM_ARCSEC,
        BEAM_ARCSEC,
        0,
        localRms,
        islands,
        Math.max(1, islands),
        s.components().size(),
        cls,
        new SourceMask(x0, y0, w, h, in));
  }

  /** A point source of {@code snr} (peak over {@link #RMS}) at (x, y). */
  static SimSource point(int id, Morphology m, double x, double y, double snr, int host) {
    return new SimSource(id, m, List.of(Gaussian.point(x, y, snr * RMS)), host);
  }

  /** Noise plus the sources' models. */
  static Plane render(int width, int height, List<SourceTruth> truths, long seed) {
    Random rnd = new Random(seed);
    float[] d = new float[width * height];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (rnd.nextGaussian() * RMS);
    }
    for (SourceTruth t : truths) {
      SourceMask m = t.mask();
      int pad = 12;
      for (int y = Math.max(0, m.y0() - pad);
          y < Math.min(height, m.y0() + m.height() + pad);
          y++) {
        for (int x = Math.max(0, m.x0() - pad);
            x < Math.min(width, m.x0() + m.width() + pad);
            x++) {
          d[y * width + x] += (float) model(t.source(), x, y);
        }
      }
    }
    return new Plane(width, height, d);
  }

  /** Renders and writes the map. */
  static Path writeMap(Path file, int width, int height, List<SourceTruth> truths, long seed) {
    FitsWriter.write(file, render(width, height, truths, seed), cards(width, height));
    return file;
  }

  /**
   * A source with a hand-made rectangular mask of {@code w x h} pixels at (x0, y0) and the given
   * peak SNR (for label tests, no map needed).
   */
  static SourceTruth boxTruth(
      int id, Morphology m, DetectionClass cls, double snr, int x0, int y0, int w, int h) {
    boolean[] in = new boolean[w * h];
    java.util.Arrays.fill(in, true);
    SimSource s =
        new SimSource(id, m, List.of(Gaussian.point(x0 + w / 2.0, y0 + h / 2.0, snr * RMS)), -1);
    return new SourceTruth(
        s,
        x0 + (w - 1) / 2.0,
        y0 + (h - 1) / 2.0,
        snr * RMS,
        BEAM_ARCSEC,
        BEAM_ARCSEC,
        0,
        RMS,
        1,
        1,
        1,
        cls,
        new SourceMask(x0, y0, w, h, in));
  }

  /** Beam area in pixels of the test maps. */
  static double beamAreaPixels() {
    return Math.PI * BEAM_ARCSEC * BEAM_ARCSEC / (4 * Math.log(2)) / (PIXEL_ARCSEC * PIXEL_ARCSEC);
  }
}
