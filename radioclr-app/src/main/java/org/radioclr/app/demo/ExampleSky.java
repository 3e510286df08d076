package org.radioclr.app.demo;

import java.util.SplittableRandom;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCardException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.image.GaussianFilter;
import org.radioclr.core.image.Plane;

/**
 * The demo's built-in example map: a small EMU-pilot-like field (944 MHz, 2"/pixel, 12" beam, 30
 * µJy/beam rms) made on the fly from a seed, so a fresh clone needs no download. It holds
 * beam-correlated noise whose rms varies smoothly across the field, compact sources with a
 * power-law flux distribution, double-lobed radio galaxies and faint diffuse blobs, all convolved
 * with the beam, and blanked pixels (0) outside a circular mosaic footprint. Pixels are Jy/beam,
 * {@code [size][size]} float; the WCS is SIN centred on the field.
 *
 * <p>This is a stand-in with no ground truth; the sky simulator replaces it as the demo's data.
 */
public final class ExampleSky {
  static final double PIXEL_ARCSEC = 2.0;
  static final double BEAM_ARCSEC = 12.0;
  static final double RMS_JY = 30e-6;
  private static final double FWHM_TO_SIGMA = 1 / (2 * Math.sqrt(2 * Math.log(2)));

  /** The map's pixels and FITS header (WCS, beam, units). */
  public record Field(Plane plane, Header header) {}

  private final int size;
  private final long seed;

  /**
   * @param size side of the square map in pixels, at least 256
   * @param seed random seed; the same seed and size give the same map
   */
  public ExampleSky(int size, long seed) {
    if (size < 256) {
      throw new IllegalArgumentException("example map size must be >= 256, got " + size);
    }
    this.size = size;
    this.seed = seed;
  }

  /** Makes the map. */
  public Field generate() {
    SplittableRandom random = new SplittableRandom(seed);
    double beamSigmaPx = BEAM_ARCSEC / PIXEL_ARCSEC * FWHM_TO_SIGMA;
    float[] sky = noise(random.split(), beamSigmaPx);
    addSources(sky, random.split(), beamSigmaPx);
    blankOutsideFootprint(sky);
    return new Field(new Plane(size, size, sky), header());
  }

