package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ZScaleStageTest {
  private final Workspace ws = new Workspace();

  private static double[] ramp(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return v;
  }

  @Test
  void rampWithContrastOneHasHandComputedLimits() {
    // Exact line, slope 1: median 499.5, centre pixel 499:
    // z1 = max(0, 499.5 - 498 * 1) = 1.5, z2 = min(999, 499.5 + 501 * 1) = 999.
    Interval z = new ZScaleStage(1000, 1.0, 0.5, 5, 2.5, 5).limits(ramp(1000), 1000, ws);
    assertEquals(1.5, z.lower(), 1e-9);
    assertEquals(999, z.upper(), 1e-9);
  }

  @Test
  void samplesEveryStrideThValue() {
    // 2500 values -> stride int(2.5) = 2 -> samples 0, 2, ..., 1998, slope 2, median 999:
    // z1 = max(0, 999 - 498 * 2) = 3, z2 = min(1998, 999 + 501 * 2) = 1998.
    Interval z = new ZScaleStage(1000, 1.0, 0.5, 5, 2.5, 5).limits(ramp(2500), 2500, ws);
    assertEquals(3, z.lower(), 1e-9);
    assertEquals(1998, z.upper(), 1e-9);
  }

  @Test
  void lowerContrastWidensToTheSampleRange() {
    Interval z = ZScaleStage.withContrast(0.25).limits(ramp(1000), 1000, ws);
    assertEquals(0, z.lower(), 0.0);
    assertEquals(999, z.upper(), 0.0);
  }

  @Test
  void tooFewSamplesGiveMinAndMax() {
    double[] v = {3, -1, 10, 2};
    Interval z = ZScaleStage.withContrast(0.25).limits(v, 4, ws);
    assertEquals(-1, z.lower(), 0.0);
    assertEquals(10, z.upper(), 0.0);
  }

  @Test
  void applyClamps() {
    double[] v = ramp(1000);
    new ZScaleStage(1000, 1.0, 0.5, 5, 2.5, 5).apply(v, 1000, ws);
    assertEquals(1.5, v[0], 1e-9);
    assertEquals(1.5, v[1], 1e-9);
    assertEquals(2, v[2], 0.0);
    assertEquals(999, v[999], 0.0);
  }

  @Test
  void matchesAstropyOnReferenceArrays() {
    for (JsonNode array : TestImages.json("stages.json").get("arrays")) {
      double[] values = TestImages.doubles(array.get("values"));
      double[] copy = values.clone();
      for (JsonNode c : array.get("zscale")) {
        JsonNode p = c.get("params");
        ZScaleStage stage =
            new ZScaleStage(
                p.get("n_samples").asInt(),
                p.get("contrast").asDouble(),
                p.get("max_reject").asDouble(),
                p.get("min_npixels").asInt(),
                p.get("krej").asDouble(),
                p.get("max_iterations").asInt());
        double[] expected = TestImages.doubles(c.get("limits"));
        Interval z = stage.limits(values, values.length, ws);
        double tol = TestImages.limitTolerance(expected[0], expected[1]);
        String what = stage + " on " + values.length + " values";
        assertEquals(expected[0], z.lower(), tol, what);
        assertEquals(expected[1], z.upper(), tol, what);
      }
      assertArrayEquals(copy, values, 0.0, "input left unchanged");
    }
  }

  @Test
  void oneFitGivesTheLimitsOfEveryContrast() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(4);
    double[] v = new double[50_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (rnd.nextGaussian() + (rnd.nextInt(20) == 0 ? 30 * rnd.nextDouble() : 0));
    }
    ZScaleStage.Fit fit = ZScaleStage.withContrast(0.25).fit(v, v.length, ws);
    assertEquals(1000, fit.samples());
    for (double contrast : new double[] {0.25, 0.4, 1}) {
      Interval expected = ZScaleStage.withContrast(contrast).limits(v, v.length, ws);
      assertEquals(expected, fit.limits(contrast), "contrast " + contrast);
    }
    Interval wide = fit.limits(0.25);
    Interval narrow = fit.limits(0.4);
    assertTrue(wide.upper() > narrow.upper(), "a lower contrast widens the limits");
    assertThrows(IllegalArgumentException.class, () -> fit.limits(0));
    assertThrows(IllegalArgumentException.class, () -> fit.limits(1.5));
  }

  @Test
  void stagesShareAFitWhenOnlyTheContrastDiffers() {
    ZScaleStage a = ZScaleStage.withContrast(0.25);
    assertTrue(a.sharesFitWith(ZScaleStage.withContrast(0.4)));
    assertTrue(a.sharesFitWith(a));
    assertFalse(a.sharesFitWith(new ZScaleStage(999, 0.25, 0.5, 5, 2.5, 5)));
    assertFalse(a.sharesFitWith(new ZScaleStage(1000, 0.25, 0.4, 5, 2.5, 5)));
    assertFalse(a.sharesFitWith(new ZScaleStage(1000, 0.25, 0.5, 6, 2.5, 5)));
    assertFalse(a.sharesFitWith(new ZScaleStage(1000, 0.25, 0.5, 5, 3, 5)));
    assertFalse(a.sharesFitWith(new ZScaleStage(1000, 0.25, 0.5, 5, 2.5, 4)));
  }

  @Test
  void tooFewSamplesLeftGiveTheSampleRangeForAnyContrast() {
    ZScaleStage.Fit fit = ZScaleStage.withContrast(0.4).fit(new double[] {3, -1, 10, 2}, 4, ws);
    assertFalse(fit.enoughLeft());
    assertEquals(new Interval(-1, 10), fit.limits(0.1));
  }

  @Test
  void rejectsBadParameters() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ZScaleStage.withContrast(1.5));
    assertEquals("contrast must be in (0,1], got 1.5", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ZScaleStage.withContrast(0));
    assertThrows(IllegalArgumentException.class, () -> new ZScaleStage(0, 0.25, 0.5, 5, 2.5, 5));
    assertThrows(IllegalArgumentException.class, () -> new ZScaleStage(10, 0.25, 1.5, 5, 2.5, 5));
    assertThrows(IllegalArgumentException.class, () -> new ZScaleStage(10, 0.25, 0.5, 1, 2.5, 5));
    assertThrows(IllegalArgumentException.class, () -> new ZScaleStage(10, 0.25, 0.5, 5, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> new ZScaleStage(10, 0.25, 0.5, 5, 2.5, 0));
  }
}
