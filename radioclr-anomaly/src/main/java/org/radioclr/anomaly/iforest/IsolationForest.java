package org.radioclr.anomaly.iforest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.table.FeatureMatrix;

/**
 * A fitted Isolation Forest (Liu, Ting &amp; Zhou 2008; 2012): {@code trees} random trees, each
 * grown on {@code psi} rows drawn without replacement, split on a random non-constant feature at a
 * uniform random value between the node's minimum and maximum, down to depth ceil(log2 psi). The
 * anomaly score of a row x is {@code s(x) = 2^(-E[h(x)] / c(psi))} in [0, 1], 1 the most anomalous
 * (the original definition; scikit-learn's {@code score_samples} is its negative), where h(x) is
 * the depth of x's leaf plus c(rows left in that leaf). A row is an outlier when {@code s >
 * threshold}: 0.5 for {@code contamination=auto}, else the (1 − c) quantile of the training scores
 * (numpy's linear interpolation), as scikit-learn's {@code predict}.
 *
 * <p>All trees live in one flat {@code int[]} of 4-int nodes (see {@code TreeBuilder}); fitting
 * runs parallel over trees, each tree with its own random stream split from the seed in tree order,
 * so the model does not depend on the number of threads. Scoring runs parallel over rows ({@link
 * ForestScorer}). Immutable.
 */
public final class IsolationForest {
  /** The fixed worker count used when a caller does not choose one. */
  public static final int DEFAULT_THREADS = 2;

  private final List<String> columns;
  private final IsolationForestConfig config;
  private final int trainingRows;
  private final int psi;
  private final int maxDepth;
  private final int[] roots;
  private final int[] nodes;
  private final double threshold;

  IsolationForest(
      List<String> columns,
      IsolationForestConfig config,
      int trainingRows,
      int psi,
      int maxDepth,
      int[] roots,
      int[] nodes,
      double threshold) {
    this.columns = List.copyOf(columns);
    this.config = Objects.requireNonNull(config, "config");
    this.trainingRows = trainingRows;
    this.psi = psi;
    this.maxDepth = maxDepth;
    this.roots = roots;
    this.nodes = nodes;
    this.threshold = threshold;
  }

  /** A model and the scores of its own training rows. */
  public record Fitted(IsolationForest model, double[] trainingScores) {}

  /**
   * Fits a forest. With a contamination fraction the training rows are scored to place the
   * threshold; use {@link #fitAndScore} when those scores are wanted too.
   *
   * @param data training rows, {@code [n][d]} with n &ge; 2
   * @param columns the names of the d features (saved with the model, checked when scoring files)
   * @param threads worker threads, &ge; 1
   */
  public static IsolationForest fit(
      FeatureMatrix data,
      List<String> columns,
      IsolationForestConfig config,
      int threads,
      ProgressListener progress) {
    if (config.contamination().isAuto()) {
      return grow(data, columns, config, threads, progress);
    }
    return fitAndScore(data, columns, config, threads, progress).model();
  }

  /** Fits a forest and scores its training rows (the threshold placed as in {@link #fit}). */
  public static Fitted fitAndScore(
      FeatureMatrix data,
      List<String> columns,
      IsolationForestConfig config,
      int threads,
      ProgressListener progress) {
    IsolationForest forest = grow(data, columns, config, threads, progress);
    double[] scores;
    try (ForestScorer scorer = forest.scorer(threads)) {
      scores = scorer.score(data);
    }
    return new Fitted(forest.withContamination(config.contamination(), scores), scores);
  }

  private static IsolationForest grow(
      FeatureMatrix data,
      List<String> columns,
      IsolationForestConfig config,
      int threads,
      ProgressListener progress) {
    if (columns.size() != data.cols()) {
      throw new IllegalArgumentException(
          columns.size() + " column names for " + data.cols() + " feature columns");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    int psi = config.maxSamples().resolve(data.rows());
    int trees = config.trees();
    SplittableRandom root = new SplittableRandom(config.seed());
    SplittableRandom[] streams = new SplittableRandom[trees];
    for (int t = 0; t < trees; t++) {
      streams[t] = root.split();
    }
    int[][] built = new int[trees][];
    AtomicInteger next = new AtomicInteger();
    int workers = Math.min(threads, trees);
    progress.start("growing " + trees + " isolation trees", trees);
    try {
      Runnable work =
          () -> {
            TreeBuilder builder = new TreeBuilder(data, psi);
            for (int t = next.getAndIncrement(); t < trees; t = next.getAndIncrement()) {
              built[t] = builder.build(streams[t]);
              progress.advance(1);
            }
          };
      runAll(work, workers);
    } finally {
      progress.finish();
    }
    long total = 0;
    for (int[] tree : built) {
      total += tree.length;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "the forest is too large (" + total / TreeBuilder.STRIDE + " nodes); use fewer rows");
    }
    int[] nodes = new int[(int) total];
    int[] roots = new int[trees];
    int base = 0;
    for (int t = 0; t < trees; t++) {
      int[] tree = built[t];
      for (int o = 0; o < tree.length; o += TreeBuilder.STRIDE) {
        nodes[base + o] = tree[o] + base;
        nodes[base + o + 1] = tree[o + 1];
        nodes[base + o + 2] = tree[o + 2];
        nodes[base + o + 3] = tree[o + 3];
      }
      roots[t] = base;
      base += tree.length;
      built[t] = null;
    }
    return new IsolationForest(
        columns, config, data.rows(), psi, TreeBuilder.maxDepth(psi), roots, nodes, 0.5);
  }

