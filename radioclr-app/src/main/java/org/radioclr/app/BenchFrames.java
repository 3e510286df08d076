package org.radioclr.app;

import java.nio.file.Path;
import java.util.List;
import org.radioclr.core.cutout.HulkConfig;
import org.radioclr.core.cutout.HulkCutter;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.SimulationConfig;
import org.radioclr.sim.Simulator;

/** The frames the benchmarks run on (no data download needed). */
public final class BenchFrames {
  private BenchFrames() {}

  /**
   * 256x256 hulk frames (paper Table 1) cut from a simulated 1280x1280 EMU-pilot-like map (seed 7)
   * into {@code dir}; returns their FITS files.
   */
  public static List<Path> exampleCutouts(Path dir) {
    SimulationConfig sim =
        new SimulationConfig(SimPreset.EMU_PILOT.withSize(1280), 7, false, false, 1);
    Path map =
        new Simulator(sim, ProgressListener.NONE).run(dir.resolve("sim")).fields().get(0).map();
    Path cut = dir.resolve("hulk");
    new HulkCutter(HulkConfig.PAPER, ProgressListener.NONE).cut(List.of(map), cut);
    return DatalistReader.readAll(cut.resolve(HulkCutter.DATALIST)).stream()
        .map(DatalistEntry::files)
        .map(f -> f.get(0))
        .toList();
  }
}
