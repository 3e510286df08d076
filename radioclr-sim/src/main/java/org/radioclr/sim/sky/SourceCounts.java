package org.radioclr.sim.sky;

import java.util.SplittableRandom;

/**
 * Differential radio source counts {@code dN/dS} (sources per deg² per Jy) as a broken power law at
 * 1.4 GHz, scaled to another frequency with a spectral index of -0.7 ({@code S ∝ nu^-0.7}).
 *
 * <p>Slopes {@code dN/dS ∝ S^-gamma}: {@code gamma = 2.2} below 1 mJy (the sub-mJy flattening of
 * the Euclidean-normalised counts {@code S^2.5 dN/dS ∝ S^0.3}), {@code 1.75} from 1 to 50 mJy and
 * {@code 2.2} above 50 mJy; normalised to {@code N(>1 mJy) = 90 deg^-2}. This gives about 5 sources
 * per deg² above 50 mJy, 0.1 above 1 Jy and some 600 per deg² above 0.15 mJy, in line with the
 * FIRST / NVSS / deep-field counts at 1.4 GHz.
 */
public final class SourceCounts {

  /** Reference frequency of the slopes and breaks, Hz. */
  public static final double REFERENCE_HZ = 1.4e9;

  /** Spectral index used to move fluxes between frequencies. */
  public static final double SPECTRAL_INDEX = -0.7;

  private static final double[] BREAKS_JY = {1e-3, 50e-3};
  private static final double[] GAMMAS = {2.2, 1.75, 2.2};
  private static final double N_ABOVE_1MJY = 90;

  /** {@code K_i} of {@code dN/dS = K_i S^-gamma_i} on each segment, at the reference frequency. */
  private final double[] norms = new double[3];

  private final double fluxScale;

  /** Counts at {@code frequencyHz}. */
  public SourceCounts(double frequencyHz) {
    if (!(frequencyHz > 0) || Double.isInfinite(frequencyHz)) {
      throw new IllegalArgumentException("frequency must be finite and > 0, got " + frequencyHz);
    }
    fluxScale = Math.pow(frequencyHz / REFERENCE_HZ, SPECTRAL_INDEX);
    // continuity at the breaks, then normalise N(>1 mJy)
    norms[1] = 1;
    norms[0] = norms[1] * Math.pow(BREAKS_JY[0], GAMMAS[0] - GAMMAS[1]);
    norms[2] = norms[1] * Math.pow(BREAKS_JY[1], GAMMAS[2] - GAMMAS[1]);
    double above = integralRef(BREAKS_JY[0], Double.POSITIVE_INFINITY);
    double k = N_ABOVE_1MJY / above;
    for (int i = 0; i < 3; i++) {
      norms[i] *= k;
    }
  }

  /** Sources per deg² brighter than {@code fluxJy} at this frequency. */
  public double numberAbove(double fluxJy) {
    return integralRef(fluxJy / fluxScale, Double.POSITIVE_INFINITY);
  }

  /** Sources per deg² between the two fluxes (Jy at this frequency). */
  public double numberBetween(double loJy, double hiJy) {
    return integralRef(loJy / fluxScale, hiJy / fluxScale);
  }

  /** The flux above which there are {@code perSqDeg} sources per deg², Jy at this frequency. */
  public double fluxForDensity(double perSqDeg) {
    if (!(perSqDeg > 0)) {
      throw new IllegalArgumentException("density must be > 0, got " + perSqDeg);
    }
    double lo = Math.log(1e-12);
    double hi = Math.log(1e3);
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (numberAbove(Math.exp(mid)) > perSqDeg) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Math.exp(0.5 * (lo + hi));
  }

  /** A flux drawn from the counts between {@code loJy} and {@code hiJy} (at this frequency). */
  public double sample(double loJy, double hiJy, SplittableRandom rng) {
    if (!(loJy > 0) || !(hiJy > loJy)) {
      throw new IllegalArgumentException("need 0 < lo < hi, got " + loJy + ", " + hiJy);
    }
    double lo = loJy / fluxScale;
    double hi = hiJy / fluxScale;
    double total = integralRef(lo, hi);
    double u = rng.nextDouble() * total;
    double a = lo;
    for (int i = 0; i < 3; i++) {
      double segHi = i < 2 ? Math.min(hi, BREAKS_JY[i]) : hi;
      if (segHi <= a) {
        continue;
      }
      double m = segment(i, a, segHi);
      if (u <= m || i == 2 || segHi >= hi) {
        return invert(i, a, Math.min(u, m)) * fluxScale;
      }
      u -= m;
      a = segHi;
    }
    return hiJy;
  }

  private double integralRef(double lo, double hi) {
    double s = 0;
    double a = lo;
    for (int i = 0; i < 3 && a < hi; i++) {
      double segHi = i < 2 ? Math.min(hi, BREAKS_JY[i]) : hi;
      if (segHi > a) {
        s += segment(i, a, segHi);
        a = segHi;
      }
    }
    return s;
  }

  /** Integral of K S^-g over [a, b] on segment i (b may be infinite). */
  private double segment(int i, double a, double b) {
    double g1 = GAMMAS[i] - 1;
    double tail = Double.isInfinite(b) ? 0 : Math.pow(b, -g1);
    return norms[i] / g1 * (Math.pow(a, -g1) - tail);
  }

  /** The flux s in segment i above a such that the integral from a to s is m. */
  private double invert(int i, double a, double m) {
    double g1 = GAMMAS[i] - 1;
    double t = Math.pow(a, -g1) - m * g1 / norms[i];
    return Math.pow(Math.max(t, Double.MIN_NORMAL), -1 / g1);
  }
}