  private float[] noise(SplittableRandom random, double beamSigmaPx) {
    Plane white = Plane.zeros(size, size);
    float[] w = white.data();
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) gaussian(random);
    }
    float[] n = new GaussianFilter(beamSigmaPx).apply(white).data();
    // Smoothing white noise of unit variance leaves variance 1 / (4 pi sigma^2).
    double unit = 2 * Math.sqrt(Math.PI) * beamSigmaPx;
    double phase = random.nextDouble(2 * Math.PI);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double u = (x - size / 2.0) / size;
        double v = (y - size / 2.0) / size;
        double pattern = 1 + 0.4 * (u * u + v * v) + 0.1 * Math.sin(9 * u + 7 * v + phase);
        n[y * size + x] = (float) (n[y * size + x] * unit * RMS_JY * pattern);
      }
    }
    return n;
  }

  private void addSources(float[] sky, SplittableRandom random, double beamSigmaPx) {
    int count = (int) (size * (double) size / 4000.0);
    for (int i = 0; i < count; i++) {
      double x = random.nextDouble(size);
      double y = random.nextDouble(size);
      // dN/dS ~ S^-1.7 between 0.1 and 100 mJy (inverse transform sampling).
      double a = -0.7;
      double lo = Math.pow(1e-4, a);
      double hi = Math.pow(1e-1, a);
      double flux = Math.pow(lo + random.nextDouble() * (hi - lo), 1 / a);
      double kind = random.nextDouble();
      if (kind < 0.08) {
        addDouble(sky, random, x, y, flux * 5, beamSigmaPx);
      } else if (kind < 0.11) {
        double r = random.nextDouble(8, 25);
        addGaussian(
            sky,
            x,
            y,
            r,
            r * random.nextDouble(0.6, 1),
            random.nextDouble(Math.PI),
            flux * 3,
            beamSigmaPx);
      } else {
        double s = random.nextDouble(0, 1.5);
        addGaussian(sky, x, y, s, s, 0, flux, beamSigmaPx);
      }
    }
  }

  /** A radio galaxy: two elongated lobes on either side of a weaker core. */
  private void addDouble(
      float[] sky, SplittableRandom random, double x, double y, double flux, double beamSigmaPx) {
    double pa = random.nextDouble(Math.PI);
    double half = random.nextDouble(8, 40);
    double dx = Math.cos(pa) * half;
    double dy = Math.sin(pa) * half;
    double lobe = half * random.nextDouble(0.15, 0.35);
    double asym = random.nextDouble(0.6, 1.0);
    addGaussian(sky, x + dx, y + dy, lobe * 1.6, lobe, pa, flux * 0.45, beamSigmaPx);
    addGaussian(sky, x - dx, y - dy, lobe * 1.6, lobe, pa, flux * 0.45 * asym, beamSigmaPx);
    addGaussian(sky, x, y, 0, 0, 0, flux * 0.1, beamSigmaPx);
  }

  /**
   * Adds an elliptical Gaussian of total flux {@code flux} (Jy), intrinsic sigmas {@code sa, sb}
   * (pixels) and position angle {@code pa} (radians from +x), convolved with the circular beam. The
   * peak in Jy/beam is the flux times beam area over the convolved component's area.
   */
  private void addGaussian(
      float[] sky,
      double cx,
      double cy,
      double sa,
      double sb,
      double pa,
      double flux,
      double beamSigmaPx) {
    double a = Math.hypot(sa, beamSigmaPx);
    double b = Math.hypot(sb, beamSigmaPx);
    double peak = flux * beamSigmaPx * beamSigmaPx / (a * b);
    int r = (int) Math.ceil(5 * Math.max(a, b));
    double c = Math.cos(pa);
    double s = Math.sin(pa);
    int x0 = Math.max(0, (int) cx - r);
    int x1 = Math.min(size - 1, (int) cx + r);
    int y0 = Math.max(0, (int) cy - r);
    int y1 = Math.min(size - 1, (int) cy + r);
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        double u = ((x - cx) * c + (y - cy) * s) / a;
        double v = (-(x - cx) * s + (y - cy) * c) / b;
        sky[y * size + x] += (float) (peak * Math.exp(-0.5 * (u * u + v * v)));
      }
    }
  }

  /** Blanks (sets to 0, as mosaics do) the corners outside a circle of radius 0.56 × size. */
  private void blankOutsideFootprint(float[] sky) {
    double r2 = Math.pow(0.56 * size, 2);
    double c = (size - 1) / 2.0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if ((x - c) * (x - c) + (y - c) * (y - c) > r2) {
          sky[y * size + x] = 0f;
        }
      }
    }
  }

  private Header header() {
    try {
      Header h = new Header();
      h.addValue("CTYPE1", "RA---SIN", "");
      h.addValue("CTYPE2", "DEC--SIN", "");
      h.addValue("CRVAL1", 330.0, "[deg] field centre");
      h.addValue("CRVAL2", -52.0, "[deg] field centre");
      h.addValue("CRPIX1", size / 2.0 + 0.5, "");
      h.addValue("CRPIX2", size / 2.0 + 0.5, "");
      h.addValue("CDELT1", -PIXEL_ARCSEC / 3600, "[deg]");
      h.addValue("CDELT2", PIXEL_ARCSEC / 3600, "[deg]");
      h.addValue("CUNIT1", "deg", "");
      h.addValue("CUNIT2", "deg", "");
      h.addValue("RADESYS", "ICRS", "");
      h.addValue("BMAJ", BEAM_ARCSEC / 3600, "[deg] restoring beam");
      h.addValue("BMIN", BEAM_ARCSEC / 3600, "[deg] restoring beam");
      h.addValue("BPA", 0.0, "[deg]");
      h.addValue("BUNIT", "JY/BEAM", "");
      h.addValue("RESTFRQ", 944e6, "[Hz]");
      h.addValue("OBJECT", "radioclr example field", "");
      h.addValue("TELESCOP", "SIMULATED", "");
      return h;
    } catch (HeaderCardException e) {
      throw new RadioclrException("cannot build the example map header", e);
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
