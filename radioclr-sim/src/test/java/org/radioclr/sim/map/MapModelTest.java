package org.radioclr.sim.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.sim.SimPreset;

class MapModelTest {

  @Test
  void rmsFollowsTheMosaicPatternInTheMap() {
    SimPreset preset = TestPresets.tiny(10, 10, 0, 0.6, 0);
    MapModel map = MapModel.create(preset, 384, 384, 2, 0);
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    int[] loAt = null;
    int[] hiAt = null;
    for (int y = 40; y < 344; y += 8) {
      for (int x = 40; x < 344; x += 8) {
        if (!map.inFootprint(x - 30, y - 30)
            || !map.inFootprint(x + 30, y + 30)
            || !map.inFootprint(x - 30, y + 30)
            || !map.inFootprint(x + 30, y - 30)) {
          continue;
        }
        double r = map.rmsAt(x, y);
        if (r < lo) {
          lo = r;
          loAt = new int[] {x, y};
        }
        if (r > hi) {
          hi = r;
          hiAt = new int[] {x, y};
        }
      }
    }
    assertTrue(hi > 1.2 * lo, "rms range " + lo + " .. " + hi);
    float[] band = new float[384 * 384];
    map.renderBand(0, 384, List.of(), band);
    double measuredLo = NoiseStats.std(band, 384, loAt[0] - 25, loAt[1] - 25, 50, 50);
    double measuredHi = NoiseStats.std(band, 384, hiAt[0] - 25, hiAt[1] - 25, 50, 50);
    assertEquals(lo, measuredLo, 0.2 * lo);
    assertEquals(hi, measuredHi, 0.2 * hi);
  }

  @Test
  void mosaickingFollowsThePresetFraction() {
    MapModel always = MapModel.create(TestPresets.tiny(10, 10, 0, 0, 1.0), 256, 256, 4, 0);
    assertTrue(always.hasMosaicking());
    MosaicRegion r = always.mosaickingRegions().get(0);
    assertTrue(always.mosaickingAt(r.x0(), r.y0()));
    MapModel never = MapModel.create(TestPresets.plain(), 256, 256, 4, 0);
    assertFalse(never.hasMosaicking());
    assertTrue(never.mosaickingRegions().isEmpty());
    int with = 0;
    SimPreset half = TestPresets.tiny(10, 10, 0, 0, 0.5);
    for (int field = 0; field < 40; field++) {
      if (MapModel.create(half, 64, 64, 9, field).hasMosaicking()) {
        with++;
      }
    }
    assertTrue(with > 10 && with < 30, with + " of 40 fields with mosaicking");
  }

  @Test
  void mosaickingChangesOnlyItsRegions() {
    SimPreset on = TestPresets.tiny(10, 10, 0, 0, 1.0);
    SimPreset off = TestPresets.tiny(10, 10, 0, 0, 0.0);
    // same seed and field: same noise and footprint, residuals only where listed
    MapModel a = MapModel.create(on, 200, 200, 6, 1);
    MapModel b = MapModel.create(off, 200, 200, 6, 1);
    float[] fa = new float[200 * 200];
    float[] fb = new float[200 * 200];
    a.renderBand(0, 200, List.of(), fa);
    b.renderBand(0, 200, List.of(), fb);
    int changed = 0;
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 200; x++) {
        if (fa[y * 200 + x] != fb[y * 200 + x]) {
          changed++;
          assertTrue(a.mosaickingAt(x, y), "changed outside the regions at " + x + "," + y);
        }
      }
    }
    assertTrue(changed > 100, "only " + changed + " pixels changed");
  }

  @Test
  void galacticPresetsHaveDiffuseEmissionOthersDoNot() {
    MapModel g = MapModel.create(TestPresets.galactic(), 256, 256, 1, 0);
    assertTrue(g.diffuse().isPresent());
    assertTrue(g.diffuseAt(128, 128) > 0);
    float[] band = new float[256 * 256];
    g.renderBand(0, 256, List.of(), band);
    double mean = 0;
    int n = 0;
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x++) {
        if (g.inFootprint(x, y)) {
          mean += band[y * 256 + x];
          n++;
        }
      }
    }
    assertTrue(mean / n > 0.5 * 15e-6, "diffuse emission raises the mean: " + mean / n);
    MapModel e = MapModel.create(SimPreset.TINY, 128, 128, 1, 0);
    assertTrue(e.diffuse().isEmpty());
    assertEquals(0.0, e.diffuseAt(3, 3));
  }

  @Test
  void bandsAreIndependentOfTheirCut() {
    MapModel map = MapModel.create(TestPresets.tiny(14, 8, 40, 0.3, 1.0), 150, 120, 3, 0);
    float[] whole = new float[150 * 120];
    map.renderBand(0, 120, List.of(), whole);
    float[] a = new float[150 * 47];
    float[] b = new float[150 * 73];
    map.renderBand(0, 47, List.of(), a);
    map.renderBand(47, 73, List.of(), b);
    float[] joined = new float[150 * 120];
    System.arraycopy(a, 0, joined, 0, a.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    assertArrayEquals(whole, joined);
  }

  @Test
  void refusesImpossibleMaps() {
    assertThrows(
        IllegalArgumentException.class, () -> MapModel.create(SimPreset.TINY, 8, 100, 1, 0));
    assertThrows(
        IllegalArgumentException.class, () -> MapModel.create(SimPreset.TINY, 100, 100, 1, -1));
    MapModel m = MapModel.create(SimPreset.TINY, 64, 64, 1, 0);
    assertThrows(
        IllegalArgumentException.class, () -> m.renderBand(60, 10, List.of(), new float[640]));
  }
}
