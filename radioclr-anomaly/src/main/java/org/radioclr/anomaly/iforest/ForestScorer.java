package org.radioclr.anomaly.iforest;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.radioclr.core.RadioclrException;
import org.radioclr.formats.table.FeatureMatrix;

/**
 * Scores blocks of rows with a fitted {@link IsolationForest} on a fixed pool of worker threads;
 * feed it a table block by block and memory stays flat in the number of rows. Each row's score is
 * summed over the trees in tree order, so results do not depend on the number of threads or on how
 * rows are blocked.
 *
 * <p>Rows are walked through each tree eight at a time, interleaved: every walk takes exactly
 * {@code maxDepth} branch-free steps (leaves point to themselves), so the CPU overlaps the memory
 * loads of independent rows.
 */
public final class ForestScorer implements AutoCloseable {
  static final ThreadFactory DAEMON =
      r -> {
        Thread t = new Thread(r, "iforest-worker");
        t.setDaemon(true);
        return t;
      };

  private static final int GROUP = 256;
  private static final int MIN_ROWS_PER_TASK = 2048;

  private final IsolationForest forest;
  private final int threads;
  private final ExecutorService pool;

  ForestScorer(IsolationForest forest, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.forest = forest;
    this.threads = threads;
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, DAEMON) : null;
  }

  /** Scores in [0, 1], one per row of {@code block}. */
  public double[] score(FeatureMatrix block) {
    double[] out = new double[block.rows()];
    score(block, out);
    return out;
  }

  /**
   * Writes the score of each row of {@code block} into {@code out[0 .. rows)}.
   *
   * @throws IllegalArgumentException when the block's width is not the model's
   */
  public void score(FeatureMatrix block, double[] out) {
    if (block.cols() != forest.columns().size()) {
      throw new IllegalArgumentException(
          "the model reads " + forest.columns().size() + " features, got " + block.cols());
    }
    int n = block.rows();
    int tasks = pool == null ? 1 : Math.min(threads, Math.max(1, n / MIN_ROWS_PER_TASK));
    if (tasks <= 1) {
      scoreRange(block, 0, n, out);
      return;
    }
    Future<?>[] futures = new Future<?>[tasks];
    for (int k = 0; k < tasks; k++) {
      int from = (int) ((long) n * k / tasks);
      int to = (int) ((long) n * (k + 1) / tasks);
      futures[k] = pool.submit(() -> scoreRange(block, from, to, out));
    }
    awaitAll(futures);
  }

  private void scoreRange(FeatureMatrix block, int from, int to, double[] out) {
    int[] nodes = forest.nodes();
    int[] roots = forest.roots();
    int depth = forest.maxDepth();
    float[] v = block.values();
    int d = block.cols();
    int[] rowBase = new int[GROUP];
    double[] sum = new double[GROUP];
    double norm = forest.normaliser() * roots.length;
    for (int start = from; start < to; start += GROUP) {
      int m = Math.min(GROUP, to - start);
      for (int i = 0; i < m; i++) {
        rowBase[i] = (start + i) * d;
        sum[i] = 0;
      }
      for (int root : roots) {
        int i = 0;
        for (; i + 8 <= m; i += 8) {
          int b0 = rowBase[i + 0];
          int b1 = rowBase[i + 1];
          int b2 = rowBase[i + 2];
          int b3 = rowBase[i + 3];
          int b4 = rowBase[i + 4];
          int b5 = rowBase[i + 5];
          int b6 = rowBase[i + 6];
          int b7 = rowBase[i + 7];
          int o0 = root;
          int o1 = root;
          int o2 = root;
          int o3 = root;
          int o4 = root;
          int o5 = root;
          int o6 = root;
          int o7 = root;
          for (int step = 0; step < depth; step++) {
            o0 = next(nodes, o0, v[b0 + nodes[o0 + 1]]);
            o1 = next(nodes, o1, v[b1 + nodes[o1 + 1]]);
            o2 = next(nodes, o2, v[b2 + nodes[o2 + 1]]);
            o3 = next(nodes, o3, v[b3 + nodes[o3 + 1]]);
            o4 = next(nodes, o4, v[b4 + nodes[o4 + 1]]);
            o5 = next(nodes, o5, v[b5 + nodes[o5 + 1]]);
            o6 = next(nodes, o6, v[b6 + nodes[o6 + 1]]);
            o7 = next(nodes, o7, v[b7 + nodes[o7 + 1]]);
          }
          sum[i + 0] += Float.intBitsToFloat(nodes[o0 + 3]);
          sum[i + 1] += Float.intBitsToFloat(nodes[o1 + 3]);
          sum[i + 2] += Float.intBitsToFloat(nodes[o2 + 3]);
          sum[i + 3] += Float.intBitsToFloat(nodes[o3 + 3]);
          sum[i + 4] += Float.intBitsToFloat(nodes[o4 + 3]);
          sum[i + 5] += Float.intBitsToFloat(nodes[o5 + 3]);
          sum[i + 6] += Float.intBitsToFloat(nodes[o6 + 3]);
          sum[i + 7] += Float.intBitsToFloat(nodes[o7 + 3]);
        }
        for (; i < m; i++) {
          int b = rowBase[i];
          int o = root;
          for (int step = 0; step < depth; step++) {
            o = next(nodes, o, v[b + nodes[o + 1]]);
          }
          sum[i] += Float.intBitsToFloat(nodes[o + 3]);
        }
      }
      for (int i = 0; i < m; i++) {
        out[start + i] = Math.pow(2.0, -sum[i] / norm);
      }
    }
  }

  /**
   * The node after {@code o} for feature value {@code x}: the left child when {@code x <=
   * threshold}, else the right one; x > threshold exactly when threshold - x is negative, which
   * needs no branch to mispredict.
   */
  private static int next(int[] nodes, int o, float x) {
    float diff = Float.intBitsToFloat(nodes[o + 2]) - x;
    return nodes[o] + ((Float.floatToRawIntBits(diff) >>> 31) << 2);
  }

  static void awaitAll(Future<?>[] futures) {
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RadioclrException("interrupted", e);
    } catch (ExecutionException e) {
      for (Future<?> f : futures) {
        f.cancel(true);
      }
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new RadioclrException("isolation forest worker failed: " + cause, cause);
    }
  }

  /** Stops the workers. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
