package org.radioclr.formats.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.radioclr.core.datalist.DatalistEntry;

/**
 * The columns of a feature table: {@code sname}, {@code id}, {@code label} (text; multi-valued ids
 * and labels joined with {@code ';'}), then the extra datalist fields, then the features {@code
 * f0..f(dimension-1)} (float32).
 *
 * <p>The extras are those of the first entry whose value is a number (written as DOUBLE), a string
 * or a boolean (written as text); extras holding null, lists or maps in the first entry, and extras
 * named like a feature column ({@code f12}), are left out. In later rows a missing, null or
 * differently typed value of a numeric extra is written as NULL (an empty CSV cell).
 *
 * @param extraNames names of the extra columns, in datalist order
 * @param extraNumeric for each extra, whether it is numeric (DOUBLE) rather than text
 * @param dimension number of feature columns, &ge; 1
 */
public record FeatureColumns(List<String> extraNames, List<Boolean> extraNumeric, int dimension) {
  /** The name pattern of feature columns. */
  public static final Pattern FEATURE_NAME = Pattern.compile("f(0|[1-9][0-9]*)");

  /** The fixed leading columns. */
  public static final List<String> KEY_COLUMNS = List.of("sname", "id", "label");

  /** Validates the fields. */
  public FeatureColumns {
    extraNames = List.copyOf(extraNames);
    extraNumeric = List.copyOf(extraNumeric);
    if (extraNames.size() != extraNumeric.size()) {
      throw new IllegalArgumentException(
          "extraNames and extraNumeric must have the same size, got "
              + extraNames.size()
              + " and "
              + extraNumeric.size());
    }
    for (String name : extraNames) {
      if (KEY_COLUMNS.contains(name) || FEATURE_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("extra column name clashes with a fixed one: " + name);
      }
    }
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
    }
  }

  /**
   * The columns for a table whose first row is {@code first} (null for an empty table: no extras).
   */
  public static FeatureColumns of(DatalistEntry first, int dimension) {
    List<String> names = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    if (first != null) {
      for (Map.Entry<String, Object> e : first.extras().entrySet()) {
        Object v = e.getValue();
        boolean isNumber = v instanceof Number;
        boolean isText = v instanceof String || v instanceof Boolean;
        if ((isNumber || isText) && !FEATURE_NAME.matcher(e.getKey()).matches()) {
          names.add(e.getKey());
          numeric.add(isNumber);
        }
      }
    }
    return new FeatureColumns(names, numeric, dimension);
  }

  /** The name of feature column {@code i}. */
  public static String featureName(int i) {
    return "f" + i;
  }

  /** Every column name in order. */
  public List<String> names() {
    List<String> all = new ArrayList<>(KEY_COLUMNS);
    all.addAll(extraNames);
    for (int i = 0; i < dimension; i++) {
      all.add(featureName(i));
    }
    return all;
  }

  /** The id cell: the ids joined with {@code ';'}, or null when the entry has none. */
  static String ids(DatalistEntry entry) {
    if (entry.ids().isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (Integer id : entry.ids()) {
      sb.append(sb.isEmpty() ? "" : ";").append(id);
    }
    return sb.toString();
  }

  /** The label cell: the labels joined with {@code ';'}, or null when the entry has none. */
  static String labels(DatalistEntry entry) {
    return entry.labels().isEmpty() ? null : String.join(";", entry.labels());
  }

  /** Extra {@code i} of {@code entry} as a Double (numeric column) or String, or null. */
  Object extra(DatalistEntry entry, int i) {
    Object v = entry.extras().get(extraNames.get(i));
    if (v == null) {
      return null;
    }
    if (extraNumeric.get(i)) {
      return v instanceof Number n ? n.doubleValue() : null;
    }
    return v instanceof String || v instanceof Boolean || v instanceof Number
        ? Objects.toString(v)
        : null;
  }
}
