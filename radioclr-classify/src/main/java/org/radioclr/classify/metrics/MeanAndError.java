package org.radioclr.classify.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Classification scores over K train/test splits summarised as mean ± standard error, the form in
 * which the paper reports its F1 scores (§3.2, Fig. 5: mean and mean error over 5 test sets).
 *
 * <p>{@code overall} keys, in this order: {@code accuracy}, {@code macro_precision}, {@code
 * macro_recall}, {@code macro_f1}, {@code weighted_precision}, {@code weighted_recall}, {@code
 * weighted_f1}, {@code micro_precision}, {@code micro_recall}, {@code micro_f1}. {@code perClass}:
 * class name → {@code precision}, {@code recall}, {@code f1}.
 *
 * @param classes class names in index order
 * @param splits K, the number of splits summarised
 * @param overall figure name → estimate
 * @param perClass class name → (figure name → estimate)
 */
public record MeanAndError(
    List<String> classes,
    int splits,
    Map<String, Estimate> overall,
    Map<String, Map<String, Estimate>> perClass) {

  /** The keys of {@link #overall()}, in order. */
  public static final List<String> OVERALL =
      List.of(
          "accuracy",
          "macro_precision",
          "macro_recall",
          "macro_f1",
          "weighted_precision",
          "weighted_recall",
          "weighted_f1",
          "micro_precision",
          "micro_recall",
          "micro_f1");

  /** The keys of each {@link #perClass()} entry, in order. */
  public static final List<String> PER_CLASS = List.of("precision", "recall", "f1");

  public MeanAndError {
    classes = List.copyOf(classes);
    overall = freeze(overall);
    Map<String, Map<String, Estimate>> pc = new LinkedHashMap<>();
    perClass.forEach((k, v) -> pc.put(k, freeze(v)));
    perClass = java.util.Collections.unmodifiableMap(pc);
    if (splits < 1) {
      throw new IllegalArgumentException("splits must be >= 1, got " + splits);
    }
    if (!overall.keySet().equals(new java.util.LinkedHashSet<>(OVERALL))) {
      throw new IllegalArgumentException(
          "overall figures must be " + OVERALL + ", got " + overall.keySet());
    }
    if (!perClass.keySet().equals(new java.util.LinkedHashSet<>(classes))) {
      throw new IllegalArgumentException(
          "per-class figures must cover " + classes + ", got " + perClass.keySet());
    }
    for (Map.Entry<String, Map<String, Estimate>> e : perClass.entrySet()) {
      if (!e.getValue().keySet().equals(new java.util.LinkedHashSet<>(PER_CLASS))) {
        throw new IllegalArgumentException(
            "figures of class '"
                + e.getKey()
                + "' must be "
                + PER_CLASS
                + ", got "
                + e.getValue().keySet());
      }
    }
  }

  private static Map<String, Estimate> freeze(Map<String, Estimate> m) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(m)));
  }

  /**
   * Summarises the scores of K splits.
   *
   * @throws IllegalArgumentException when the list is empty or the splits' classes differ
   */
  public static MeanAndError of(List<ClassificationMetrics> splits) {
    if (splits.isEmpty()) {
      throw new IllegalArgumentException("no splits to summarise");
    }
    List<String> classes = splits.get(0).classes();
    for (ClassificationMetrics m : splits) {
      if (!m.classes().equals(classes)) {
        throw new IllegalArgumentException(
            "all splits must have the same classes, got " + classes + " and " + m.classes());
      }
    }
    int k = splits.size();
    Map<String, Estimate> overall = new LinkedHashMap<>();
    for (String key : OVERALL) {
      double[] v = new double[k];
      for (int s = 0; s < k; s++) {
        v[s] = overallFigure(splits.get(s), key);
      }
      overall.put(key, Estimate.of(v));
    }
    Map<String, Map<String, Estimate>> perClass = new LinkedHashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      Map<String, Estimate> figures = new LinkedHashMap<>();
      for (String key : PER_CLASS) {
        double[] v = new double[k];
        for (int s = 0; s < k; s++) {
          ClassScores cs = splits.get(s).perClass().get(c);
          v[s] =
              switch (key) {
                case "precision" -> cs.precision();
                case "recall" -> cs.recall();
                default -> cs.f1();
              };
        }
        figures.put(key, Estimate.of(v));
      }
      perClass.put(classes.get(c), figures);
    }
    return new MeanAndError(classes, k, overall, perClass);
  }

  /** One of the {@link #OVERALL} figures of a single result. */
  public static double overallFigure(ClassificationMetrics m, String key) {
    return switch (key) {
      case "accuracy" -> m.accuracy();
      case "macro_precision" -> m.macro().precision();
      case "macro_recall" -> m.macro().recall();
      case "macro_f1" -> m.macro().f1();
      case "weighted_precision" -> m.weighted().precision();
      case "weighted_recall" -> m.weighted().recall();
      case "weighted_f1" -> m.weighted().f1();
      case "micro_precision" -> m.micro().precision();
      case "micro_recall" -> m.micro().recall();
      case "micro_f1" -> m.micro().f1();
      default ->
          throw new IllegalArgumentException("unknown figure '" + key + "', known: " + OVERALL);
    };
  }

  /** The estimate of one overall figure. */
  public Estimate figure(String key) {
    Estimate e = overall.get(key);
    if (e == null) {
      throw new IllegalArgumentException("unknown figure '" + key + "', known: " + OVERALL);
    }
    return e;
  }

  /** Mean ± SE of the accuracy. */
  public Estimate accuracy() {
    return figure("accuracy");
  }

  /** Mean ± SE of the macro F1. */
  public Estimate macroF1() {
    return figure("macro_f1");
  }

  /**
   * The per-class figures as a table (header first): class, precision, recall, F1, each {@code mean
   * ± se}, then the macro and weighted averages; for {@code HtmlReport.table} or the console.
   */
  public List<List<String>> table() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("class", "precision", "recall", "F1"));
    for (String c : classes) {
      Map<String, Estimate> f = perClass.get(c);
      rows.add(
          List.of(
              c,
              f.get("precision").toString(),
              f.get("recall").toString(),
              f.get("f1").toString()));
    }
    for (String avg : List.of("macro", "weighted")) {
      rows.add(
          List.of(
              avg + " avg",
              overall.get(avg + "_precision").toString(),
              overall.get(avg + "_recall").toString(),
              overall.get(avg + "_f1").toString()));
    }
    rows.add(List.of("accuracy", "", "", overall.get("accuracy").toString()));
    return rows;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "MeanAndError[%d splits, accuracy %s, macro F1 %s]",
        splits,
        accuracy(),
        macroF1());
  }
}
