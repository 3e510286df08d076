package org.radioclr.anomaly.iforest;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.radioclr.formats.table.FeatureMatrix;

/**
 * Grows one isolation tree at a time (Liu, Ting &amp; Zhou 2008, Alg. 2) into a flat {@code int[]}
 * of 4-int nodes {@code [left, feature, threshold bits, leaf value bits]}, reusing its scratch
 * arrays between trees. The right child sits right after the left one ({@code left + 4}); a leaf
 * points to itself with an infinite threshold, so a walk of {@link #maxDepth()} steps from the root
 * always ends at the row's leaf. A leaf's value is its depth plus c(size), the expected path length
 * of the rows it still holds. Not thread-safe: one builder per worker.
 */
final class TreeBuilder {
  static final int STRIDE = 4;
  static final int INF_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);

  private final FeatureMatrix data;
  private final int d;
  private final int psi;
  private final int maxDepth;
  private final float[] local; // [d][psi] column-major copy of the drawn rows
  private final int[] idx;
  private final int[] sample;
  private final int[] perm;
  private final long[] drawn;
  private int[] nodes;
  private int size;

  TreeBuilder(FeatureMatrix data, int psi) {
    this.data = data;
    this.d = data.cols();
    this.psi = psi;
    this.maxDepth = maxDepth(psi);
    this.local = new float[d * psi];
    this.idx = new int[psi];
    this.sample = new int[psi];
    this.perm = new int[d];
    this.drawn = psi < data.rows() ? new long[(data.rows() + 63) >>> 6] : new long[0];
    this.nodes = new int[STRIDE * Math.min(2 * psi, 1024)];
  }

  /** scikit-learn's depth limit ceil(log2(max(psi, 2))). */
  static int maxDepth(int psi) {
    int p = Math.max(psi, 2);
    return 32 - Integer.numberOfLeadingZeros(p - 1);
  }

  int maxDepth() {
    return maxDepth;
  }

  /** Draws {@code psi} rows without replacement and grows a tree on them. */
  int[] build(SplittableRandom random) {
    drawRows(random);
    float[] v = data.values();
    for (int i = 0; i < psi; i++) {
      int base = sample[i] * d;
      for (int f = 0; f < d; f++) {
        local[f * psi + i] = v[base + f];
      }
      idx[i] = i;
    }
    for (int f = 0; f < d; f++) {
      perm[f] = f;
    }
    size = STRIDE;
    grow(0, 0, psi, 0, random);
    return Arrays.copyOf(nodes, size);
  }

  /** Floyd's sampling into a bit set, read back in row order (kinder to the caches). */
  private void drawRows(SplittableRandom random) {
    int n = data.rows();
    if (psi >= n) {
      for (int i = 0; i < psi; i++) {
        sample[i] = i;
      }
      return;
    }
    for (int j = n - psi; j < n; j++) {
      int t = random.nextInt(j + 1);
      if ((drawn[t >>> 6] & (1L << t)) != 0) {
        t = j;
      }
      drawn[t >>> 6] |= 1L << t;
    }
    int k = 0;
    for (int w = 0; w < drawn.length; w++) {
      long bits = drawn[w];
      while (bits != 0) {
        sample[k++] = (w << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
      }
      drawn[w] = 0;
    }
  }

  private void grow(int off, int lo, int hi, int depth, SplittableRandom random) {
    int count = hi - lo;
    if (depth < maxDepth && count > 1) {
      // A random feature among those not constant here (as scikit-learn's random splitter).
      for (int k = 0; k < d; k++) {
        int j = k + random.nextInt(d - k);
        int f = perm[j];
        perm[j] = perm[k];
        perm[k] = f;
        int base = f * psi;
        float min = local[base + idx[lo]];
        float max = min;
        for (int i = lo + 1; i < hi; i++) {
          float x = local[base + idx[i]];
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
        if (max > min) {
          double t = min + random.nextDouble() * ((double) max - min);
          if (t >= max) {
            t = min;
          }
          float threshold = (float) t;
          if (threshold > t) {
            threshold = Math.nextDown(threshold); // x <= threshold exactly when x <= t
          }
          int mid = partition(base, lo, hi, threshold);
          int left = allocate();
          nodes[off] = left;
          nodes[off + 1] = f;
          nodes[off + 2] = Float.floatToRawIntBits(threshold);
          nodes[off + 3] = 0;
          grow(left, lo, mid, depth + 1, random);
          grow(left + STRIDE, mid, hi, depth + 1, random);
          return;
        }
      }
    }
    nodes[off] = off;
    nodes[off + 1] = 0;
    nodes[off + 2] = INF_BITS;
    nodes[off + 3] = Float.floatToRawIntBits((float) (depth + averagePathLength(count)));
  }

  private int partition(int base, int lo, int hi, float threshold) {
    int i = lo;
    int j = hi - 1;
    while (i <= j) {
      if (local[base + idx[i]] <= threshold) {
        i++;
      } else {
        int tmp = idx[i];
        idx[i] = idx[j];
        idx[j] = tmp;
        j--;
      }
    }
    return i;
  }

  private int allocate() {
    if (size + 2 * STRIDE > nodes.length) {
      nodes = Arrays.copyOf(nodes, Math.max(nodes.length * 2, size + 2 * STRIDE));
    }
    int left = size;
    size += 2 * STRIDE;
    return left;
  }

  /**
   * c(n), the average path length of an unsuccessful search in a binary search tree of n keys (Liu
   * et al. 2008, eq. 1): 0 for n &le; 1, 1 for n = 2, else 2 H(n-1) - 2(n-1)/n with H(i) ~ ln(i) +
   * Euler's constant.
   */
  static double averagePathLength(long n) {
    if (n <= 1) {
      return 0;
    }
    if (n == 2) {
      return 1;
    }
    return 2.0 * (Math.log(n - 1.0) + 0.5772156649015329) - 2.0 * (n - 1.0) / n;
  }
}
