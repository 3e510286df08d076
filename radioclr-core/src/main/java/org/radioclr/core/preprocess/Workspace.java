package org.radioclr.core.preprocess;

/**
 * Scratch memory for the pre-processing stages of one thread: arrays grow to the largest image seen
 * and are then reused, so steady-state processing allocates nothing but its output. Not
 * thread-safe: give each thread its own workspace (a {@link Preprocessor} owns one).
 */
public final class Workspace {
  private double[] values = new double[0];
  private double[] channel = new double[0];
  private double[] samples = new double[0];
  private double[] sortedSamples = new double[0];
  private double[] sorted = new double[0];
  private int[] sortKeys = new int[0];
  private int[] sortScratch = new int[0];
  private final int[] radixCounts = new int[RadixSort.COUNTS_LENGTH];
  private final SortedStatistics sortedStatistics = new SortedStatistics();
  private final BucketedStatistics bucketedStatistics = new BucketedStatistics();
  private boolean[] badpix = new boolean[0];
  private int[] prefix = new int[0];
  private boolean[] mask = new boolean[0];
  private float[] plane = new float[0];
  private double[] clean = new double[0];
  private float[] weights = new float[0];
  private float[] resizeTemp = new float[0];
  private double[] rowSums = new double[0];
  private double[] resizeRow = new double[0];
  private float[] rowCheck = new float[0];
  private BilinearResize.Coefficients horizontal;
  private BilinearResize.Coefficients vertical;

  /**
   * A buffer of at least {@code n} doubles for a caller to gather the valid pixels of an image into
   * before handing them to a stage; reused, so its content is overwritten by the next call.
   */
  public double[] values(int n) {
    if (values.length < n) {
      values = new double[n];
    }
    return values;
  }

  double[] channel(int n) {
    if (channel.length < n) {
      channel = new double[n];
    }
    return channel;
  }

  double[] samples(int n) {
    if (samples.length < n) {
      samples = new double[n];
    }
    return samples;
  }

  double[] sortedSamples(int n) {
    if (sortedSamples.length < n) {
      sortedSamples = new double[n];
    }
    return sortedSamples;
  }

  double[] sorted(int n) {
    if (sorted.length < n) {
      sorted = new double[n];
    }
    return sorted;
  }

  int[] sortKeys(int n) {
    if (sortKeys.length < n) {
      sortKeys = new int[n];
    }
    return sortKeys;
  }

  int[] sortScratch(int n) {
    if (sortScratch.length < n) {
      sortScratch = new int[n];
    }
    return sortScratch;
  }

  int[] radixCounts() {
    return radixCounts;
  }

  /**
   * Range statistics of {@code values[0..n)} (left unchanged), valid until the next call: bucketed
   * if they are all float32 numbers, else after a full sort.
   */
  RangeStatistics rangeStatistics(double[] values, int n) {
    if (bucketedStatistics.reset(values, n)) {
      return bucketedStatistics;
    }
    double[] s = sorted(n);
    RadixSort.sortedCopy(values, n, s, this);
    sortedStatistics.reset(s, n);
    return sortedStatistics;
  }

  /** Cleared to false on every call. */
  boolean[] badpix(int n) {
    if (badpix.length < n) {
      badpix = new boolean[n];
    } else {
      java.util.Arrays.fill(badpix, 0, n, false);
    }
    return badpix;
  }

  int[] prefix(int n) {
    if (prefix.length < n) {
      prefix = new int[n];
    }
    return prefix;
  }

  boolean[] mask(int n) {
    if (mask.length < n) {
      mask = new boolean[n];
    }
    return mask;
  }

  float[] plane(int n) {
    if (plane.length < n) {
      plane = new float[n];
    }
    return plane;
  }

  /** An image's pixels with the invalid ones replaced by 0. */
  double[] clean(int n) {
    if (clean.length < n) {
      clean = new double[n];
    }
    return clean;
  }

  /** Per pixel of an image: 1 if valid, 0 if not. */
  float[] weights(int n) {
    if (weights.length < n) {
      weights = new float[n];
    }
    return weights;
  }

  float[] resizeTemp(int n) {
    if (resizeTemp.length < n) {
      resizeTemp = new float[n];
    }
    return resizeTemp;
  }

  double[] resizeRow(int n) {
    if (resizeRow.length < n) {
      resizeRow = new double[n];
    }
    return resizeRow;
  }

  /** Scratch for {@link MinMaxRow}: one row's upper roundings. */
  float[] rowCheck(int n) {
    if (rowCheck.length < n) {
      rowCheck = new float[n];
    }
    return rowCheck;
  }

  double[] rowSums(int n) {
    if (rowSums.length < n) {
      rowSums = new double[n];
    }
    return rowSums;
  }

  BilinearResize.Coefficients horizontal(int inSize, int outSize) {
    if (horizontal == null || !horizontal.matches(inSize, outSize)) {
      horizontal = BilinearResize.Coefficients.of(inSize, outSize);
    }
    return horizontal;
  }

  BilinearResize.Coefficients vertical(int inSize, int outSize) {
    if (vertical == null || !vertical.matches(inSize, outSize)) {
      vertical = BilinearResize.Coefficients.of(inSize, outSize);
    }
    return vertical;
  }
}
