package org.radioclr.sim.map;

/**
 * Standard normal deviates as a pure function of (key, x, y): a counter-based generator, so that
 * any part of a map's noise field can be drawn on its own, in any order, on any thread, and always
 * gives the same numbers.
 *
 * <p><b>Algorithm.</b> Pixel {@code (x, y)} has the 64-bit counter {@code y·2³² + x}; adding it,
 * times the golden-ratio increment, to the key and applying the SplitMix64 output function (Steele,
 * Lea &amp; Flood 2014, "Fast splittable pseudorandom number generators") gives a hash that is
 * turned into a normal deviate by the ziggurat method (Marsaglia &amp; Tsang 2000, "The ziggurat
 * method for generating random variables", 128 layers): the low 32 bits are the signed abscissa,
 * bits 32–38 choose the layer (separate bits, avoiding the layer/value correlation of the original,
 * Doornik 2005). The rare rejections (about 1.2%) draw further hashes from the same pixel's
 * sequence, so the result is still a function of the pixel alone. Along a row consecutive pixels
 * are consecutive SplitMix64 counters.
 *
 * <p>Coordinates may be negative (the margins a convolution needs outside the map).
 */
public final class CounterNoise {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final double R = 3.442619855899;
  private static final double INV_2_53 = 1.0 / (1L << 53);
  private static final long[] KN = new long[128];
  private static final double[] WN = new double[128];
  private static final double[] FN = new double[128];

  static {
    double m1 = 2147483648.0;
    double vn = 9.91256303526217e-3;
    double dn = R;
    double tn = dn;
    double q = vn / Math.exp(-0.5 * dn * dn);
    KN[0] = (long) ((dn / q) * m1);
    KN[1] = 0;
    WN[0] = q / m1;
    WN[127] = dn / m1;
    FN[0] = 1.0;
    FN[127] = Math.exp(-0.5 * dn * dn);
    for (int i = 126; i >= 1; i--) {
      dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
      KN[i + 1] = (long) ((dn / tn) * m1);
      tn = dn;
      FN[i] = Math.exp(-0.5 * dn * dn);
      WN[i] = dn / m1;
    }
  }

  private CounterNoise() {}

  /** The SplitMix64 finaliser (Stafford's "Mix13" variant). */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * A well-mixed key for one noise field from a seed and a stream number (for example the field
   * index and a layer number), so that nearby seeds give unrelated fields.
   */
  public static long key(long seed, long stream) {
    return mix64(mix64(seed ^ 0x6A09E667F3BCC909L) + stream * GOLDEN);
  }

  /** The deviate at pixel {@code (x, y)}: the same value {@link #fillRow} gives there. */
  public static double at(long key, int x, int y) {
    long counter = ((long) y << 32) + x;
    return normal(mix64(key + counter * GOLDEN));
  }

  /**
   * Fills {@code out[off .. off + n)} with the deviates of pixels {@code (x0 .. x0 + n - 1, y)}.
   */
  public static void fillRow(long key, int x0, int y, float[] out, int off, int n) {
    long base = key + (((long) y << 32) + x0) * GOLDEN;
    for (int i = 0; i < n; i++) {
      long h = mix64(base + i * GOLDEN);
      int hz = (int) h;
      int iz = (int) (h >>> 32) & 127;
      if (Math.abs((long) hz) < KN[iz]) {
        out[off + i] = (float) (hz * WN[iz]);
      } else {
        out[off + i] = (float) tail(h, hz, iz);
      }
    }
  }

  private static double normal(long h) {
    int hz = (int) h;
    int iz = (int) (h >>> 32) & 127;
    if (Math.abs((long) hz) < KN[iz]) {
      return hz * WN[iz];
    }
    return tail(h, hz, iz);
  }

  /** The ziggurat's slow path (wedges and the tail), drawing more hashes from {@code h}. */
  private static double tail(long h, int hz, int iz) {
    long state = h;
    while (true) {
      double x = hz * WN[iz];
      if (iz == 0) {
        double xt;
        double yt;
        do {
          state += GOLDEN;
          xt = -Math.log(uniform(mix64(state))) / R;
          state += GOLDEN;
          yt = -Math.log(uniform(mix64(state)));
        } while (yt + yt < xt * xt);
        return hz > 0 ? R + xt : -R - xt;
      }
      state += GOLDEN;
      if (FN[iz] + uniform(mix64(state)) * (FN[iz - 1] - FN[iz]) < Math.exp(-0.5 * x * x)) {
        return x;
      }
      state += GOLDEN;
      long next = mix64(state);
      hz = (int) next;
      iz = (int) (next >>> 32) & 127;
      if (Math.abs((long) hz) < KN[iz]) {
        return hz * WN[iz];
      }
    }
  }

  /** A uniform in (0, 1] from the top 53 bits. */
  private static double uniform(long h) {
    return ((h >>> 11) + 1) * INV_2_53;
  }
}
