package org.radioclr.sim.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.labels.Morphology.Family;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.model.Gaussian;
import org.radioclr.sim.model.SimSource;

class SkyGeneratorTest {

  private static List<SimSource> sky(SimPreset p, int size, long seed) {
    return new SkyGenerator(p).generate(size, size, new SplittableRandom(seed));
  }

  private static Map<Family, Integer> families(List<SimSource> sources) {
    Map<Family, Integer> n = new EnumMap<>(Family.class);
    for (Family f : Family.values()) {
      n.put(f, 0);
    }
    for (SimSource s : sources) {
      n.merge(s.morphology().family(), 1, Integer::sum);
    }
    return n;
  }

  /** Flux-weighted centre of a source. */
  static double[] centre(SimSource s) {
    double x = 0;
    double y = 0;
    for (Gaussian g : s.components()) {
      x += g.x() * g.flux();
      y += g.y() * g.flux();
    }
    return new double[] {x / s.flux(), y / s.flux()};
  }

  @Test
  void sameSeedGivesEqualSkies() {
    assertEquals(sky(SimPreset.TINY, 384, 42), sky(SimPreset.TINY, 384, 42));
    assertNotEquals(sky(SimPreset.TINY, 384, 42), sky(SimPreset.TINY, 384, 43));
  }

  @Test
  void idsRunInOrderAndArtefactsPointAtBrightHosts() {
    SimPreset p = SimPreset.EMU_PILOT;
    List<SimSource> s = sky(p, 2048, 7);
    SourceRenderer r = new SourceRenderer(p.pixelBeam());
    int artefacts = 0;
    for (int i = 0; i < s.size(); i++) {
      SimSource src = s.get(i);
      assertEquals(i, src.id());
      if (src.morphology().family() == Family.ARTEFACT) {
        artefacts++;
        SimSource host = s.get(src.host());
        assertNotEquals(Family.ARTEFACT, host.morphology().family());
        double peak = 0;
        for (Gaussian g : host.components()) {
          peak = Math.max(peak, r.componentPeak(g));
        }
        assertTrue(peak >= SkyGenerator.HOST_PEAK_SIGMAS * p.rmsJy(), "host peak " + peak);
      } else {
        assertEquals(-1, src.host());
      }
    }
    assertTrue(artefacts > 0);
  }

  @Test
  void familyMixMatchesThePreset() {
    for (SimPreset p : List.of(SimPreset.EMU_PILOT, SimPreset.SMGPS)) {
      List<SimSource> s = sky(p, 4096, 11);
      int n = s.size();
      double area = new SkyGenerator(p).areaSqDeg(4096, 4096);
      assertEquals(p.sourcesPerSqDeg() * area, n, 5, p.name() + " total");
      Map<Family, Integer> got = families(s);
      for (Family f : Family.values()) {
        double expected = p.familyMix().get(f) * n;
        // counts are the expected value rounded up or down
        assertEquals(expected, got.get(f), 1.5, p.name() + " " + f);
      }
    }
  }

  @Test
  void morphologiesWithinAFamilyFollowTheMix() {
    List<SimSource> s = sky(SimPreset.EMU_PILOT, 4096, 12);
    Map<Morphology, Integer> n = new EnumMap<>(Morphology.class);
    int compact = 0;
    for (SimSource src : s) {
      n.merge(src.morphology(), 1, Integer::sum);
      compact += src.morphology().family() == Family.COMPACT ? 1 : 0;
    }
    for (Map.Entry<Morphology, Double> e :
        SkyGenerator.morphologyMix(Family.COMPACT, false).entrySet()) {
      double expected = e.getValue() * compact;
      double sd = Math.sqrt(expected * (1 - e.getValue()));
      assertEquals(expected, n.getOrDefault(e.getKey(), 0), 5 * sd, e.getKey().toString());
    }
  }

  @Test
  void tinyHasAHandfulOfEachFamily() {
    Map<Family, Integer> n = families(sky(SimPreset.TINY, 384, 1));
    assertTrue(n.get(Family.COMPACT) >= 40 && n.get(Family.COMPACT) <= 80, n.toString());
    for (Family f :
        List.of(Family.RADIO_GALAXY, Family.DIFFUSE, Family.PECULIAR, Family.ARTEFACT)) {
      assertTrue(n.get(f) >= 2 && n.get(f) <= 8, f + " " + n);
    }
  }

