package org.radioclr.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistWriter;
import org.radioclr.core.datalist.LabelForm;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.features.ExtractionSummary;
import org.radioclr.nn.features.FeatureExtractor;
import org.radioclr.nn.features.FeatureOptions;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.spark.EncoderCache;
import org.radioclr.spark.SparkSessions;
import org.radioclr.spark.features.SparkFeatureJob;

/**
 * Feature-extraction throughput, plain against Spark in local mode, on the same frames and the same
 * (randomly initialised, seeded) checkpoint: for each core count k, the plain extraction ({@code
 * radioclr features}' code: load the checkpoint, read + pre-process on k reader threads, libtorch
 * on k threads, write Parquet) and {@code radioclr spark features}' job on {@code local[k]} (load
 * the checkpoint in the executor, k tasks, part tables joined into one). Both are timed end to end
 * from the datalist to the written table, model loading included; Spark's session start and a first
 * small job (class loading, code generation) are timed apart, as a cluster job pays them once.
 */
public final class ScaleBench {
  /**
   * Settings.
   *
   * @param frames frames per run (the example frames repeated), &ge; 1
   * @param imageSize network input side, 8..1024 (small stem at &le; 32 px)
   * @param batch images per forward pass
   * @param cores the core counts to run, each &ge; 1
   * @param repeats timed runs of each mode, alternating plain and Spark; the fastest counts
   * @param seed the random checkpoint's seed
   */
  public record Settings(
      int frames, int imageSize, int batch, List<Integer> cores, int repeats, long seed) {
    /** Validates the fields. */
    public Settings {
      cores = List.copyOf(cores);
      if (repeats < 1) {
        throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
      }
      if (frames < 1) {
        throw new IllegalArgumentException("frames must be >= 1, got " + frames);
      }
      if (imageSize < 8 || imageSize > 1024) {
        throw new IllegalArgumentException("image size must be in [8, 1024], got " + imageSize);
      }
      if (batch < 1) {
        throw new IllegalArgumentException("batch must be >= 1, got " + batch);
      }
      if (cores.isEmpty() || cores.stream().anyMatch(c -> c < 1)) {
        throw new IllegalArgumentException("core counts must be >= 1, got " + cores);
      }
    }
  }

  /**
   * One timed run.
   *
   * @param mode {@code plain} or {@code spark local[k]}
   * @param cores k
   * @param frames rows written
   * @param seconds wall-clock time, datalist to table
   * @param startSeconds Spark only: session start and the warm-up job (0 for plain)
   */
  public record Run(String mode, int cores, long frames, double seconds, double startSeconds) {
    /** Frames per second. */
    public double rate() {
      return frames / seconds;
    }
  }

  private ScaleBench() {}

  /**
   * Runs the benchmark in {@code dir} (the frames, checkpoint and tables are written there).
   *
   * @param frameFiles FITS frames to cycle through
   * @param onRun told each run as it finishes
   */
  public static List<Run> run(
      Settings s, List<Path> frameFiles, Path dir, java.util.function.Consumer<Run> onRun)
      throws IOException {
    Path datalist = dir.resolve("frames.json");
    List<DatalistEntry> entries = new ArrayList<>(s.frames());
    for (int i = 0; i < s.frames(); i++) {
      entries.add(DatalistEntry.unlabelled(frameFiles.get(i % frameFiles.size()), "c" + i));
    }
    DatalistWriter.writeAll(datalist, entries, LabelForm.SCALAR_WHEN_SINGLE);
    Path warmList = dir.resolve("warm.json");
    DatalistWriter.writeAll(
        warmList,
        entries.subList(0, Math.min(entries.size(), s.batch())),
        LabelForm.SCALAR_WHEN_SINGLE);
    Path checkpoint = dir.resolve("checkpoint");
    ModelConfig config =
        new ModelConfig(
            ResNet18Config.encoder(s.imageSize() <= 32),
            ProjectionHeadConfig.paper(),
            s.imageSize(),
            null);
    Checkpoint.saveRandom(checkpoint, config, s.seed(), new Provenance("radioclr bench scale"));
    FeatureOptions options = new FeatureOptions(false, s.batch(), 1, false, false);
    plain(checkpoint, warmList, dir.resolve("warm.parquet"), options, 1); // JIT, libtorch
    List<Run> runs = new ArrayList<>();
    for (int k : s.cores()) {
      long t0 = System.nanoTime();
      SparkSession session =
          SparkSessions.open(
              "local[" + k + "]", "radioclr bench scale", Map.of("spark.driver.host", "127.0.0.1"));
      try {
        SparkFeatureJob job = new SparkFeatureJob(session, options, 0);
        job.run(checkpoint, warmList, dir.resolve("warm-spark.parquet"));
        double start = (System.nanoTime() - t0) / 1e9;
        Run plain = null;
        Run spark = null;
        for (int rep = 0; rep < s.repeats(); rep++) {
          long t1 = System.nanoTime();
          ExtractionSummary p =
              plain(checkpoint, datalist, dir.resolve("plain.parquet"), options, k);
          plain = faster(plain, new Run("plain", k, p.rows(), (System.nanoTime() - t1) / 1e9, 0));
          EncoderCache.closeAll(); // each Spark run loads the checkpoint, as the plain one does
          long t2 = System.nanoTime();
          SparkFeatureJob.Outcome o = job.run(checkpoint, datalist, dir.resolve("spark.parquet"));
          spark =
              faster(
                  spark,
                  new Run(
                      "spark local[" + k + "]",
                      k,
                      o.summary().rows(),
                      (System.nanoTime() - t2) / 1e9,
                      start));
        }
        runs.add(plain);
        onRun.accept(plain);
        runs.add(spark);
        onRun.accept(spark);
      } finally {
        session.stop();
        EncoderCache.closeAll();
      }
    }
    return runs;
  }

  private static Run faster(Run best, Run run) {
    return best == null || run.seconds() < best.seconds() ? run : best;
  }

  private static ExtractionSummary plain(
      Path checkpoint, Path datalist, Path out, FeatureOptions options, int cores) {
    Engines.setComputeThreads(cores);
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options.withWorkers(cores))) {
      return fx.extract(datalist, out, ProgressListener.NONE);
    }
  }

  /** This process's peak resident memory in bytes (Linux {@code VmHWM}), or 0 when unknown. */
  public static long peakResidentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String[] f = line.substring(6).trim().split("\\s+");
          return Long.parseLong(f[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