  /** Runs {@code work} on {@code workers} threads (the caller's alone when 1) and waits. */
  static void runAll(Runnable work, int workers) {
    if (workers <= 1) {
      work.run();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers, ForestScorer.DAEMON);
    try {
      Future<?>[] futures = new Future<?>[workers];
      for (int w = 0; w < workers; w++) {
        futures[w] = pool.submit(work);
      }
      ForestScorer.awaitAll(futures);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * This forest with the threshold of another contamination: 0.5 for {@code auto}, else the (1 − c)
   * quantile of {@code trainingScores} (not used for {@code auto}; may be null then).
   */
  public IsolationForest withContamination(
      IsolationForestConfig.Contamination contamination, double[] trainingScores) {
    double t =
        contamination.isAuto() ? 0.5 : quantile(trainingScores, 1 - contamination.fraction());
    return new IsolationForest(
        columns,
        config.withContamination(contamination),
        trainingRows,
        psi,
        maxDepth,
        roots,
        nodes,
        t);
  }

  /** The q-quantile of {@code values} with numpy's default linear interpolation. */
  public static double quantile(double[] values, double q) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("quantile of no values");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return quantileOfSorted(sorted, q);
  }

  /** The q-quantile of ascending {@code sorted} values, numpy's linear interpolation. */
  public static double quantileOfSorted(double[] sorted, double q) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("quantile of no values");
    }
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /** A scorer over {@code threads} workers; close it to stop them. */
  public ForestScorer scorer(int threads) {
    return new ForestScorer(this, threads);
  }

  /** Scores rows on {@link #DEFAULT_THREADS} threads: one score in [0, 1] per row. */
  public double[] score(FeatureMatrix data) {
    try (ForestScorer scorer = scorer(DEFAULT_THREADS)) {
      return scorer.score(data);
    }
  }

  /** Whether a score flags an outlier ({@code score > threshold()}). */
  public boolean isOutlier(double score) {
    return score > threshold;
  }

  /** The score above which a row is an outlier. */
  public double threshold() {
    return threshold;
  }

  /** The feature names, in the order the model reads them. */
  public List<String> columns() {
    return columns;
  }

  /** The settings it was fitted with (the contamination the threshold comes from). */
  public IsolationForestConfig config() {
    return config;
  }

  /** Rows it was fitted on. */
  public int trainingRows() {
    return trainingRows;
  }

  /** Rows drawn per tree (psi). */
  public int samplesPerTree() {
    return psi;
  }

  /** The depth limit ceil(log2 psi). */
  public int maxDepth() {
    return maxDepth;
  }

  /** Total nodes over all trees. */
  public int nodeCount() {
    return nodes.length / TreeBuilder.STRIDE;
  }

  /** Number of trees. */
  public int trees() {
    return roots.length;
  }

  int[] roots() {
    return roots;
  }

  int[] nodes() {
    return nodes;
  }

  /** c(psi), the normaliser of the path lengths. */
  double normaliser() {
    return TreeBuilder.averagePathLength(psi);
  }

  /**
   * Writes the model (columns, settings, threshold, trees) to {@code file} atomically.
   *
   * @throws org.radioclr.core.BadInputException naming the file when it cannot be written
   */
  public void save(Path file) {
    ForestFile.write(this, file);
  }

  /**
   * Reads a model written by {@link #save}.
   *
   * @throws org.radioclr.core.BadInputException naming the file when it is missing, not a model
   *     file, or damaged
   */
  public static IsolationForest load(Path file) {
    return ForestFile.read(file);
  }
}
