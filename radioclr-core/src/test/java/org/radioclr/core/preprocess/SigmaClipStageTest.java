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
