package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SigmaClipStageTest {
  private final Workspace ws = new Workspace();

  @Test
  void iteratesUntilNothingIsRemoved() {
    // 1: median 3, std sqrt(1522), 100 removed; 2: median 2.5, std sqrt(1.25), nothing removed.
    double[] v = {1, 2, 3, 4, 100};
    Interval b = new SigmaClipStage(2, 2, 5).bounds(v, 5, ws);
    assertEquals(2.5 - 2 * Math.sqrt(1.25), b.lower(), 1e-12);
    assertEquals(2.5 + 2 * Math.sqrt(1.25), b.upper(), 1e-12);
    assertArrayEquals(new double[] {1, 2, 3, 4, 100}, v, 0.0, "input left unchanged");
  }

  @Test
  void clipReportsStatisticsOfTheSurvivors() {
    SigmaClipStage.Clipped c =
        new SigmaClipStage(2, 2, 5).clip(new double[] {1, 2, 3, 4, 100}, 5, ws);
    assertEquals(4, c.kept());
    assertEquals(2.5, c.median(), 1e-12);
    assertEquals(Math.sqrt(1.25), c.std(), 1e-12);
  }

  @Test
  void stopsAfterMaxIterations() {
    double[] v = {1, 2, 3, 4, 100};
    Interval b = new SigmaClipStage(2, 2, 1).bounds(v, 5, ws);
    assertEquals(3 - 2 * Math.sqrt(1522), b.lower(), 1e-12);
    assertEquals(3 + 2 * Math.sqrt(1522), b.upper(), 1e-12);
  }

  @Test
  void usesSeparateLowerAndUpperSigmas() {
    // astropy: sigma_clip([1,2,3,4,100], sigma_lower=0.5, sigma_upper=10) bounds
    double[] v = {1, 2, 3, 4, 100};
    Interval b = new SigmaClipStage(0.5, 10, 5).bounds(v, 5, ws);
    assertEquals(-16.50640920313116, b.lower(), 1e-12);
    assertEquals(393.1281840626232, b.upper(), 1e-12);
  }

  @Test
  void applyClampsToTheBounds() {
    double[] v = {1, 2, 3, 4, 100, 0, 0};
    new SigmaClipStage(2, 2, 5).apply(v, 5, ws);
    double lo = 2.5 - 2 * Math.sqrt(1.25);
    double hi = 2.5 + 2 * Math.sqrt(1.25);
    assertArrayEquals(new double[] {1, 2, 3, 4, hi, 0, 0}, v, 1e-12);
    assertTrue(lo < 1);
  }

  @Test
  void constantValuesGiveADegenerateInterval() {
    double[] v = {7, 7, 7};
    Interval b = SigmaClipStage.PAPER.bounds(v, 3, ws);
    assertEquals(7, b.lower(), 0.0);
    assertEquals(7, b.upper(), 0.0);
  }

  @Test
  void matchesAstropyOnReferenceArrays() {
    for (JsonNode array : TestImages.json("stages.json").get("arrays")) {
      double[] values = TestImages.doubles(array.get("values"));
      for (JsonNode c : array.get("sigma_clip")) {
        JsonNode p = c.get("params");
        SigmaClipStage stage =
            new SigmaClipStage(
                p.get("sigma_lower").asDouble(),
                p.get("sigma_upper").asDouble(),
                p.get("max_iterations").asInt());
        double[] expected = TestImages.doubles(c.get("limits"));
        Interval b = stage.bounds(values, values.length, ws);
        double tol = TestImages.limitTolerance(expected[0], expected[1]);
        String what = stage + " on " + values.length + " values";
        assertEquals(expected[0], b.lower(), tol, what);
        assertEquals(expected[1], b.upper(), tol, what);
      }
    }
  }

  /** The iteration spelled out as astropy does it: filter, median, two-pass std, repeat. */
  private static SigmaClipStage.Clipped reference(SigmaClipStage stage, double[] values) {
    double[] kept = values.clone();
    double lo = Double.NaN;
    double hi = Double.NaN;
    int removed = 1;
    for (int it = 0; removed != 0 && it < stage.maxIterations() && kept.length > 0; it++) {
      double median = medianOf(kept);
      double std = twoPassStd(kept);
      lo = median - std * stage.sigmaLower();
      hi = median + std * stage.sigmaUpper();
      double l = lo;
      double h = hi;
      double[] next = java.util.Arrays.stream(kept).filter(v -> v >= l && v <= h).toArray();
      removed = kept.length - next.length;
      kept = next;
    }
    return new SigmaClipStage.Clipped(
        new Interval(lo, hi),
        kept.length > 0 ? medianOf(kept) : Double.NaN,
        kept.length > 0 ? twoPassStd(kept) : Double.NaN,
        kept.length);
  }

  private static double medianOf(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
  }

  private static double twoPassStd(double[] v) {
    double mean = java.util.Arrays.stream(v).sum() / v.length;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / v.length);
  }

  private static void assertSameClip(SigmaClipStage.Clipped expected, SigmaClipStage.Clipped c) {
    assertEquals(expected.kept(), c.kept(), "kept");
    assertEquals(expected.median(), c.median(), 0.0, "median");
    assertEquals(expected.std(), c.std(), 1e-12 * expected.std(), "std");
    double scale = Math.abs(expected.bounds().upper() - expected.bounds().lower());
    assertEquals(expected.bounds().lower(), c.bounds().lower(), 1e-12 * scale, "lower");
    assertEquals(expected.bounds().upper(), c.bounds().upper(), 1e-12 * scale, "upper");
  }

  @Test
  void matchesTheIterationSpelledOutOnFloatAndDoubleImages() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
    SigmaClipStage[] stages = {SigmaClipStage.PAPER, new SigmaClipStage(3, 3, 5)};
    for (int image = 0; image < 6; image++) {
      // noise, a sky offset on some, sources and a few deep negative artefacts
      double offset = image % 3 == 2 ? 1 : 0;
      double[] v = new double[20_000 + 997 * image];
      for (int i = 0; i < v.length; i++) {
        double x = offset + 1e-4 * rnd.nextGaussian();
        if (rnd.nextInt(30) == 0) {
          x += 0.05 * Math.pow(rnd.nextDouble(), 3);
        }
        if (rnd.nextInt(3000) == 0) {
          x -= 0.01;
        }
        v[i] = image < 4 ? (float) x : x; // float32 pixels, or doubles
      }
      for (SigmaClipStage stage : stages) {
        assertSameClip(reference(stage, v), stage.clip(v, v.length, ws));
      }
    }
  }

  @Test
  void rejectsBadParameters() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SigmaClipStage(-1, 3, 5));
    assertEquals("sigma_lower must be finite and > 0, got -1.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SigmaClipStage(3, Double.NaN, 5));
    assertThrows(IllegalArgumentException.class, () -> new SigmaClipStage(3, 3, 0));
    assertThrows(
        IllegalArgumentException.class, () -> SigmaClipStage.PAPER.bounds(new double[1], 0, ws));
  }
}
