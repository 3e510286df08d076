package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinMaxRowTest {
  private static final int N = 256;

  /** The division MinMaxRow replaces, as Preprocessor wrote it. */
  private static float divided(double v, double lo, double hi, double low, double range) {
    return (float) ((Math.min(Math.max(v, lo), hi) - low) / range);
  }

  @Test
  void equalsTheDivisionBitForBitOnRandomFloats() {
    SplittableRandom random = new SplittableRandom(16);
    double[] in = new double[N];
    double[] out = new double[N];
    float[] below = new float[N];
    float[] above = new float[N];
    for (int trial = 0; trial < 4000; trial++) {
      double scale = Math.pow(10, random.nextInt(-30, 30));
      for (int x = 0; x < N; x++) {
        in[x] = (float) (random.nextGaussian() * scale);
      }
      double lo = (float) (-2 * scale * random.nextDouble());
      double hi = (float) (3 * scale * random.nextDouble()) + random.nextDouble() * scale * 1e-7;
      double low = lo;
      double range = hi - low;
      MinMaxRow.scale(in, null, 0, N, lo, hi, low, range, out, 0, below, above);
      for (int x = 0; x < N; x++) {
        assertEquals(
            Float.floatToRawIntBits(divided(in[x], lo, hi, low, range)),
            Float.floatToRawIntBits((float) out[x]),
            "value " + x);
      }
    }
  }

  @Test
  void takesTheDivisionWhereTheQuotientIsNearAFloatRoundingBoundary() {
    // d / range lands exactly on (or next to) the midpoint between two float32 neighbours, where a
    // product with the reciprocal may round the other way.
    double range = 3.0;
    double[] in = new double[N];
    int near = 0;
    for (int x = 0; x < N; x++) {
      float f = 0.25f + x * 1e-5f;
      double midpoint = ((double) f + Math.nextUp(f)) / 2;
      in[x] = Math.nextDown(midpoint * range) + (x % 3 - 1) * Math.ulp(midpoint * range);
      near += Math.abs(in[x] / range - midpoint) < 4 * Math.ulp(midpoint) ? 1 : 0;
    }
    assertTrue(near > N / 2, "test values are near rounding boundaries");
    double[] out = new double[N];
    MinMaxRow.scale(in, null, 0, N, 0, range, 0, range, out, 0, new float[N], new float[N]);
    for (int x = 0; x < N; x++) {
      assertEquals(
          Float.floatToRawIntBits(divided(in[x], 0, range, 0, range)),
          Float.floatToRawIntBits((float) out[x]),
          "value " + x);
    }
  }

  @Test
  void weightedRowsGiveSignedZeroAtInvalidPixels() {
    double[] in = {0.0, 2.0, 0.0, 5.0};
    float[] weight = {0f, 1f, 0f, 1f};
    double[] out = new double[4];
    // low above the clamped clean value 0: the invalid pixels' quotient is negative, times 0 -0
    MinMaxRow.scale(in, weight, 0, 4, 0, 5, 1, 4, out, 0, new float[4], new float[4]);
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits((float) out[0]));
    assertEquals(
        Float.floatToRawIntBits(divided(0.0, 0, 5, 1, 4) * 0f),
        Float.floatToRawIntBits((float) out[2]));
    assertEquals(divided(2.0, 0, 5, 1, 4), (float) out[1]);
    assertEquals(1f, (float) out[3]);
  }

  @Test
  void reciprocalNeedsANormalFiniteRange() {
    assertTrue(MinMaxRow.usable(1e-300));
    assertFalse(MinMaxRow.usable(Double.MIN_VALUE));
    assertFalse(MinMaxRow.usable(Double.POSITIVE_INFINITY));
  }
}
