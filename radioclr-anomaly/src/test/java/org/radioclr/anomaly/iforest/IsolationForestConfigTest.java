package org.radioclr.anomaly.iforest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.radioclr.anomaly.iforest.IsolationForestConfig.Contamination;
import org.radioclr.anomaly.iforest.IsolationForestConfig.MaxSamples;

class IsolationForestConfigTest {

  @Test
  void parsesMaxSamplesLikeScikitLearn() {
    assertEquals(MaxSamples.AUTO, MaxSamples.parse("auto"));
    assertEquals(256, MaxSamples.parse("auto").resolve(100_000));
    assertEquals(100, MaxSamples.parse("AUTO").resolve(100));
    assertEquals(2000, MaxSamples.parse("0.02").resolve(100_000));
    assertEquals(100_000, MaxSamples.parse("1.0").resolve(100_000));
    assertEquals(256, MaxSamples.parse("256").resolve(100_000));
    assertEquals(50, MaxSamples.parse("256").resolve(50), "a count is capped at the rows");
    assertEquals(2, MaxSamples.parse("0.001").resolve(100), "at least two rows per tree");
    assertEquals("0.02", MaxSamples.parse("0.02").toString());
    assertEquals("256", MaxSamples.parse("256").toString());
  }

  @Test
  void badMaxSamplesNameTheValue() {
    for (String bad : new String[] {"0", "1.5", "-0.1", "1", "x", ""}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> MaxSamples.parse(bad), bad);
      assertTrue(e.getMessage().contains("max-samples"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> MaxSamples.AUTO.resolve(1));
  }

  @Test
  void parsesContamination() {
    assertTrue(Contamination.parse("auto").isAuto());
    assertEquals(0.001, Contamination.parse("0.001").fraction());
    assertEquals(0.5, Contamination.parse("0.5").fraction());
    assertEquals("auto", Contamination.AUTO.toString());
    for (String bad : new String[] {"0", "0.6", "-1", "lots"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Contamination.parse(bad), bad);
      assertTrue(e.getMessage().contains("contamination"), e.getMessage());
    }
  }

  @Test
  void validatesTrees() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new IsolationForestConfig(0, MaxSamples.AUTO, Contamination.AUTO, 1));
    assertEquals("trees must be >= 1, got 0", e.getMessage());
    assertEquals(200, IsolationForestConfig.defaults(3).trees());
  }
}
