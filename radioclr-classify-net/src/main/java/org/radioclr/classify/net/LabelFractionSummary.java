package org.radioclr.classify.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.MeanAndError;
import org.radioclr.classify.metrics.MetricsJson;
import org.radioclr.classify.report.FractionCurvePlot;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Csv;
import org.radioclr.core.report.HtmlReport;

/**
 * The label-fraction study summarised over its splits (paper §3.3, Fig. 7): for every
 * (initialisation, label fraction) the test scores of its K splits as mean ± standard error ({@link
 * MeanAndError}), written to the study folder as
 *
 * <ul>
 *   <li>{@code summary.csv}: {@code init, fraction, splits, n_train, accuracy_mean, accuracy_se,
 *       macro_f1_mean, macro_f1_se};
 *   <li>{@code summary.json}: {@code {"kind": "label_fraction_summary", "rows": [{init, fraction,
 *       splits, n_train, "scores": <MetricsJson summary>}]}};
 *   <li>{@code fractions.png}: macro F1 against the label fraction, one curve per initialisation, ±
 *       standard-error bars ({@link FractionCurvePlot});
 *   <li>{@code report.html}: the comparison table, the plot and every run.
 * </ul>
 *
 * {@code n_train} is the mean over splits of the training images used, rounded (the same for every
 * split unless images failed to load or, with multi-label data, a split needed extra images to keep
 * every class).
 */
public final class LabelFractionSummary {
  /** The summary table. */
  public static final String CSV_FILE = "summary.csv";

  /** The summary with every figure. */
  public static final String JSON_FILE = "summary.json";

  /** The {@code kind} of {@code summary.json}. */
  public static final String KIND = "label_fraction_summary";

  /** The plot of macro F1 against the label fraction. */
  public static final String PLOT_FILE = "fractions.png";

  /** The study's report. */
  public static final String REPORT_FILE = "report.html";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LabelFractionSummary() {}

  /**
   * One (initialisation, fraction) over its splits.
   *
   * @param init the initialisation's label
   * @param fraction the label fraction
   * @param nTrain training images used (mean over splits, rounded)
   * @param scores the test scores, mean ± standard error over the splits
   */
  public record Cell(String init, double fraction, int nTrain, MeanAndError scores) {
    /** Checks the fields. */
    public Cell {
      Objects.requireNonNull(init, "init");
      Objects.requireNonNull(scores, "scores");
    }
  }

  /**
   * Groups the rows by (initialisation, fraction), in the order each pair first appears.
   *
   * @throws IllegalArgumentException when {@code rows} is empty
   */
  public static List<Cell> of(List<LabelFractionStudy.Row> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no runs to summarise");
    }
    Map<String, Map<Double, List<LabelFractionStudy.Row>>> groups = new LinkedHashMap<>();
    for (LabelFractionStudy.Row r : rows) {
      groups
          .computeIfAbsent(r.init(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.fraction(), k -> new ArrayList<>())
          .add(r);
    }
    List<Cell> cells = new ArrayList<>();
    for (Map.Entry<String, Map<Double, List<LabelFractionStudy.Row>>> byInit : groups.entrySet()) {
      for (Map.Entry<Double, List<LabelFractionStudy.Row>> e : byInit.getValue().entrySet()) {
        List<ClassificationMetrics> m = new ArrayList<>();
        double n = 0;
        for (LabelFractionStudy.Row r : e.getValue()) {
          m.add(r.metrics());
          n += r.nTrain();
        }
        cells.add(
            new Cell(
                byInit.getKey(), e.getKey(), (int) Math.round(n / m.size()), MeanAndError.of(m)));
      }
    }
    return cells;
  }

  /** The comparison table (header first): init, fraction, n_train, splits, accuracy, macro F1. */
  public static List<List<String>> table(List<Cell> cells) {
    List<List<String>> t = new ArrayList<>();
    t.add(List.of("init", "fraction", "n_train", "splits", "accuracy", "macro F1"));
    for (Cell c : cells) {
      t.add(
          List.of(
              c.init(),
              Double.toString(c.fraction()),
              Integer.toString(c.nTrain()),
              Integer.toString(c.scores().splits()),
              c.scores().accuracy().toString(),
              c.scores().macroF1().toString()));
    }
    return t;
  }

