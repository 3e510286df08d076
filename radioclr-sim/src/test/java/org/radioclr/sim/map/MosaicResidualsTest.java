package org.radioclr.sim.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MosaicResidualsTest {

  @Test
  void patternsLieInTheirRegionsAndAreVisible() {
    for (long seed = 0; seed < 10; seed++) {
      MosaicResiduals r = MosaicResiduals.random(300, 200, 5, new SplittableRandom(seed));
      assertFalse(r.isEmpty());
      double peak = 0;
      for (int y = 0; y < 200; y++) {
        for (int x = 0; x < 300; x++) {
          double v = r.at(x, y);
          if (!r.affects(x, y)) {
            assertEquals(0.0, v, "outside the regions at " + x + "," + y);
          }
          peak = Math.max(peak, Math.abs(v));
        }
      }
      assertTrue(peak > 0.5 && peak < 6, "peak " + peak + " sigma for seed " + seed);
      for (MosaicRegion g : r.regions()) {
        assertTrue(g.x0() >= 0 && g.y0() >= 0 && g.x1() <= 300 && g.y1() <= 200, g.toString());
      }
    }
  }

  @Test
  void addRowScalesByTheLocalRms() {
    MosaicResiduals r = MosaicResiduals.random(120, 120, 4, new SplittableRandom(5));
    MosaicRegion g = r.regions().get(0);
    int y = (g.y0() + g.y1()) / 2;
    float[] row = new float[120];
    double[] scale = new double[120];
    java.util.Arrays.fill(scale, 2e-5);
    r.addRow(y, row, 0, scale);
    for (int x = 0; x < 120; x++) {
      assertEquals(2e-5 * r.at(x, y), row[x], 1e-10);
    }
    assertTrue(r.regions().stream().mapToLong(q -> q.overlap(0, 0, 120, 120)).sum() > 0);
  }

  @Test
  void noneHasNoRegions() {
    assertTrue(MosaicResiduals.none().regions().isEmpty());
    assertFalse(MosaicResiduals.none().affects(3, 3));
  }

  @Test
  void regionsRefuseEmptyRectangles() {
    assertThrows(
        IllegalArgumentException.class, () -> new MosaicRegion(MosaicRegion.Kind.SEAM, 5, 5, 5, 9));
    assertEquals(4, new MosaicRegion(MosaicRegion.Kind.RIPPLE, 0, 0, 4, 4).overlap(2, 2, 5, 5));
  }
}
