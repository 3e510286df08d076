package org.radioclr.sim.sky;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.mask.Masks;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.formats.mask.SourceMask;
import org.radioclr.sim.model.Gaussian;
import org.radioclr.sim.model.PixelBeam;
import org.radioclr.sim.model.SimSource;
import org.radioclr.sim.model.SourceTruth;

/**
 * What a perfect source finder would report for each simulated source, measured on its noiseless
 * convolved {@link Stamp} with the local noise rms.
 *
 * <ul>
 *   <li><b>Mask</b>: the stamp pixels where the model exceeds {@code k x rms(x, y)} (default k =
 *       3), all islands; pixels without data ({@link RmsField} NaN or {@code <= 0}) are never in
 *       it. The {@link SourceMask} box is the bounding box of those pixels.
 *   <li><b>Islands</b>: 8-connected components of the mask; the Radio Galaxy Zoo "C" is the number
 *       of islands.
 *   <li><b>Peaks</b> ("P"): maxima of the model inside the mask that stand out: prominence (the
 *       drop to the highest saddle joining them to a higher maximum of the same island; the whole
 *       value for an island's top) at least {@value #PEAK_PROMINENCE_SIGMAS} local rms and {@value
 *       #PEAK_PROMINENCE_FRACTION} of the peak value, so ripples of a smooth model do not count; of
 *       two peaks less than one beam FWHM apart (in the beam's elliptical metric: {@code d^T B^-1 d
 *       < (FWHM / sigma)^2} with B the beam covariance) only the brighter counts.
 *   <li><b>Centroid and size</b>: flux-weighted first and second moments of the whole stamp (not
 *       only the mask), FWHM = 2.3548 sqrt(eigenvalue) in arcsec, PA of the major axis in degrees
 *       east of north in [0, 180) (north = +y, east = -x). Peak = the stamp maximum; local rms =
 *       the rms at the peak pixel (or at the brightest pixel with data).
 *   <li><b>Detection class</b> (paper §4.2): artefacts are SPURIOUS; more than one island is
 *       EXTENDED_MULTISLAND; one island is COMPACT when its moment FWHM major is at most {@value
 *       #COMPACT_SIZE_BEAMS} beam majors, or when every component is beam-like (convolved major at
 *       most {@value #COMPACT_SIZE_BEAMS} beam majors) and it shows a peak for each component (a
 *       blend of point-like components); else EXTENDED. {@link #flagContaminated} then makes
 *       FLAGGED every single-island source whose mask lies for at least {@code flagOverlap}
 *       (default 20%) of its pixels in the mask of an artefact not hosted by it.
 *   <li><b>Undetected</b> sources (model below {@code k x rms} everywhere) keep their entry:
 *       islands = components = peaks = 0 (so {@link SourceTruth#rgzClass()} is {@code 0C-0P}), an
 *       empty 1x1 mask at the peak pixel ({@code area() == 0}), class SPURIOUS for artefacts and
 *       COMPACT otherwise; {@link SourceTruth#detected()} is false.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class TruthBuilder {

  /** Default mask threshold, in local rms. */
  public static final double DEFAULT_MASK_SIGMAS = 3;

  /** Default fraction of a source's mask inside an artefact's mask that makes it FLAGGED. */
  public static final double DEFAULT_FLAG_OVERLAP = 0.2;

  /** A peak must rise this many local rms above the saddle to a higher peak. */
  public static final double PEAK_PROMINENCE_SIGMAS = 1;

  /** ... and this fraction of its own value. */
  public static final double PEAK_PROMINENCE_FRACTION = 0.1;

  /** Largest size of a COMPACT source, in beam FWHM (major axis). */
  public static final double COMPACT_SIZE_BEAMS = 1.5;

  private final PixelBeam beam;
  private final double pixelArcsec;
  private final double maskSigmas;
  private final double flagOverlap;
  private final SourceRenderer renderer;
  private final double bixx;
  private final double bixy;
  private final double biyy;

  /** Defaults: mask at 3 rms, FLAGGED at 20% overlap. */
  public TruthBuilder(PixelBeam beam, double pixelArcsec) {
    this(beam, pixelArcsec, DEFAULT_MASK_SIGMAS, DEFAULT_FLAG_OVERLAP);
  }

  /**
   * @param beam restoring beam, pixels
   * @param pixelArcsec pixel side, arcsec
   * @param maskSigmas mask threshold k in local rms, {@code > 0}
   * @param flagOverlap fraction in (0, 1]
   */
  public TruthBuilder(PixelBeam beam, double pixelArcsec, double maskSigmas, double flagOverlap) {
    this.beam = Objects.requireNonNull(beam, "beam");
    if (!(pixelArcsec > 0) || Double.isInfinite(pixelArcsec)) {
      throw new IllegalArgumentException("pixel scale must be finite and > 0, got " + pixelArcsec);
    }
    if (!(maskSigmas > 0) || Double.isInfinite(maskSigmas)) {
      throw new IllegalArgumentException(
          "mask threshold must be finite and > 0, got " + maskSigmas);
    }
    if (!(flagOverlap > 0 && flagOverlap <= 1)) {
      throw new IllegalArgumentException("flag overlap must be in (0, 1], got " + flagOverlap);
    }
    this.pixelArcsec = pixelArcsec;
    this.maskSigmas = maskSigmas;
    this.flagOverlap = flagOverlap;
    this.renderer = new SourceRenderer(beam);
    double[] b = SourceRenderer.covariance(beam.sigmaMajor(), beam.sigmaMinor(), beam.pa());
    double det = b[0] * b[2] - b[1] * b[1];
    bixx = b[2] / det;
    bixy = -b[1] / det;
    biyy = b[0] / det;
  }

  public double maskSigmas() {
    return maskSigmas;
  }

  /**
   * Renders every source, measures it and flags sources inside artefacts. Stamps are dropped after
   * use; pass a renderer with a flux floor below {@code k x rms} so bright wings are not cut.
   *
   * @return one truth per source, in the same order
   */
  public List<SourceTruth> build(List<SimSource> sources, SourceRenderer render, RmsField rms) {
    List<SourceTruth> out = new ArrayList<>(sources.size());
    for (SimSource s : sources) {
      out.add(measure(s, render.render(s), rms));
    }
    return flagContaminated(out);
  }

  /** The truth of one source from its stamp; never FLAGGED (see {@link #flagContaminated}). */
  public SourceTruth measure(SimSource source, Stamp stamp, RmsField rms) {
    int w = stamp.width();
    int h = stamp.height();
    float[] d = stamp.data();
    // moments and peak
    double s0 = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    int peakIdx = 0;
    for (int v = 0; v < h; v++) {
      for (int u = 0; u < w; u++) {
        int i = v * w + u;
        double f = d[i];
        if (f > d[peakIdx]) {
          peakIdx = i;
        }
        if (f > 0) {
          s0 += f;
          sx += f * u;
          sy += f * v;
          sxx += f * u * u;
          sxy += f * u * v;
          syy += f * v * v;
        }
      }
    }
    double cx = sx / s0;
    double cy = sy / s0;
    double a = sxx / s0 - cx * cx;
    double b = sxy / s0 - cx * cy;
    double c = syy / s0 - cy * cy;
    double half = 0.5 * (a + c);
    double root = Math.sqrt(0.25 * (a - c) * (a - c) + b * b);
    double majorPx = PixelBeam.FWHM_PER_SIGMA * Math.sqrt(Math.max(0, half + root));
    double minorPx = PixelBeam.FWHM_PER_SIGMA * Math.sqrt(Math.max(0, half - root));
    double paFromX = Math.toDegrees(0.5 * Math.atan2(2 * b, a - c));
    double paDeg = ((paFromX - 90) % 180 + 180) % 180;

    // mask
    boolean[] mask = new boolean[w * h];
    int area = 0;
    int mx0 = w;
    int my0 = h;
    int mx1 = -1;
    int my1 = -1;
    double peakRms = Double.NaN;
    float bestWithData = Float.NEGATIVE_INFINITY;
    double k = maskSigmas;
    for (int v = 0; v < h; v++) {
      for (int u = 0; u < w; u++) {
        int i = v * w + u;
        double r = rms.rmsAt(stamp.x0() + u, stamp.y0() + v);
        if (!(r > 0) || Double.isInfinite(r)) {
          continue;
        }
        if (d[i] > bestWithData) {
          bestWithData = d[i];
          peakRms = r;
        }
        if (d[i] > k * r) {
          mask[i] = true;
          area++;
          mx0 = Math.min(mx0, u);
          my0 = Math.min(my0, v);
          mx1 = Math.max(mx1, u);
          my1 = Math.max(my1, v);
        }
      }
    }
    int peakU = peakIdx % w;
    int peakV = peakIdx / w;
    double rPeak = rms.rmsAt(stamp.x0() + peakU, stamp.y0() + peakV);
    double localRms = rPeak > 0 && !Double.isInfinite(rPeak) ? rPeak : peakRms;
    double x = stamp.x0() + cx;
    double y = stamp.y0() + cy;
    double peakJy = d[peakIdx];
    double majorArcsec = majorPx * pixelArcsec;
    double minorArcsec = minorPx * pixelArcsec;
    boolean artefact = source.morphology().family() == Morphology.Family.ARTEFACT;
    if (area == 0) {
      SourceMask empty =
          new SourceMask(stamp.x0() + peakU, stamp.y0() + peakV, 1, 1, new boolean[1]);
      return new SourceTruth(
          source,
          x,
          y,
          peakJy,
          majorArcsec,
          minorArcsec,
          paDeg,
          localRms,
          0,
          0,
          0,
          artefact ? DetectionClass.SPURIOUS : DetectionClass.COMPACT,
          empty);
    }
    int islands = Masks.islands(mask, w, h);
    int peaks = countPeaks(d, mask, w, h, rms, stamp.x0(), stamp.y0());
    DetectionClass cls;
    if (artefact) {
      cls = DetectionClass.SPURIOUS;
    } else if (islands > 1) {
      cls = DetectionClass.EXTENDED_MULTISLAND;
    } else if (majorPx <= COMPACT_SIZE_BEAMS * beamMajorFwhm()
        || (allBeamLike(source) && peaks >= source.components().size())) {
      cls = DetectionClass.COMPACT;
    } else {
      cls = DetectionClass.EXTENDED;
    }
    int mw = mx1 - mx0 + 1;
    int mh = my1 - my0 + 1;
    boolean[] inside = new boolean[mw * mh];
    for (int v = 0; v < mh; v++) {
      System.arraycopy(mask, (v + my0) * w + mx0, inside, v * mw, mw);
    }
    SourceMask sm = new SourceMask(stamp.x0() + mx0, stamp.y0() + my0, mw, mh, inside);
    return new SourceTruth(
        source,
        x,
        y,
        peakJy,
        majorArcsec,
        minorArcsec,
        paDeg,
        localRms,
        islands,
        islands,
        peaks,
        cls,
        sm);
  }

  /**
   * The same truths with every single-island non-artefact source whose mask lies for at least
   * {@code flagOverlap} of its pixels inside the mask of an artefact (other than one it hosts) made
   * FLAGGED.
   */
  public List<SourceTruth> flagContaminated(List<SourceTruth> truths) {
    List<SourceTruth> artefacts = new ArrayList<>();
    for (SourceTruth t : truths) {
      if (t.source().morphology().family() == Morphology.Family.ARTEFACT && t.islands() > 0) {
        artefacts.add(t);
      }
    }
    if (artefacts.isEmpty()) {
      return List.copyOf(truths);
    }
    List<SourceTruth> out = new ArrayList<>(truths.size());
    for (SourceTruth t : truths) {
      boolean candidate =
          t.islands() == 1
              && t.source().morphology().family() != Morphology.Family.ARTEFACT
              && overlapFraction(t, artefacts) >= flagOverlap;
      out.add(
          candidate
              ? new SourceTruth(
                  t.source(),
                  t.x(),
                  t.y(),
                  t.peakJy(),
                  t.majorArcsec(),
                  t.minorArcsec(),
                  t.paDeg(),
                  t.localRmsJy(),
                  t.islands(),
                  t.components(),
                  t.peaks(),
                  DetectionClass.FLAGGED,
                  t.mask())
              : t);
    }
    return List.copyOf(out);
  }

  private static double overlapFraction(SourceTruth t, List<SourceTruth> artefacts) {
    SourceMask m = t.mask();
    PixelBox box = PixelBox.ofSize(m.x0(), m.y0(), m.width(), m.height());
    List<SourceMask> near = new ArrayList<>();
    for (SourceTruth a : artefacts) {
      SourceMask am = a.mask();
      if (a.source().host() != t.source().id()
          && box.intersects(PixelBox.ofSize(am.x0(), am.y0(), am.width(), am.height()))) {
        near.add(am);
      }
    }
    if (near.isEmpty()) {
      return 0;
    }
    int in = 0;
    int all = 0;
    for (int v = 0; v < m.height(); v++) {
      for (int u = 0; u < m.width(); u++) {
        if (!m.inside()[v * m.width() + u]) {
          continue;
        }
        all++;
        for (SourceMask am : near) {
          if (am.contains(m.x0() + u, m.y0() + v)) {
            in++;
            break;
          }
        }
      }
    }
    return all == 0 ? 0 : (double) in / all;
  }

  private double beamMajorFwhm() {
    return beam.sigmaMajor() * PixelBeam.FWHM_PER_SIGMA;
  }

  private boolean allBeamLike(SimSource s) {
    double limit = COMPACT_SIZE_BEAMS * COMPACT_SIZE_BEAMS * beam.sigmaMajor() * beam.sigmaMajor();
    for (Gaussian g : s.components()) {
      double[] cov = renderer.convolvedCovariance(g);
      double half = 0.5 * (cov[0] + cov[2]);
      double major =
          half + Math.sqrt(0.25 * (cov[0] - cov[2]) * (cov[0] - cov[2]) + cov[1] * cov[1]);
      if (major > limit * (1 + 1e-9)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Peaks of the mask that stand out: the local maxima whose prominence (height above the highest
   * saddle that joins them to a higher maximum, or their value for the top of an island) is at
   * least {@code max(PEAK_PROMINENCE_SIGMAS x rms, PEAK_PROMINENCE_FRACTION x value)}, found by
   * flooding the mask pixels from the brightest down (union-find); then of peaks closer than a beam
   * FWHM only the brighter is kept.
   */
  private int countPeaks(float[] d, boolean[] mask, int w, int h, RmsField rms, int sx0, int sy0) {
    int n = 0;
    for (boolean m : mask) {
      if (m) {
        n++;
      }
    }
    // mask values are > 0, so their float bits order like the values
    long[] order = new long[n];
    int k = 0;
    for (int i = 0; i < mask.length; i++) {
      if (mask[i]) {
        order[k++] = ((long) Float.floatToIntBits(d[i]) << 32) | i;
      }
    }
    java.util.Arrays.sort(order);
    int[] parent = new int[mask.length];
    java.util.Arrays.fill(parent, -1);
    int[] top = new int[mask.length]; // for a root: pixel of its highest value
    float[] prominence = new float[mask.length];
    java.util.Arrays.fill(prominence, -1f);
    int[] roots = new int[8];
    for (int o = n - 1; o >= 0; o--) {
      int p = (int) order[o];
      float v = d[p];
      int u = p % w;
      int vv = p / w;
      int nr = 0;
      for (int dv = -1; dv <= 1; dv++) {
        int y = vv + dv;
        if (y < 0 || y >= h) {
          continue;
        }
        for (int du = -1; du <= 1; du++) {
          int x = u + du;
          if ((du == 0 && dv == 0) || x < 0 || x >= w) {
            continue;
          }
          int q = y * w + x;
          if (parent[q] < 0) {
            continue;
          }
          int r = find(parent, q);
          boolean dup = false;
          for (int j = 0; j < nr; j++) {
            dup |= roots[j] == r;
          }
          if (!dup) {
            roots[nr++] = r;
          }
        }
      }
      if (nr == 0) {
        parent[p] = p;
        top[p] = p;
        continue;
      }
      int best = roots[0];
      for (int j = 1; j < nr; j++) {
        if (d[top[roots[j]]] > d[top[best]]) {
          best = roots[j];
        }
      }
      for (int j = 0; j < nr; j++) {
        int r = roots[j];
        if (r != best) {
          prominence[top[r]] = d[top[r]] - v;
          parent[r] = best;
        }
      }
      parent[p] = best;
    }
    List<int[]> found = new ArrayList<>();
    for (int i = 0; i < mask.length; i++) {
      if (parent[i] == i) {
        prominence[top[i]] = d[top[i]];
      }
    }
    for (int i = 0; i < mask.length; i++) {
      if (prominence[i] < 0) {
        continue;
      }
      int u = i % w;
      int v = i / w;
      double r = rms.rmsAt(sx0 + u, sy0 + v);
      double need = Math.max(PEAK_PROMINENCE_SIGMAS * r, PEAK_PROMINENCE_FRACTION * d[i]);
      if (prominence[i] >= need) {
        found.add(new int[] {u, v});
      }
    }
    found.sort((p, q) -> Float.compare(d[q[1] * w + q[0]], d[p[1] * w + p[0]]));
    double limit = PixelBeam.FWHM_PER_SIGMA * PixelBeam.FWHM_PER_SIGMA;
    List<int[]> kept = new ArrayList<>();
    for (int[] p : found) {
      boolean near = false;
      for (int[] q : kept) {
        double dx = p[0] - q[0];
        double dy = p[1] - q[1];
        if (bixx * dx * dx + 2 * bixy * dx * dy + biyy * dy * dy < limit) {
          near = true;
          break;
        }
      }
      if (!near) {
        kept.add(p);
      }
    }
    return kept.size();
  }

  private static int find(int[] parent, int i) {
    int r = i;
    while (parent[r] != r) {
      r = parent[r];
    }
    while (parent[i] != r) {
      int next = parent[i];
      parent[i] = r;
      i = next;
    }
    return r;
  }
}
