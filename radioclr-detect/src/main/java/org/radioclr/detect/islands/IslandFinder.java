package org.radioclr.detect.islands;

import java.util.ArrayList;
import java.util.List;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.detect.Instance;
import org.radioclr.detect.PixelSet;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.mask.Masks;

/**
 * Finds islands of emission, the classic way (Aegean's seed-and-flood, Hancock et al. 2012): with
 * the background and rms of {@link BackgroundGrid}, pixels at least {@code floodSigma} rms above
 * the background form 8-connected islands ({@link Masks#label}); an island with a pixel at least
 * {@code seedSigma} rms above it and at least {@code minPixels} pixels is one object. Its class:
 * COMPACT when the FWHM major axis of its flux-weighted second moments is at most {@code
 * compactFactor} times the beam's, EXTENDED otherwise; score 1.
 */
public final class IslandFinder {
  private static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));

  private final IslandConfig config;

  public IslandFinder(IslandConfig config) {
    this.config = config;
  }

  /**
   * The islands of {@code plane}.
   *
   * @param beamMajorPixels the beam's FWHM major axis in pixels
   * @param beamMinorPixels the beam's FWHM minor axis in pixels
   */
  public List<Instance> find(Plane plane, double beamMajorPixels, double beamMinorPixels) {
    if (!(beamMajorPixels > 0) || !(beamMinorPixels > 0)) {
      throw new IllegalArgumentException(
          "beam must be > 0 pixels, got " + beamMajorPixels + " x " + beamMinorPixels);
    }
    int w = plane.width();
    int h = plane.height();
    int box =
        (int)
            Math.max(
                8, Math.round(config.boxBeams() * Math.sqrt(beamMajorPixels * beamMinorPixels)));
    BackgroundGrid grid = BackgroundGrid.estimate(plane, box);
    float[] d = plane.data();
    float[] snr = new float[w * h];
    byte[] flood = new byte[w * h];
    for (int i = 0; i < d.length; i++) {
      float r = grid.rms()[i];
      float s = Pixels.isValid(d[i]) && r > 0 ? (d[i] - grid.background()[i]) / r : 0f;
      snr[i] = s;
      flood[i] = s >= config.floodSigma() ? (byte) 1 : (byte) 0;
    }
    int[] labels = Masks.label(flood, w, h);
    int n = 0;
    for (int l : labels) {
      n = Math.max(n, l);
    }
    float[] peak = new float[n + 1];
    int[] count = new int[n + 1];
    double[] sw = new double[n + 1];
    double[] sx = new double[n + 1];
    double[] sy = new double[n + 1];
    double[] sxx = new double[n + 1];
    double[] syy = new double[n + 1];
    double[] sxy = new double[n + 1];
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (l == 0) {
        continue;
      }
      peak[l] = Math.max(peak[l], snr[i]);
      count[l]++;
      double wt = snr[i];
      double x = i % w;
      double y = i / w;
      sw[l] += wt;
      sx[l] += wt * x;
      sy[l] += wt * y;
      sxx[l] += wt * x * x;
      syy[l] += wt * y * y;
      sxy[l] += wt * x * y;
    }
    int[][] members = new int[n + 1][];
    for (int l = 1; l <= n; l++) {
      members[l] = new int[count[l]];
    }
    int[] fill = new int[n + 1];
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (l != 0) {
        members[l][fill[l]++] = i;
      }
    }
    List<Instance> out = new ArrayList<>();
    double compactMajor = config.compactFactor() * beamMajorPixels;
    for (int l = 1; l <= n; l++) {
      if (peak[l] < config.seedSigma() || count[l] < config.minPixels()) {
        continue;
      }
      double mx = sx[l] / sw[l];
      double my = sy[l] / sw[l];
      double vxx = sxx[l] / sw[l] - mx * mx;
      double vyy = syy[l] / sw[l] - my * my;
      double vxy = sxy[l] / sw[l] - mx * my;
      double tr = vxx + vyy;
      double det = vxx * vyy - vxy * vxy;
      double major = Math.sqrt(Math.max(0, tr / 2 + Math.sqrt(Math.max(0, tr * tr / 4 - det))));
      DetectionClass c =
          FWHM_PER_SIGMA * major <= compactMajor ? DetectionClass.COMPACT : DetectionClass.EXTENDED;
      out.add(new Instance(PixelSet.of(w, h, members[l]), c, 1));
    }
    return out;
  }
}
