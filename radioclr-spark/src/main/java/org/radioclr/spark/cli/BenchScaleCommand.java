package org.radioclr.spark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.app.BadOptionException;
import org.radioclr.app.BenchFrames;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.nn.features.FeatureOptions;
import org.radioclr.spark.bench.ScaleBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radioclr bench scale}: feature throughput, plain against local Spark (added under {@code
 * radioclr bench} by {@link BenchScalePlugin}).
 */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = {
      "Feature-extraction throughput of radioclr spark features on local[1], local[2], ..."
          + " against the plain extraction (radioclr features' code) on as many cores, on the same"
          + " frames (256x256 hulk frames cut from a simulated map) and the same randomly"
          + " initialised checkpoint: frames/s end to end (datalist to Parquet, model loading"
          + " included) and the ratio spark/plain. Then the core-hours of the paper's hulk_smgps"
          + " set and of an all-sky EMU hulk set at the measured 1-core rate, and this JVM's peak"
          + " memory."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr bench scale",
      "  radioclr bench scale --frames 2048 --cores 1,2,4,8 --image-size 224 --batch 32"
    })
final class BenchScaleCommand implements Callable<Integer> {
  /** hulk_smgps: frames of the paper's SMGPS hulk set. */
  static final long SMGPS_FRAMES = 178_057;

  /** An all-sky EMU hulk set, about. */
  static final long EMU_FRAMES = 5_000_000;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--frames", paramLabel = "N", description = "Frames per run (default: 512).")
  int frames = 512;

  @Option(
      names = "--image-size",
      paramLabel = "PIX",
      description = "Network input (default: 64; the small stem at <= 32).")
  int imageSize = 64;

  @Option(
      names = "--batch",
      paramLabel = "B",
      description = "Images per forward pass (default: " + FeatureOptions.DEFAULT_BATCH + ").")
  int batch = FeatureOptions.DEFAULT_BATCH;

  @Option(
      names = "--cores",
      split = ",",
      paramLabel = "K",
      description = "Core counts (default: 1,2).")
  List<Integer> cores = new ArrayList<>(List.of(1, 2));

  @Option(
      names = "--repeats",
      paramLabel = "R",
      description = "Timed runs of each mode; the fastest counts (default: 3).")
  int repeats = 3;

  @Override
  public Integer call() throws IOException {
    ScaleBench.Settings settings =
        BadOptionException.check(
            () -> new ScaleBench.Settings(frames, imageSize, batch, cores, repeats, 11));
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("radioclr-spark-bench");
    try {
      List<Path> files = BenchFrames.exampleCutouts(dir);
      out.printf(
          "features: random SimCLR ResNet18 at %d px, batch %d, %d frames per run (%d distinct"
              + " 256x256 frames), fastest of %d runs, %d cores seen by the JVM, load average %.1f%n",
          imageSize,
          batch,
          frames,
          files.size(),
          repeats,
          Runtime.getRuntime().availableProcessors(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      out.printf(
          "%-16s %6s %8s %9s %9s %9s %10s%n",
          "mode", "cores", "frames", "seconds", "frames/s", "vs plain", "start (s)");
      double[] plainRate = new double[1];
      List<ScaleBench.Run> runs =
          ScaleBench.run(
              settings,
              files,
              dir,
              r -> {
                if (r.mode().equals("plain")) {
                  plainRate[0] = r.rate();
                }
                out.printf(
                    "%-16s %6d %8d %9.2f %9.1f %8.2fx %10s%n",
                    r.mode(),
                    r.cores(),
                    r.frames(),
                    r.seconds(),
                    r.rate(),
                    r.rate() / plainRate[0],
                    r.mode().equals("plain") ? "-" : String.format("%.1f", r.startSeconds()));
                out.flush();
              });
      ScaleBench.Run one =
          runs.stream()
              .filter(r -> !r.mode().equals("plain") && r.cores() == runs.get(0).cores())
              .findFirst()
              .orElseThrow();
      double perCore = one.rate() / one.cores();
      out.printf(
          "per-core rate (%s): %.1f frames/s; core-hours: hulk_smgps (%,d frames) %.2f,"
              + " all-sky EMU hulk (%,d frames) %.1f%n",
          one.mode(),
          perCore,
          SMGPS_FRAMES,
          SMGPS_FRAMES / perCore / 3600,
          EMU_FRAMES,
          EMU_FRAMES / perCore / 3600);
      out.printf(
          "peak resident memory of this JVM (driver + local executor): %.0f MiB; load average"
              + " now %.1f%n",
          ScaleBench.peakResidentBytes() / (1024.0 * 1024.0),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    } finally {
      OutputFolders.deleteTree(dir);
    }
    return 0;
  }
}
