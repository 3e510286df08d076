package org.radioclr.anomaly.similar;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Throughput of {@link CosineIndex} on random Gaussian features (for {@code radioclr bench
 * similar}): queries per second for a batch size and thread count.
 */
public final class SimilarityBenchmark {
  private SimilarityBenchmark() {}

  /**
   * One measurement.
   *
   * @param threads worker threads
   * @param batch queries per search call
   * @param queries queries answered in the timed part
   * @param seconds timed wall-clock seconds
   */
  public record Rate(int threads, int batch, int queries, double seconds) {
    /** Queries per second. */
    public double queriesPerSecond() {
      return queries / seconds;
    }

    /** Row-query similarities per second (rows x queries / seconds). */
    public double similaritiesPerSecond(int rows) {
      return (double) rows * queries / seconds;
    }
  }

  /** {@code rows x dim} standard Gaussian floats, row-major, filled in parallel from the seed. */
  public static float[] randomFeatures(int rows, int dim, long seed) {
    float[] x = new float[Math.multiplyExact(rows, dim)];
    int chunks = 64;
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] rs = new SplittableRandom[chunks];
    for (int c = 0; c < chunks; c++) {
      rs[c] = root.split();
    }
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              int from = (int) ((long) rows * c / chunks) * dim;
              int to = (int) ((long) rows * (c + 1) / chunks) * dim;
              for (int i = from; i < to; i++) {
                x[i] = (float) rs[c].nextGaussian();
              }
            });
    return x;
  }

  /**
   * Times searches of {@code batch} random queries for the top {@code k} until at least {@code
   * minSeconds} pass (after one untimed warm-up search).
   */
  public static Rate measure(
      CosineIndex index, int threads, int batch, int k, double minSeconds, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] q = new float[batch][index.dimension()];
    for (float[] row : q) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    index.search(q, k);
    long t0 = System.nanoTime();
    int done = 0;
    double seconds;
    do {
      index.search(q, k);
      done += batch;
      seconds = (System.nanoTime() - t0) / 1e9;
    } while (seconds < minSeconds);
    return new Rate(threads, batch, done, seconds);
  }
}