  /**
   * Writes the four files of the summary of {@code rows} into {@code dir}.
   *
   * @param intro the report's opening paragraphs
   * @return the cells written
   */
  public static List<Cell> write(Path dir, List<LabelFractionStudy.Row> rows, List<String> intro) {
    List<Cell> cells = of(rows);
    writeCsv(dir.resolve(CSV_FILE), cells);
    writeJson(dir.resolve(JSON_FILE), cells);
    Path png = dir.resolve(PLOT_FILE);
    plot(cells).write(png, 720, 480);
    HtmlReport report = new HtmlReport("radioclr label-fraction study");
    intro.forEach(report::paragraph);
    report.heading("Test scores against the label fraction");
    report.paragraph(
        "Mean ± standard error over the splits of each (initialisation, fraction); n_train is the"
            + " number of training images used.");
    report.table(table(cells));
    report.figure(
        png,
        "Macro F1 on the test set against the fraction of training labels, one curve per encoder"
            + " initialisation; bars: ± standard error over the splits.");
    report.heading("Runs");
    List<List<String>> runs = new ArrayList<>();
    runs.add(List.of("init", "fraction", "split", "n_train", "accuracy", "macro F1", "run"));
    for (LabelFractionStudy.Row r : rows) {
      runs.add(
          List.of(
              r.init(),
              Double.toString(r.fraction()),
              Integer.toString(r.split()),
              Integer.toString(r.nTrain()),
              String.format(Locale.ROOT, "%.4f", r.accuracy()),
              String.format(Locale.ROOT, "%.4f", r.macroF1()),
              dir.relativize(r.run()).toString()));
    }
    report.table(runs);
    report.write(dir.resolve(REPORT_FILE));
    return cells;
  }

  /** Macro F1 against the label fraction, one curve per initialisation. */
  static FractionCurvePlot plot(List<Cell> cells) {
    Map<String, List<Cell>> byInit = new LinkedHashMap<>();
    for (Cell c : cells) {
      byInit.computeIfAbsent(c.init(), k -> new ArrayList<>()).add(c);
    }
    List<FractionCurvePlot.Curve> curves = new ArrayList<>();
    byInit.forEach(
        (init, list) ->
            curves.add(
                FractionCurvePlot.Curve.of(
                    init,
                    list.stream().mapToDouble(Cell::fraction).toArray(),
                    list.stream().map(Cell::scores).toList(),
                    "macro_f1")));
    return new FractionCurvePlot("macro F1 against the label fraction", "macro F1", curves);
  }

  private static void writeCsv(Path file, List<Cell> cells) {
    Csv table =
        new Csv(
            "init",
            "fraction",
            "splits",
            "n_train",
            "accuracy_mean",
            "accuracy_se",
            "macro_f1_mean",
            "macro_f1_se");
    for (Cell c : cells) {
      table.row(
          c.init(),
          c.fraction(),
          c.scores().splits(),
          c.nTrain(),
          f6(c.scores().accuracy().mean()),
          f6(c.scores().accuracy().standardError()),
          f6(c.scores().macroF1().mean()),
          f6(c.scores().macroF1().standardError()));
    }
    table.write(file);
  }

  private static String f6(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  private static void writeJson(Path file, List<Cell> cells) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", KIND);
    ArrayNode rows = root.putArray("rows");
    for (Cell c : cells) {
      ObjectNode o = rows.addObject();
      o.put("init", c.init());
      o.put("fraction", c.fraction());
      o.put("splits", c.scores().splits());
      o.put("n_train", c.nTrain());
      o.set("scores", MetricsJson.toJson(c.scores()));
    }
    try {
      AtomicFiles.writeString(file, MAPPER.writeValueAsString(root) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the summary", e);
    }
  }
}
