package org.radioclr.sim.map;

import java.util.Map;
import org.radioclr.formats.labels.Morphology.Family;
import org.radioclr.sim.SimPreset;

/** Small presets for the map tests. */
final class TestPresets {
  private TestPresets() {}

  /** Like {@code tiny}, with the given beam (arcsec, 2"/px), rms variation and mosaicking. */
  static SimPreset tiny(
      double bmaj, double bmin, double bpa, double rmsVariation, double mosaicking) {
    return new SimPreset(
        "tiny",
        1.4e9,
        2.0,
        bmaj,
        bmin,
        bpa,
        50e-6,
        rmsVariation,
        384,
        1,
        20000,
        Map.of(Family.COMPACT, 1.0),
        false,
        mosaicking);
  }

  /** Tiny, circular 10" beam, constant rms, no mosaicking residuals. */
  static SimPreset plain() {
    return tiny(10, 10, 0, 0, 0);
  }

  /** A small Galactic-plane preset. */
  static SimPreset galactic() {
    return new SimPreset(
        "smgps",
        1.3e9,
        1.1,
        8.0,
        8.0,
        0.0,
        15e-6,
        0.3,
        256,
        1,
        900,
        Map.of(Family.COMPACT, 1.0),
        true,
        0.0);
  }
}
