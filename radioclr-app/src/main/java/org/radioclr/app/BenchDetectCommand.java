package org.radioclr.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.detect.islands.IslandConfig;
import org.radioclr.detect.islands.IslandFinder;
import org.radioclr.detect.net.DetectModel;
import org.radioclr.detect.net.Grouping;
import org.radioclr.detect.output.MapRun;
import org.radioclr.detect.tiles.DetectBenchmark;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.EncoderInit;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.SimulationConfig;
import org.radioclr.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr bench detect}: whole-map detection speed against libtorch threads. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate an EMU-pilot-like map into a temporary folder and time detect run's tiled"
          + " inference over it (the detector with random weights unless --model is given; speed"
          + " does not depend on the weights) for 1 libtorch thread up to --threads, then the"
          + " island finder (one Java thread) for comparison; prints map megapixels/s and"
          + " tiles/s."
    },
    footer = {"", "Examples:", "  radioclr bench detect", "  radioclr bench detect --size 4096"})
final class BenchDetectCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--size", paramLabel = "PIX", description = "Map side (default: 1024).")
  int size = 1024;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Most libtorch threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--tile", paramLabel = "PX", description = "Tile side (default: 256).")
  int tile = 256;

  @Option(names = "--overlap", paramLabel = "PX", description = "Tile overlap (default: 64).")
  int overlap = 64;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "A detector model folder or a shipped detector's name (default: a new one with random"
              + " weights).")
  Path model;

  @Override
  public Integer call() throws IOException {
    if (threads < 1) {
      throw new BadOptionException("--threads must be >= 1, got " + threads);
    }
    if (size < 256) {
      throw new BadOptionException("--size must be >= 256, got " + size);
    }
    if (tile < 32 || overlap < 0 || overlap >= tile) {
      throw new BadOptionException(
          "--tile must be >= 32 and --overlap in [0, tile), got " + tile + " and " + overlap);
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("radioclr-bench-detect");
    try (DetectModel net =
        model != null
            ? DetectModel.load(model)
            : DetectModel.create(
                new EncoderInit.Scratch(), PreprocessConfig.paper(), 64, false, 1)) {
      SimulationConfig sim =
          new SimulationConfig(SimPreset.EMU_PILOT.withSize(size), 7, false, false, 1);
      Path map =
          new Simulator(sim, ProgressListener.NONE).run(dir.resolve("sim")).fields().get(0).map();
      FitsImage img = FitsReader.read(map);
      out.printf(
          "detect: %dx%d simulated EMU-pilot map, tiles %d overlap %d, %s on %s, %d cores%n",
          size,
          size,
          tile,
          overlap,
          model == null ? "detector with random weights" : "detector " + model,
          Engines.bestDevice(),
          Runtime.getRuntime().availableProcessors());
      out.printf(
          "%-9s %8s %6s %8s %9s %8s %9s%n",
          "detector", "threads", "tiles", "objects", "seconds", "Mpx/s", "tiles/s");
      int before = Engines.setComputeThreads(1);
      try {
        for (int t : BenchCommand.Preprocess.threadCounts(threads)) {
          Engines.setComputeThreads(t);
          print(
              out,
              "network",
              Integer.toString(t),
              DetectBenchmark.run(
                  img.plane(), p -> net.detect(p, Grouping.DEFAULT), tile, overlap));
        }
      } finally {
        Engines.setComputeThreads(before);
      }
      double[] beam = MapRun.beamPixels(img.header());
      IslandFinder finder = new IslandFinder(IslandConfig.DEFAULT);
      print(
          out,
          "islands",
          "1",
          DetectBenchmark.run(img.plane(), p -> finder.find(p, beam[0], beam[1]), tile, overlap));
      return 0;
    } finally {
      OutputFolders.deleteTree(dir);
    }
  }

  private static void print(
      PrintWriter out, String detector, String threads, DetectBenchmark.Rate r) {
    out.printf(
        "%-9s %8s %6d %8d %9.2f %8.3f %9.2f%n",
        detector,
        threads,
        r.tiles(),
        r.objects(),
        r.seconds(),
        r.megapixelsPerSecond(),
        r.tilesPerSecond());
    out.flush();
  }
}
