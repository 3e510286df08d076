package org.radioclr.classify.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.radioclr.classify.Predictions;

/**
 * The standard scores of a classifier on a labelled data set (paper §3.2: precision, recall and F1
 * per class, and their averages), computed as scikit-learn's {@code classification_report}, {@code
 * accuracy_score} and {@code confusion_matrix} do with {@code zero_division=0}: a precision with no
 * predicted rows, a recall with no true rows, or an F1 with precision and recall both 0, is 0 (with
 * no warning). Every class in {@link #classes()} takes part in the macro average, also when it has
 * no rows.
 *
 * <p>Single-label: {@code accuracy} is the fraction of rows whose arg-max is the true class, and
 * {@code confusion} is {@code long[classes][classes]} counts indexed {@code [true][predicted]}.
 * Multi-label: every class is scored as its own binary problem (score &ge; {@link
 * Predictions#THRESHOLD}); {@code accuracy} is the subset accuracy (the predicted set equals the
 * true set) and {@code confusion} is empty ({@code long[0][0]}); the per-class 2×2 tables are the
 * counts in {@link ClassScores} with {@code tn = rows - tp - fp - fn}.
 *
 * @param classes class names in index order
 * @param multiLabel whether rows may carry several classes
 * @param rows number of rows scored
 * @param accuracy accuracy (single-label) or subset accuracy (multi-label), in [0, 1]
 * @param perClass one entry per class, in class order
 * @param macro unweighted mean over classes
 * @param weighted support-weighted mean over classes (0 when there is no support at all)
 * @param micro from the summed counts
 * @param confusion {@code [true][predicted]} counts; {@code long[0][0]} when multi-label
 */
