package org.radioclr.sim;

import java.util.Objects;

/**
 * One simulation run: the survey preset (with its map size and number of fields), the seed, and
 * which extras to write.
 *
 * @param preset survey preset, with {@code size} and {@code fields} as wanted
 * @param seed random seed; the same seed and settings give byte-identical outputs
 * @param preview write PNG previews of each map and a contact sheet of sources per class
 * @param benchmarkSets write the classification, detection and anomaly benchmark sets
 * @param threads worker threads for writing maps, {@code >= 1}
 */
public record SimulationConfig(
    SimPreset preset, long seed, boolean preview, boolean benchmarkSets, int threads) {

  public SimulationConfig {
    Objects.requireNonNull(preset, "preset");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }
}
