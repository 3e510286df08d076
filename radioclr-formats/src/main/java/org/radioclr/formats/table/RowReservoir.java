package org.radioclr.formats.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded uniform sample of at most {@code capacity} rows of a stream of feature rows (reservoir
 * sampling, Vitter's Algorithm R): every row offered is kept with probability {@code capacity /
 * rowsSeen}, so memory is {@code capacity × d} floats whatever the stream's length. The same seed
 * and the same rows in the same order give the same sample; {@link #rows()} returns it in stream
 * order.
 */
final class RowReservoir {
  private final int capacity;
  private final int d;
  private final SplittableRandom random;
  private final float[] values;
  private final String[] names;
  private final long[] index;
  private long seen;

  /**
   * @param capacity rows to keep, &ge; 1
   * @param d values per row
   */
  RowReservoir(int capacity, int d, long seed) {
    if (capacity < 1) {
      throw new IllegalArgumentException("sample size must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.d = d;
    this.random = new SplittableRandom(seed);
    this.values = new float[Math.multiplyExact(capacity, d)];
    this.names = new String[capacity];
    this.index = new long[capacity];
  }

  /** Offers the next block of rows of the stream, {@code [rows][d]} in {@code block}. */
  void offer(List<String> snames, FeatureMatrix block) {
    for (int i = 0; i < block.rows(); i++) {
      long slot = seen < capacity ? seen : random.nextLong(seen + 1);
      if (slot < capacity) {
        int s = (int) slot;
        System.arraycopy(block.values(), i * d, values, s * d, d);
        names[s] = snames.get(i);
        index[s] = seen;
      }
      seen++;
    }
  }

  /** Rows offered so far. */
  long seen() {
    return seen;
  }

  /** The sample, in stream order, with each row's index in the stream. */
  FeatureSource.Sample rows() {
    int n = (int) Math.min(seen, capacity);
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(index[a], index[b]));
    float[] v = new float[n * d];
    List<String> s = new ArrayList<>(n);
    long[] rows = new long[n];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      System.arraycopy(values, i * d, v, k * d, d);
      s.add(names[i]);
      rows[k] = index[i];
    }
    return new FeatureSource.Sample(
        new FeatureSource.Rows(List.copyOf(s), new FeatureMatrix(n, d, v)), rows, seen);
  }
}
