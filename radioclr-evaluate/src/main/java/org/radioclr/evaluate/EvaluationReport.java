package org.radioclr.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.Estimate;
import org.radioclr.classify.split.Split;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.report.HtmlReport;
import org.radioclr.core.report.LinePlot;

/**
 * Writes an {@link EvaluationResult}: {@code results.csv} (one row per method: accuracy and macro
 * F1 as mean and standard error, then each split's accuracy), {@code results.json} (the same plus
 * the settings and per-class figures), {@code splits.csv} (split, set, sname, label), {@code
 * accuracy.png} (each method's test accuracy per split) and {@code report.html}; all written
 * atomically.
 */
public final class EvaluationReport {
  /** The table of methods. */
  public static final String CSV_FILE = "results.csv";

  /** Everything, as JSON. */
  public static final String JSON_FILE = "results.json";

  /** The images of each split. */
  public static final String SPLITS_FILE = "splits.csv";

  /** Accuracy per split. */
  public static final String PLOT_FILE = "accuracy.png";

  /** The HTML report. */
  public static final String REPORT_FILE = "report.html";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EvaluationReport() {}

  /** The table (header first): method, accuracy, macro F1, each {@code mean ± se} in percent. */
  public static List<List<String>> table(EvaluationResult r) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("method", "accuracy (%)", "macro F1 (%)"));
    for (MethodResult m : r.methods()) {
      rows.add(List.of(m.name(), percent(m.summary().accuracy()), percent(m.summary().macroF1())));
    }
    return rows;
  }

  /** {@code 87.4 ± 1.2}. */
  public static String percent(Estimate e) {
    return String.format(Locale.ROOT, "%.1f ± %.1f", 100 * e.mean(), 100 * e.standardError());
  }

  /** Writes every file into {@code dir} (which must exist). */
  public static void write(Path dir, EvaluationResult r) {
    AtomicFiles.writeString(dir.resolve(CSV_FILE), csv(r));
    AtomicFiles.writeString(dir.resolve(SPLITS_FILE), splitsCsv(r));
    try {
      AtomicFiles.writeString(dir.resolve(JSON_FILE), MAPPER.writeValueAsString(json(r)) + "\n");
    } catch (JsonProcessingException e) {
      throw new RadioclrException("cannot write " + dir.resolve(JSON_FILE) + ": " + e, e);
    }
    plot(r).write(dir.resolve(PLOT_FILE), 800, 450);
    html(r, dir.resolve(PLOT_FILE)).write(dir.resolve(REPORT_FILE));
  }

  static String csv(EvaluationResult r) {
    int k = r.config().splits();
    StringBuilder s =
        new StringBuilder("method,name,accuracy_mean,accuracy_se,macro_f1_mean,macro_f1_se");
    for (int j = 1; j <= k; j++) {
      s.append(",accuracy_split_").append(j);
    }
    s.append('\n');
    for (MethodResult m : r.methods()) {
      Estimate a = m.summary().accuracy();
      Estimate f = m.summary().macroF1();
      s.append(m.key()).append(',').append(quote(m.name()));
      s.append(
          String.format(
              Locale.ROOT,
              ",%.6f,%.6f,%.6f,%.6f",
              a.mean(),
              a.standardError(),
              f.mean(),
              f.standardError()));
      for (ClassificationMetrics c : m.perSplit()) {
        s.append(String.format(Locale.ROOT, ",%.6f", c.accuracy()));
      }
      s.append('\n');
    }
    return s.toString();
  }

  static String splitsCsv(EvaluationResult r) {
    StringBuilder s = new StringBuilder("split,set,sname,label\n");
    int[] labels = r.labels();
    List<Split> splits = r.splits().splits();
    for (int j = 0; j < splits.size(); j++) {
      for (String set : List.of("train", "test")) {
        int[] rows = set.equals("train") ? splits.get(j).train() : splits.get(j).test();
        for (int i : rows) {
          s.append(j + 1)
              .append(',')
              .append(set)
              .append(',')
              .append(quote(r.snames().get(i)))
              .append(',')
              .append(quote(r.classes().get(labels[i])))
              .append('\n');
        }
      }
    }
    return s.toString();
  }

  static Map<String, Object> json(EvaluationResult r) {
    EvaluationConfig c = r.config();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("encoder", c.encoder().toString());
    settings.put("checkpoint", r.checkpoint().toString());
    settings.put("architecture", r.architecture());
    settings.put("image_size", r.imageSize());
    settings.put("labelled", c.labelled().toString());
    settings.put("splits", c.splits());
    settings.put("train_per_class", r.splits().trainPerClass());
    settings.put("test_per_class", r.splits().testPerClass());
    settings.put("split_note", r.splits().note());
    settings.put("seed", c.seed());
    settings.put("k", c.k());
    settings.put("raw_size", c.rawSize());
    settings.put("dihedral", c.dihedral());
    settings.put("l2", c.logistic().l2());
    settings.put("max_iterations", c.logistic().maxIterations());
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("settings", settings);
    root.put("classes", r.classes());
    root.put("images", r.snames().size());
    root.put("skipped_images", r.skipped().size());
    root.put("unlabelled_entries", r.unlabelled());
    root.put("random_checkpoint", r.randomCheckpoint().toString());
    root.put("seconds", r.seconds());
    Map<String, Object> methods = new LinkedHashMap<>();
    for (MethodResult m : r.methods()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", m.name());
      entry.put("description", m.description());
      entry.put("summary", m.summary());
      List<Double> acc = new ArrayList<>();
      for (ClassificationMetrics s : m.perSplit()) {
        acc.add(s.accuracy());
      }
      entry.put("accuracy_per_split", acc);
      methods.put(m.key(), entry);
    }
    root.put("methods", methods);
    return root;
  }

  static LinePlot plot(EvaluationResult r) {
    List<LinePlot.Series> series = new ArrayList<>();
    for (MethodResult m : r.methods()) {
      double[] x = new double[m.perSplit().size()];
      double[] y = new double[x.length];
      for (int j = 0; j < x.length; j++) {
        x[j] = j + 1;
        y[j] = m.perSplit().get(j).accuracy();
      }
      series.add(new LinePlot.Series(m.name(), x, y));
    }
    return new LinePlot("test accuracy per split", "split", "accuracy", false, series);
  }

  static HtmlReport html(EvaluationResult r, Path plot) {
    EvaluationConfig c = r.config();
    HtmlReport report = new HtmlReport("radioclr evaluate");
    report.paragraph(
        "Encoder "
            + r.checkpoint()
            + " ("
            + r.architecture()
            + ", "
            + r.imageSize()
            + " px) on "
            + c.labelled()
            + ": "
            + r.snames().size()
            + " labelled images, classes "
            + r.classes()
            + (r.skipped().isEmpty() ? "" : ", " + r.skipped().size() + " unreadable left out")
            + (c.dihedral() ? "; features averaged over the 8 orientations of each image" : "")
            + ".");
    report.paragraph(
        c.splits()
            + " class-balanced splits, seed "
            + c.seed()
            + ": "
            + r.splits().note()
            + ". Every method is fitted on each split's training images and scored on its test"
            + " images; figures are mean ± standard error over the splits, in percent.");
    report.heading("Results");
    report.table(table(r));
    List<List<String>> what = new ArrayList<>();
    what.add(List.of("method", "what it measures"));
    for (MethodResult m : r.methods()) {
      what.add(List.of(m.name(), m.description()));
    }
    report.table(what);
    report.figure(plot, "Test accuracy of each method on each split.");
    for (MethodResult m : r.methods()) {
      report.heading(m.name() + ": per class");
      report.table(m.summary().table());
    }
    return report;
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
