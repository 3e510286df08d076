package org.radioclr.formats.table;

import java.util.Arrays;
import java.util.Objects;

/**
 * Rows of features, row-major: value {@code (r, c)} is {@code values[r * cols + c]}, i.e. a
 * flattened {@code [rows][cols]} float32 array, as {@link FeatureSource} reads a feature table's
 * columns. Values must be finite (the analyses on it, e.g. Isolation Forest, have no rule for NaN).
 *
 * @param rows number of rows, &ge; 0
 * @param cols number of features, &ge; 1
 * @param values {@code rows * cols} values (the array may be longer; the rest is ignored)
 */
public record FeatureMatrix(int rows, int cols, float[] values) {

  /** Validates the shape and that every value is finite. */
  public FeatureMatrix {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    if (cols < 1) {
      throw new IllegalArgumentException("cols must be >= 1, got " + cols);
    }
    if ((long) rows * cols > values.length) {
      throw new IllegalArgumentException(
          "values holds " + values.length + " floats, fewer than " + rows + " x " + cols);
    }
    int bad = firstNonFinite(values, rows * cols);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          "row " + bad / cols + ", column " + bad % cols + " is not finite: " + values[bad]);
    }
  }

  /** A matrix from {@code [rows][cols]} arrays (copied). */
  public static FeatureMatrix of(float[][] data) {
    int cols = data.length == 0 ? 1 : data[0].length;
    float[] flat = new float[data.length * cols];
    for (int r = 0; r < data.length; r++) {
      if (data[r].length != cols) {
        throw new IllegalArgumentException(
            "row " + r + " has " + data[r].length + " values, expected " + cols);
      }
      System.arraycopy(data[r], 0, flat, r * cols, cols);
    }
    return new FeatureMatrix(data.length, cols, flat);
  }

  /** Value {@code (r, c)}. */
  public float get(int r, int c) {
    return values[r * cols + c];
  }

  /** Rows {@code [from, to)} as a new matrix (copied). */
  public FeatureMatrix rows(int from, int to) {
    Objects.checkFromToIndex(from, to, rows);
    return new FeatureMatrix(to - from, cols, Arrays.copyOfRange(values, from * cols, to * cols));
  }

  /** The index of the first NaN or infinite value among the first {@code n}, or -1. */
  static int firstNonFinite(float[] v, int n) {
    for (int i = 0; i < n; i++) {
      if (!Float.isFinite(v[i])) {
        return i;
      }
    }
    return -1;
  }
}
