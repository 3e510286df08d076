package org.radioclr.app;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.radioclr.anomaly.iforest.ForestScorer;
import org.radioclr.anomaly.iforest.IsolationForest;
import org.radioclr.anomaly.iforest.IsolationForestConfig;
import org.radioclr.anomaly.iforest.IsolationForestConfig.Contamination;
import org.radioclr.anomaly.iforest.IsolationForestConfig.MaxSamples;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.table.FeatureMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr bench iforest}: Isolation Forest fit and score speed on synthetic data. */
@Command(
    name = "iforest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Fit an Isolation Forest on seeded Gaussian rows with 100 planted outliers (6 sigma off),"
          + " then score every row; prints fit and score seconds, rows/s, peak heap and how many"
          + " planted outliers rank in the top 100."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr bench iforest",
      "  radioclr bench iforest --rows 200000 --cols 10 --max-samples auto --threads 1"
    })
final class BenchIforestCommand implements Callable<Integer> {
  private static final int PLANTED = 100;
  private static final int BLOCK = 1 << 16;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--rows", paramLabel = "N", description = "Rows (default: 1000000).")
  int rows = 1_000_000;

  @Option(names = "--cols", paramLabel = "D", description = "Features (default: 15).")
  int cols = 15;

  @Option(names = "--trees", paramLabel = "N", description = "Trees (default: 200).")
  int trees = 200;

  @Option(
      names = "--max-samples",
      paramLabel = "M",
      description = "Rows per tree: auto, a fraction or a count (default: 0.02).")
  String maxSamples = "0.02";

  @Mixin ThreadsOption threads;

  @Mixin SeedOption seed;

  @Override
  public Integer call() {
    if (rows < PLANTED * 2 || cols < 1) {
      throw new BadOptionException("--rows must be >= " + 2 * PLANTED + " and --cols >= 1");
    }
    PrintWriter o = spec.commandLine().getOut();
    IsolationForestConfig config =
        BadOptionException.check(
            () ->
                new IsolationForestConfig(
                    trees, MaxSamples.parse(maxSamples), Contamination.AUTO, seed.orDefault()));
    FeatureMatrix data = generate();
    List<String> names = new ArrayList<>();
    for (int f = 0; f < cols; f++) {
      names.add("f" + f);
    }
    System.gc();
    resetPeaks();
    long t0 = System.nanoTime();
    IsolationForest forest =
        IsolationForest.fit(data, names, config, threads.threads, ProgressListener.NONE);
    long t1 = System.nanoTime();
    double[] scores;
    try (ForestScorer scorer = forest.scorer(threads.threads)) {
      scores = scorer.score(data);
    }
    long t2 = System.nanoTime();
    long peak = peakHeap();
    double fit = (t1 - t0) / 1e9;
    double score = (t2 - t1) / 1e9;
    o.printf(
        "Isolation Forest: %d rows x %d features, %d trees of %d rows (depth %d, %d nodes),"
            + " %d threads%n",
        rows,
        cols,
        trees,
        forest.samplesPerTree(),
        forest.maxDepth(),
        forest.nodeCount(),
        threads.threads);
    o.printf(
        "%9s %9s %9s %12s %13s %15s%n",
        "fit s", "score s", "total s", "rows/s", "peak heap MB", "planted in top");
    o.printf(
        "%9.2f %9.2f %9.2f %12.0f %13.0f %11d/%d%n",
        fit,
        score,
        fit + score,
        rows / (fit + score),
        peak / 1048576.0,
        plantedInTop(scores),
        PLANTED);
    return 0;
  }

  /** Gaussian rows made in blocks, each from its own split stream; rows 0..99 planted. */
  private FeatureMatrix generate() {
    float[] v = new float[Math.multiplyExact(rows, cols)];
    SplittableRandom root = new SplittableRandom(seed.orDefault());
    for (int start = 0; start < rows; start += BLOCK) {
      SplittableRandom r = root.split();
      int end = Math.min(rows, start + BLOCK);
      for (int i = start * cols; i < end * cols; i++) {
        v[i] = (float) r.nextGaussian();
      }
    }
    for (int i = 0; i < PLANTED; i++) {
      for (int f = 0; f < cols; f++) {
        v[i * cols + f] += i % 2 == 0 ? 6 : -6;
      }
    }
    return new FeatureMatrix(rows, cols, v);
  }

  private static int plantedInTop(double[] scores) {
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    double cut = sorted[sorted.length - PLANTED];
    int n = 0;
    for (int i = 0; i < PLANTED; i++) {
      n += scores[i] >= cut ? 1 : 0;
    }
    return n;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
