package org.radioclr.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.radioclr.core.BadInputException;
import org.radioclr.formats.table.FeatureColumns;
import org.radioclr.formats.table.FeatureTable;

/**
 * The labelled rows of a feature table, ready for a classifier: class list, true class indices and
 * features. Rows without a label are left out ({@link #unlabelled()} counts them).
 *
 * <p>Classes come from the {@code label} and {@code id} columns ({@code "A;B"} / {@code "1;3"} when
 * multi-label), ordered by id as in {@link Classes#of}; when the table has no ids, classes are
 * ordered by name and numbered from 0. With {@link #fromColumn} they come from any other column
 * instead, ordered by name.
 *
 * @param file the table, named in errors
 * @param classes the classes
 * @param multiLabel whether some row has several labels
 * @param snames {@code [rows]}
 * @param truth {@code [rows][*]} class indices
 * @param features {@code [rows][dim]}
 * @param featureNames {@code [dim]} column names ({@code f0..})
 * @param unlabelled rows of the table left out for having no label
 */
public record LabelledFeatures(
    Path file,
    Classes classes,
    boolean multiLabel,
    List<String> snames,
    int[][] truth,
    float[][] features,
    List<String> featureNames,
    int unlabelled) {

  public LabelledFeatures {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(classes, "classes");
    snames = List.copyOf(snames);
    featureNames = List.copyOf(featureNames);
    if (truth.length != snames.size() || features.length != snames.size()) {
      throw new IllegalArgumentException("snames, truth and features must have one row each");
    }
  }

  /** Number of labelled rows. */
  public int size() {
    return snames.size();
  }

  /**
   * The labelled rows of a table, classes from its {@code label} (and {@code id}) columns.
   *
   * @throws BadInputException naming the file when no row is labelled, labels and ids do not pair
   *     up, an id goes with two labels, fewer than 2 classes are present, or a labelled row has a
   *     feature that is not a finite number
   */
  public static LabelledFeatures of(Path file, FeatureTable table) {
    List<Integer> rows = new ArrayList<>();
    List<String[]> labels = new ArrayList<>();
    List<String[]> ids = new ArrayList<>();
    boolean anyId = false;
    for (int i = 0; i < table.size(); i++) {
      String l = table.labels().get(i);
      if (l.isBlank()) {
        continue;
      }
      rows.add(i);
      labels.add(split(l));
      String id = table.ids().get(i);
      ids.add(id.isBlank() ? new String[0] : split(id));
      anyId |= !id.isBlank();
    }
    if (rows.isEmpty()) {
      throw new BadInputException(file, "no labelled rows (the 'label' column is empty)");
    }
    Classes classes;
    if (anyId) {
      Map<Integer, String> byId = new TreeMap<>();
      Map<String, Integer> byName = new TreeMap<>();
      for (int r = 0; r < rows.size(); r++) {
        String sname = table.snames().get(rows.get(r));
        String[] l = labels.get(r);
        String[] d = ids.get(r);
        if (d.length != l.length) {
          throw new BadInputException(
              file,
              "row '"
                  + sname
                  + "' has labels "
                  + Arrays.toString(l)
                  + " but ids "
                  + Arrays.toString(d));
        }
        for (int k = 0; k < l.length; k++) {
          int id;
          try {
            id = Integer.parseInt(d[k]);
          } catch (NumberFormatException e) {
            throw new BadInputException(
                file, "row '" + sname + "' has a non-integer id '" + d[k] + "'", e);
          }
          String known = byId.putIfAbsent(id, l[k]);
          Integer knownId = byName.putIfAbsent(l[k], id);
          if ((known != null && !known.equals(l[k])) || (knownId != null && knownId != id)) {
            throw new BadInputException(
                file,
                "row '"
                    + sname
                    + "' pairs id "
                    + id
                    + " with label '"
                    + l[k]
                    + "', elsewhere id "
                    + (knownId != null ? knownId : id)
                    + " / label '"
                    + (known != null ? known : l[k])
                    + "'");
          }
        }
      }
      requireTwo(file, byId.values());
      classes = new Classes(new ArrayList<>(byId.values()), new ArrayList<>(byId.keySet()));
    } else {
      TreeSet<String> names = new TreeSet<>();
      labels.forEach(l -> names.addAll(Arrays.asList(l)));
      requireTwo(file, names);
      classes = byName(names);
    }
    return build(file, table, classes, rows, labels, table.size() - rows.size());
  }

  /**
   * The rows of a table with a value in another column (e.g. a category written as an extra),
   * classes ordered by name.
   *
   * @throws BadInputException naming the file when the column is missing (listing those present),
   *     fewer than 2 distinct values are present, or a kept row has a feature that is not a finite
   *     number
   */
  public static LabelledFeatures fromColumn(Path file, FeatureTable table, String column) {
    if (column.equals("label")) {
      return of(file, table);
    }
    List<String> cells = table.extras().get(column);
    if (cells == null) {
      throw new BadInputException(file, "no column '" + column + "'; columns: " + columns(table));
    }
    List<Integer> rows = new ArrayList<>();
    List<String[]> labels = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>();
    for (int i = 0; i < table.size(); i++) {
      String c = cells.get(i);
      if (c == null || c.isBlank()) {
        continue;
      }
      rows.add(i);
      labels.add(new String[] {c});
      names.add(c);
    }
    requireTwo(file, names);
    return build(file, table, byName(names), rows, labels, table.size() - rows.size());
  }

  /** The non-feature columns of a table, for messages. */
  public static List<String> columns(FeatureTable table) {
    List<String> c = new ArrayList<>(List.of("sname", "id", "label"));
    c.addAll(table.extras().keySet());
    return c;
  }

  /** These rows only, in the given order. */
  public LabelledFeatures rows(int[] indices) {
    List<String> s = new ArrayList<>(indices.length);
    int[][] t = new int[indices.length][];
    float[][] f = new float[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      s.add(snames.get(indices[i]));
      t[i] = truth[indices[i]];
      f[i] = features[indices[i]];
    }
    return new LabelledFeatures(file, classes, multiLabel, s, t, f, featureNames, 0);
  }

  /**
   * These rows followed by another set's (pooling a train and a test table).
   *
   * @throws BadInputException naming the other file when its classes or feature columns differ
   */
  public LabelledFeatures concat(LabelledFeatures other) {
    classes.requireSame(other.classes, other.file);
    if (!featureNames.equals(other.featureNames)) {
      throw new BadInputException(
          other.file,
          "has "
              + other.featureNames.size()
              + " feature columns, "
              + file
              + " has "
              + featureNames.size());
    }
    List<String> s = new ArrayList<>(snames);
    s.addAll(other.snames);
    int[][] t = Arrays.copyOf(truth, size() + other.size());
    float[][] f = Arrays.copyOf(features, size() + other.size());
    System.arraycopy(other.truth, 0, t, size(), other.size());
    System.arraycopy(other.features, 0, f, size(), other.size());
    return new LabelledFeatures(
        file,
        classes,
        multiLabel || other.multiLabel,
        s,
        t,
        f,
        featureNames,
        unlabelled + other.unlabelled);
  }

  /**
   * The single class index of every row.
   *
   * @throws BadInputException naming the file when a row has several labels
   */
  public int[] singleLabels() {
    int[] out = new int[size()];
    for (int i = 0; i < out.length; i++) {
      if (truth[i].length != 1) {
        throw new BadInputException(
            file,
            "row '"
                + snames.get(i)
                + "' has "
                + truth[i].length
                + " labels; this needs single-label data");
      }
      out[i] = truth[i][0];
    }
    return out;
  }

  private static LabelledFeatures build(
      Path file,
      FeatureTable table,
      Classes classes,
      List<Integer> rows,
      List<String[]> labels,
      int unlabelled) {
    int n = rows.size();
    List<String> snames = new ArrayList<>(n);
    int[][] truth = new int[n][];
    float[][] features = new float[n][];
    boolean multi = false;
    for (int r = 0; r < n; r++) {
      int i = rows.get(r);
      snames.add(table.snames().get(i));
      String[] l = labels.get(r);
      truth[r] = new int[l.length];
      for (int k = 0; k < l.length; k++) {
        truth[r][k] = classes.indexOf(l[k]);
      }
      multi |= l.length > 1;
      table.requireFinite(file, i);
      features[r] = table.features()[i];
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < table.dimension(); j++) {
      names.add(FeatureColumns.featureName(j));
    }
    return new LabelledFeatures(file, classes, multi, snames, truth, features, names, unlabelled);
  }

  private static Classes byName(java.util.Collection<String> names) {
    List<String> n = new ArrayList<>(names);
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      ids.add(i);
    }
    return new Classes(n, ids);
  }

  private static void requireTwo(Path file, java.util.Collection<String> names) {
    if (names.size() < 2) {
      throw new BadInputException(
          file, "needs at least 2 classes to classify, found " + new ArrayList<>(names));
    }
  }

  private static String[] split(String cell) {
    String[] parts = cell.split(";");
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].trim();
    }
    return parts;
  }
}
