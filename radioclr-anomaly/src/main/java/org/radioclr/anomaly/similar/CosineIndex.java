package org.radioclr.anomaly.similar;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.radioclr.core.RadioclrException;

/**
 * Exact cosine nearest neighbours by brute force: the rows are L2-normalised once into one
 * row-major {@code [rows][dimension]} float array, and a batch of normalised queries is scored
 * against them as a blocked matrix product (blocks of {@value #BLOCK} rows stay in cache while
 * every query of the batch passes over them), split into contiguous row ranges over worker threads,
 * each keeping a bounded heap of the best {@code k} per query; the heaps are merged at the end. Dot
 * products accumulate in float with eight partial sums (about 1e-6 relative error).
 *
 * <p>A row of zero length (or with a non-finite value) is stored as zeros and has similarity 0 with
 * every query. Ties are broken by the lower row. Holds a thread pool when {@code threads > 1}:
 * close it after use. Queries may run from one thread at a time.
 */
public final class CosineIndex implements AutoCloseable {
  /** Rows per cache block. */
  static final int BLOCK = 32;

  private final float[] rows;
  private final int n;
  private final int d;
  private final int threads;
  private final ExecutorService pool;

  private CosineIndex(float[] rows, int n, int d, int threads) {
    this.rows = rows;
    this.n = n;
    this.d = d;
    this.threads = threads;
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, CosineIndex::daemon) : null;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "radioclr-similar");
    t.setDaemon(true);
    return t;
  }

  /**
   * Builds an index of {@code features} ({@code [rows][dimension]}, copied and normalised).
   *
   * @param threads worker threads, >= 1
   */
  public static CosineIndex of(float[][] features, int threads) {
    Objects.requireNonNull(features, "features");
    if (features.length == 0) {
      throw new IllegalArgumentException("an index needs at least one row");
    }
    int d = features[0].length;
    float[] flat = new float[Math.multiplyExact(features.length, d)];
    for (int i = 0; i < features.length; i++) {
      if (features[i].length != d) {
        throw new IllegalArgumentException(
            "row " + i + " has " + features[i].length + " values, expected " + d);
      }
      System.arraycopy(features[i], 0, flat, i * d, d);
    }
    return ofNormalisedInPlace(flat, features.length, d, threads);
  }

  /**
   * Builds an index over {@code rowMajor} ({@code [rows * dimension]}), normalising it in place (no
   * copy: for large benchmark tables).
   */
  public static CosineIndex wrap(float[] rowMajor, int rows, int dimension, int threads) {
    if (rows < 1 || dimension < 1 || (long) rows * dimension != rowMajor.length) {
      throw new IllegalArgumentException(
          "array of " + rowMajor.length + " floats is not " + rows + " x " + dimension);
    }
    return ofNormalisedInPlace(rowMajor, rows, dimension, threads);
  }

  /**
   * Builds an index over rows that are already unit length (or zero), e.g. an array an earlier
   * {@link #wrap} normalised: no pass over the data.
   */
  public static CosineIndex wrapNormalised(float[] rowMajor, int rows, int dimension, int threads) {
    if (rows < 1 || dimension < 1 || (long) rows * dimension != rowMajor.length) {
      throw new IllegalArgumentException(
          "array of " + rowMajor.length + " floats is not " + rows + " x " + dimension);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    return new CosineIndex(rowMajor, rows, dimension, threads);
  }

  private static CosineIndex ofNormalisedInPlace(float[] flat, int n, int d, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (d < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + d);
    }
    for (int i = 0; i < n; i++) {
      normalise(flat, i * d, d);
    }
    return new CosineIndex(flat, n, d, threads);
  }

  /** Scales {@code v[off..off+d)} to unit length; zero (or non-finite) vectors become zeros. */
  static boolean normalise(float[] v, int off, int d) {
    double ss = 0;
    for (int j = 0; j < d; j++) {
      ss += (double) v[off + j] * v[off + j];
    }
    if (!(ss > 0) || !Double.isFinite(ss)) {
      java.util.Arrays.fill(v, off, off + d, 0f);
      return false;
    }
    float inv = (float) (1 / Math.sqrt(ss));
    for (int j = 0; j < d; j++) {
      v[off + j] *= inv;
    }
    return true;
  }

  /** Number of rows. */
  public int size() {
    return n;
  }

  /** Feature dimension. */
  public int dimension() {
    return d;
  }

  /**
   * The {@code k} rows most similar to each query vector, best first.
   *
   * @param queries {@code [queries][dimension]}, not modified
   * @throws IllegalArgumentException for a query of the wrong dimension or of zero length
   */
  public List<List<Neighbour>> search(float[][] queries, int k) {
    return search(queries, k, null);
  }

  /**
   * The {@code k} rows most similar to each of the given rows (each row itself left out), best
   * first.
   */
  public List<List<Neighbour>> searchRows(int[] queryRows, int k) {
    float[][] q = new float[queryRows.length][];
    for (int i = 0; i < queryRows.length; i++) {
      Objects.checkIndex(queryRows[i], n);
      q[i] = java.util.Arrays.copyOfRange(rows, queryRows[i] * d, queryRows[i] * d + d);
    }
    return search(q, k, queryRows);
  }

  private List<List<Neighbour>> search(float[][] queries, int k, int[] exclude) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    int nq = queries.length;
    float[] q = new float[nq * d];
    for (int i = 0; i < nq; i++) {
      if (queries[i].length != d) {
        throw new IllegalArgumentException(
            "query " + i + " has " + queries[i].length + " values, expected " + d);
      }
      System.arraycopy(queries[i], 0, q, i * d, d);
      if (!normalise(q, i * d, d)) {
        throw new IllegalArgumentException(
            "query " + i + " has zero length (or a non-finite value)");
      }
    }
    int parts = pool == null ? 1 : Math.min(threads, Math.max(1, n / BLOCK));
    TopK[] merged = new TopK[nq];
    for (int i = 0; i < nq; i++) {
      merged[i] = new TopK(k);
    }
    if (parts == 1) {
      TopK[] heaps = scan(q, nq, k, exclude, 0, n);
      for (int i = 0; i < nq; i++) {
        merged[i].addAll(heaps[i]);
      }
    } else {
      List<Future<TopK[]>> futures = new ArrayList<>(parts);
      for (int p = 0; p < parts; p++) {
        int from = (int) ((long) n * p / parts);
        int to = (int) ((long) n * (p + 1) / parts);
        futures.add(pool.submit(() -> scan(q, nq, k, exclude, from, to)));
      }
      try {
        for (Future<TopK[]> f : futures) {
          TopK[] heaps = f.get();
          for (int i = 0; i < nq; i++) {
            merged[i].addAll(heaps[i]);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RadioclrException("similarity search interrupted", e);
      } catch (ExecutionException e) {
        throw new RadioclrException("similarity search failed: " + e.getCause(), e.getCause());
      }
    }
    List<List<Neighbour>> out = new ArrayList<>(nq);
    for (TopK t : merged) {
      out.add(t.sorted());
    }
    return out;
  }

  /** Scores rows {@code [from, to)} against every query, block by block. */
  private TopK[] scan(float[] q, int nq, int k, int[] exclude, int from, int to) {
    TopK[] heaps = new TopK[nq];
    for (int i = 0; i < nq; i++) {
      heaps[i] = new TopK(k);
    }
    float[] r = rows;
    int dd = d;
    for (int b = from; b < to; b += BLOCK) {
      int e = Math.min(to, b + BLOCK);
      for (int qi = 0; qi < nq; qi++) {
        TopK heap = heaps[qi];
        int qo = qi * dd;
        int skip = exclude == null ? -1 : exclude[qi];
        float floor = heap.floor();
        for (int row = b; row < e; row++) {
          float s = dot(q, qo, r, row * dd, dd);
          if (s >= floor && row != skip) {
            heap.offer(s, row);
            floor = heap.floor();
          }
        }
      }
    }
    return heaps;
  }

  /** Dot product with eight partial sums. */
  static float dot(float[] a, int ao, float[] b, int bo, int d) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int j = 0;
    for (; j + 8 <= d; j += 8) {
      s0 += a[ao + j] * b[bo + j];
      s1 += a[ao + j + 1] * b[bo + j + 1];
      s2 += a[ao + j + 2] * b[bo + j + 2];
      s3 += a[ao + j + 3] * b[bo + j + 3];
      s4 += a[ao + j + 4] * b[bo + j + 4];
      s5 += a[ao + j + 5] * b[bo + j + 5];
      s6 += a[ao + j + 6] * b[bo + j + 6];
      s7 += a[ao + j + 7] * b[bo + j + 7];
    }
    for (; j < d; j++) {
      s0 += a[ao + j] * b[bo + j];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
