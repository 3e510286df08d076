package org.radioclr.sim.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.radioclr.sim.SimPreset;

class MapBenchmarkTest {

  @Test
  void reportsARate() {
    MapBenchmark.Result r = MapBenchmark.run(SimPreset.TINY, 128, 2, 1, 1);
    assertEquals("tiny", r.preset());
    assertEquals(128, r.size());
    assertTrue(r.seconds() > 0);
    assertEquals(128.0 * 128 / r.seconds() / 1e6, r.megapixelsPerSecond(), 1e-9);
  }

  @Test
  void refusesNoRepetitions() {
    assertThrows(
        IllegalArgumentException.class, () -> MapBenchmark.run(SimPreset.TINY, 64, 1, 0, 1));
  }
}
