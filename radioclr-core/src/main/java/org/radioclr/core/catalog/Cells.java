package org.radioclr.core.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.radioclr.core.BadInputException;

/**
 * The cells of one catalogue row, read as the mapping needs them, with errors naming the row
 * (counted from 1) and the column.
 */
final class Cells {
  private final Path file;
  private final long row;
  private final Object[] cells;
  private final List<String> names;

  Cells(Path file, long row, Object[] cells, List<String> names) {
    this.file = file;
    this.row = row;
    this.cells = cells;
    this.names = names;
  }

  BadInputException bad(int col, String problem) {
    return new BadInputException(
        file, "row " + (row + 1) + ", column '" + names.get(col) + "': " + problem);
  }

  /** The number in a cell; NaN for an empty cell. */
  double optional(int col) {
    Object v = cells[col];
    if (v == null) {
      return Double.NaN;
    }
    if (v instanceof Float f) {
      // STIL stores a CSV column as float when every value fits; recover the decimal as written
      return Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : f.doubleValue();
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      String t = s.trim();
      if (t.isEmpty()) {
        return Double.NaN;
      }
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        throw bad(col, "'" + t + "' is not a number");
      }
    }
    throw bad(col, "not a number (" + v.getClass().getSimpleName() + ")");
  }

  /** The finite number in a required cell. */
  double required(int col) {
    double v = optional(col);
    if (Double.isNaN(v)) {
      throw bad(col, "missing value (empty or NaN)");
    }
    if (Double.isInfinite(v)) {
      throw bad(col, "infinite value");
    }
    return v;
  }

  /** A required size, >= 0. */
  double nonNegative(int col) {
    double v = required(col);
    if (v < 0) {
      throw bad(col, "negative size " + v);
    }
    return v;
  }

  /** xmin, xmax, ymin, ymax, with max >= min. */
  double[] box(int[] cols) {
    double[] b = new double[4];
    for (int i = 0; i < 4; i++) {
      b[i] = required(cols[i]);
    }
    if (b[1] < b[0]) {
      throw bad(cols[1], "box xmax " + b[1] + " is below xmin " + b[0]);
    }
    if (b[3] < b[2]) {
      throw bad(cols[3], "box ymax " + b[3] + " is below ymin " + b[2]);
    }
    return b;
  }

  /** A required name: text, or an integer printed without decimals. */
  String name(int col) {
    return text(col).orElseThrow(() -> bad(col, "empty source name"));
  }

  /** The cell as text, empty for an empty cell or NaN. */
  Optional<String> text(int col) {
    Object v = cells[col];
    if (v == null) {
      return Optional.empty();
    }
    String s;
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d)) {
        return Optional.empty();
      }
      s = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : v.toString();
    } else if (v instanceof char[] chars) {
      s = new String(chars);
    } else {
      s = v.toString();
    }
    s = s.trim();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