public record ClassificationMetrics(
    List<String> classes,
    boolean multiLabel,
    long rows,
    double accuracy,
    List<ClassScores> perClass,
    Averages macro,
    Averages weighted,
    Averages micro,
    long[][] confusion) {

  public ClassificationMetrics {
    classes = List.copyOf(Objects.requireNonNull(classes, "classes"));
    perClass = List.copyOf(Objects.requireNonNull(perClass, "perClass"));
    Objects.requireNonNull(macro, "macro");
    Objects.requireNonNull(weighted, "weighted");
    Objects.requireNonNull(micro, "micro");
    if (perClass.size() != classes.size()) {
      throw new IllegalArgumentException(
          "need one score per class, got " + perClass.size() + " for " + classes.size());
    }
    for (int c = 0; c < classes.size(); c++) {
      if (!perClass.get(c).name().equals(classes.get(c))) {
        throw new IllegalArgumentException(
            "per-class score "
                + c
                + " is for '"
                + perClass.get(c).name()
                + "', expected '"
                + classes.get(c)
                + "'");
      }
    }
    if (rows < 0 || !(accuracy >= 0 && accuracy <= 1)) {
      throw new IllegalArgumentException(
          "rows must be >= 0 and accuracy in [0, 1], got " + rows + " and " + accuracy);
    }
    int expected = multiLabel ? 0 : classes.size();
    if (confusion.length != expected) {
      throw new IllegalArgumentException(
          "confusion matrix must have " + expected + " rows, got " + confusion.length);
    }
    long[][] copy = new long[expected][];
    for (int t = 0; t < expected; t++) {
      if (confusion[t].length != expected) {
        throw new IllegalArgumentException(
            "confusion matrix row "
                + t
                + " must have "
                + expected
                + " columns, got "
                + confusion[t].length);
      }
      copy[t] = confusion[t].clone();
    }
    confusion = copy;
  }

  /** Scores a classifier's predictions (arg-max, or threshold 0.5 when multi-label). */
  public static ClassificationMetrics of(Predictions p) {
    int k = p.classes().size();
    int n = p.size();
    if (!p.multiLabel()) {
      int[] truth = new int[n];
      int[] predicted = new int[n];
      for (int i = 0; i < n; i++) {
        truth[i] = p.truth()[i][0];
        predicted[i] = p.argmax(i);
      }
      return ofLabels(p.classes(), truth, predicted);
    }
    long[] tp = new long[k];
    long[] fp = new long[k];
    long[] fn = new long[k];
    long exact = 0;
    for (int i = 0; i < n; i++) {
      boolean all = true;
      for (int c = 0; c < k; c++) {
        boolean t = p.isTrue(i, c);
        boolean y = p.predicted(i, c);
        if (t && y) {
          tp[c]++;
        } else if (y) {
          fp[c]++;
          all = false;
        } else if (t) {
          fn[c]++;
          all = false;
        }
      }
      if (all) {
        exact++;
      }
    }
    return fromCounts(
        p.classes(), true, n, n == 0 ? 0 : exact / (double) n, tp, fp, fn, new long[0][0]);
  }

  /**
   * Scores single-label predictions given as class indices (e.g. a kNN vote).
   *
   * @param truth {@code [rows]} true class indices in {@code [0, classes.size())}
   * @param predicted {@code [rows]} predicted class indices
   */
  public static ClassificationMetrics ofLabels(List<String> classes, int[] truth, int[] predicted) {
    int k = classes.size();
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(
          "truth and predictions must have the same length, got "
              + truth.length
              + " and "
              + predicted.length);
    }
    long[][] confusion = new long[k][k];
    long correct = 0;
    for (int i = 0; i < truth.length; i++) {
      int t = truth[i];
      int y = predicted[i];
      if (t < 0 || t >= k || y < 0 || y >= k) {
        throw new IllegalArgumentException(
            "row " + i + " has class index out of [0, " + k + "): true " + t + ", predicted " + y);
      }
      confusion[t][y]++;
      if (t == y) {
        correct++;
      }
    }
    long[] tp = new long[k];
    long[] fp = new long[k];
    long[] fn = new long[k];
    for (int t = 0; t < k; t++) {
      for (int y = 0; y < k; y++) {
        if (t == y) {
          tp[t] += confusion[t][y];
        } else {
          fn[t] += confusion[t][y];
          fp[y] += confusion[t][y];
        }
      }
    }
    int n = truth.length;
    return fromCounts(classes, false, n, n == 0 ? 0 : correct / (double) n, tp, fp, fn, confusion);
  }

  private static ClassificationMetrics fromCounts(
      List<String> classes,
      boolean multiLabel,
      long rows,
      double accuracy,
      long[] tp,
      long[] fp,
      long[] fn,
      long[][] confusion) {
    int k = classes.size();
    List<ClassScores> per = new ArrayList<>(k);
    double mp = 0, mr = 0, mf = 0, wp = 0, wr = 0, wf = 0;
    long support = 0, stp = 0, sfp = 0, sfn = 0;
    for (int c = 0; c < k; c++) {
      ClassScores s = ClassScores.of(classes.get(c), tp[c], fp[c], fn[c]);
      per.add(s);
      mp += s.precision();
      mr += s.recall();
      mf += s.f1();
      wp += s.precision() * s.support();
      wr += s.recall() * s.support();
      wf += s.f1() * s.support();
      support += s.support();
      stp += tp[c];
      sfp += fp[c];
      sfn += fn[c];
    }
    Averages macro = new Averages(clamp(mp / k), clamp(mr / k), clamp(mf / k));
    Averages weighted =
        support == 0
            ? new Averages(0, 0, 0)
            : new Averages(clamp(wp / support), clamp(wr / support), clamp(wf / support));
    double up = ClassScores.ratio(stp, stp + sfp);
    double ur = ClassScores.ratio(stp, stp + sfn);
    Averages micro = new Averages(up, ur, ClassScores.f1(up, ur));
    return new ClassificationMetrics(
        classes, multiLabel, rows, accuracy, per, macro, weighted, micro, confusion);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /** Number of classes. */
  public int size() {
    return classes.size();
  }

  /** A copy of the confusion counts, {@code [true][predicted]}. */
  @Override
  public long[][] confusion() {
    long[][] copy = new long[confusion.length][];
    for (int t = 0; t < confusion.length; t++) {
      copy[t] = confusion[t].clone();
    }
    return copy;
  }

  /**
   * The confusion matrix with each row divided by its sum (the fraction of each true class given
   * each prediction; the diagonal is the per-class recall); a row with no rows is all 0.
   */
  public double[][] normalizedConfusion() {
    return normalizeRows(confusion);
  }

  /** Rows of {@code counts} divided by their sums, all-zero rows left 0. */
  public static double[][] normalizeRows(long[][] counts) {
    double[][] out = new double[counts.length][];
    for (int t = 0; t < counts.length; t++) {
      long sum = 0;
      for (long v : counts[t]) {
        sum += v;
      }
      out[t] = new double[counts[t].length];
      for (int y = 0; y < counts[t].length; y++) {
        out[t][y] = sum == 0 ? 0 : counts[t][y] / (double) sum;
      }
    }
    return out;
  }

  /** The scores of one class by name. */
  public ClassScores scores(String className) {
    int i = classes.indexOf(className);
    if (i < 0) {
      throw new IllegalArgumentException("unknown class '" + className + "', known: " + classes);
    }
    return perClass.get(i);
  }

  /**
   * The per-class scores as a table (header first): class, precision, recall, F1, support, then the
   * macro and weighted averages and the accuracy; for {@code HtmlReport.table} or the console.
   */
  public List<List<String>> table() {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of("class", "precision", "recall", "F1", "support"));
    for (ClassScores s : perClass) {
      out.add(
          List.of(
              s.name(), f(s.precision()), f(s.recall()), f(s.f1()), Long.toString(s.support())));
    }
    long support = perClass.stream().mapToLong(ClassScores::support).sum();
    out.add(
        List.of(
            "macro avg",
            f(macro.precision()),
            f(macro.recall()),
            f(macro.f1()),
            Long.toString(support)));
    out.add(
        List.of(
            "weighted avg",
            f(weighted.precision()),
            f(weighted.recall()),
            f(weighted.f1()),
            Long.toString(support)));
    if (multiLabel) {
      out.add(
          List.of(
              "micro avg",
              f(micro.precision()),
              f(micro.recall()),
              f(micro.f1()),
              Long.toString(support)));
    }
    out.add(
        List.of(
            multiLabel ? "subset accuracy" : "accuracy", "", "", f(accuracy), Long.toString(rows)));
    return out;
  }

  private static String f(double v) {
    return String.format(java.util.Locale.ROOT, "%.4f", v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassificationMetrics m
        && classes.equals(m.classes)
        && multiLabel == m.multiLabel
        && rows == m.rows
        && Double.compare(accuracy, m.accuracy) == 0
        && perClass.equals(m.perClass)
        && macro.equals(m.macro)
        && weighted.equals(m.weighted)
        && micro.equals(m.micro)
        && Arrays.deepEquals(confusion, m.confusion);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        classes, multiLabel, rows, accuracy, perClass, macro, Arrays.deepHashCode(confusion));
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "ClassificationMetrics[%d classes, %d rows, accuracy %.4f, macro F1 %.4f%s]",
        classes.size(),
        rows,
        accuracy,
        macro.f1(),
        multiLabel ? ", multi-label" : "");
  }
}