  @Test
  void peculiarSourcesFallInOneToThreePercentOfHulkFrames() {
    // 256x256 frames every 128 pixels over a 4096^2 EMU-pilot map: 31 x 31 frames
    for (long seed = 1; seed <= 5; seed++) {
      List<SimSource> s = sky(SimPreset.EMU_PILOT, 4096, seed);
      int side = (4096 - 256) / 128 + 1;
      boolean[] hit = new boolean[side * side];
      for (SimSource src : s) {
        if (src.morphology().family() != Family.PECULIAR) {
          continue;
        }
        double[] c = centre(src);
        for (int j = 0; j < side; j++) {
          for (int i = 0; i < side; i++) {
            if (c[0] >= i * 128
                && c[0] < i * 128 + 256
                && c[1] >= j * 128
                && c[1] < j * 128 + 256) {
              hit[j * side + i] = true;
            }
          }
        }
      }
      int frames = 0;
      for (boolean b : hit) {
        frames += b ? 1 : 0;
      }
      double fraction = frames / (double) hit.length;
      assertTrue(fraction >= 0.01 && fraction <= 0.03, "seed " + seed + ": " + fraction);
    }
  }

  @Test
  void mostCompactSourcesSitNearTheNoiseAndAFewAreBright() {
    SimPreset p = SimPreset.EMU_PILOT;
    List<SimSource> s = sky(p, 2048, 3);
    int compact = 0;
    int faint = 0;
    int bright = 0;
    for (SimSource src : s) {
      if (src.morphology().family() != Family.COMPACT) {
        continue;
      }
      compact++;
      double snr = src.flux() / p.rmsJy();
      assertTrue(snr >= 0.99, "flux below the 1-rms floor: " + snr);
      faint += snr < 5 ? 1 : 0;
      bright += snr > 100 ? 1 : 0;
    }
    assertTrue(faint > 0.75 * compact, faint + " of " + compact);
    assertTrue(bright > 0 && bright < 0.02 * compact, bright + " of " + compact);
  }

  @Test
  void centresLieOnTheMap() {
    for (SimSource src : sky(SimPreset.SMGPS, 1024, 5)) {
      if (src.morphology().family() == Family.ARTEFACT) {
        continue;
      }
      double[] c = centre(src);
      assertTrue(
          c[0] > -160 && c[0] < 1024 + 160 && c[1] > -160 && c[1] < 1024 + 160, src.toString());
    }
  }

  @Test
  void galacticPlaneGetsShellsAndHiiRegions() {
    Map<Morphology, Integer> n = new EnumMap<>(Morphology.class);
    for (SimSource src : sky(SimPreset.SMGPS, 4096, 2)) {
      n.merge(src.morphology(), 1, Integer::sum);
    }
    assertTrue(n.getOrDefault(Morphology.HII_REGION, 0) > 5, n.toString());
    assertTrue(n.getOrDefault(Morphology.SNR_SHELL, 0) > 0, n.toString());
    Map<Morphology, Integer> e = new EnumMap<>(Morphology.class);
    for (SimSource src : sky(SimPreset.EMU_PILOT, 4096, 2)) {
      e.merge(src.morphology(), 1, Integer::sum);
    }
    assertEquals(0, e.getOrDefault(Morphology.HII_REGION, 0));
    assertEquals(0, e.getOrDefault(Morphology.SNR_SHELL, 0));
  }

  @Test
  void morphologyMixesSumToOne() {
    for (Family f : Family.values()) {
      for (boolean g : new boolean[] {false, true}) {
        double sum = 0;
        for (Map.Entry<Morphology, Double> e : SkyGenerator.morphologyMix(f, g).entrySet()) {
          assertEquals(f, e.getKey().family());
          sum += e.getValue();
        }
        assertEquals(1, sum, 1e-9, f + " " + g);
      }
    }
  }

  @Test
  void rejectsAnEmptyMap() {
    SkyGenerator g = new SkyGenerator(SimPreset.TINY);
    assertThrows(IllegalArgumentException.class, () -> g.generate(0, 10, new SplittableRandom(1)));
  }
}
