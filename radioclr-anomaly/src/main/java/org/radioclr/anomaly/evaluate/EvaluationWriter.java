package org.radioclr.anomaly.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Csv;
import org.radioclr.core.report.HistogramPlot;
import org.radioclr.core.report.HtmlReport;
import org.radioclr.core.report.LinePlot;

/**
 * Writes an evaluation into a folder, each file atomically: {@code curves.csv} (one row per
 * threshold, ascending), {@code summary.json} (group totals and the metrics at the crossing),
 * {@code histograms.png} (score histograms per group, log counts; Fig. 12 left), {@code curves.png}
 * (recall, precision and contamination against threshold; Fig. 12 right) and {@code report.html}.
 */
public final class EvaluationWriter {
  /** Histogram bins over [0, 1]. */
  public static final int BINS = 50;

  /** The columns of {@code curves.csv}. */
  public static final List<String> CURVE_COLUMNS =
      List.of(
          "threshold",
          "selected",
          "peculiar",
          "complex",
          "ordinary",
          "compact_only",
          "unlabelled",
          "recall",
          "precision",
          "precision_pc",
          "contamination_complex",
          "contamination_ordinary",
          "contamination_compact_only",
          "unlabelled_share");

  /** The groups whose contamination is reported, in Table 4's order (compact-only last). */
  static final List<FrameGroup> CONTAMINANTS =
      List.of(FrameGroup.COMPLEX, FrameGroup.ORDINARY, FrameGroup.COMPACT_ONLY);

  /** The metrics' definitions, for reports. */
  public static final String METRICS_TEXT =
      "A frame is selected when its score is at least the threshold. Recall: the share of the"
          + " PECULIAR frames selected. Precision (PECULIAR; P+C: PECULIAR or COMPLEX) and the"
          + " contamination of each group are shares of the selected labelled frames, as in the"
          + " paper's Table 4, so precision + contamination by complex + by ordinary frames ="
          + " 100% (compact-only frames are part of the ordinary ones); the unlabelled share is"
          + " that of all selected frames.";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EvaluationWriter() {}

  /** Writes every output into {@code dir} (created if needed). */
  public static void write(Path dir, GroupedScores data, EvaluationResult result, String source) {
    AtomicFiles.ensureDirectory(dir);
    AtomicFiles.writeString(dir.resolve("curves.csv"), curvesCsv(result));
    AtomicFiles.writeString(dir.resolve("summary.json"), json(summary(result, source)));
    Path hist = dir.resolve("histograms.png");
    Path curves = dir.resolve("curves.png");
    histogramPlot(data).write(hist, 900, 560);
    LinePlot.writePanels(curves, curvePlots(result), 900, 900);
    new HtmlReport("radioclr anomaly evaluation")
        .heading("Peculiar-frame search")
        .paragraph("Scores: " + source + ". " + METRICS_TEXT)
        .table(tableRows(result))
        .figure(hist, "Anomaly score histograms by frame group (log counts)")
        .figure(curves, "Recall, precision and contamination against the score threshold")
        .write(dir.resolve("report.html"));
  }

  /** The curve as CSV text; NaN cells are empty. */
  public static String curvesCsv(EvaluationResult r) {
    Csv table = new Csv(CURVE_COLUMNS);
    for (ThresholdMetrics m : r.curve()) {
      GroupCounts a = m.above();
      table.row(
          num(m.threshold()),
          a.all(),
          a.peculiar(),
          a.complex(),
          a.ordinary(),
          a.compactOnly(),
          a.unlabelled(),
          num(m.recall()),
          num(m.precision()),
          num(m.precisionPeculiarOrComplex()),
          num(m.contamination(FrameGroup.COMPLEX)),
          num(m.contamination(FrameGroup.ORDINARY)),
          num(m.contamination(FrameGroup.COMPACT_ONLY)),
          num(m.unlabelledShare()));
    }
    return table.text();
  }

  /** The content of {@code summary.json}. */
  public static Map<String, Object> summary(EvaluationResult r, String source) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scores", source);
    GroupCounts t = r.totals();
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("all", t.all());
    for (FrameGroup g : FrameGroup.values()) {
      totals.put(g.display(), t.of(g));
    }
    m.put("frames", totals);
    m.put("thresholds", r.curve().size());
    m.put("crossed", r.crossed());
    m.put("crossing_threshold", finite(r.crossingThreshold()));
    ThresholdMetrics c = r.crossing();
    Map<String, Object> at = new LinkedHashMap<>();
    at.put("threshold", c.threshold());
    at.put("recall", finite(c.recall()));
    at.put("precision", finite(c.precision()));
    at.put("precision_pc", finite(c.precisionPeculiarOrComplex()));
    Map<String, Object> cont = new LinkedHashMap<>();
    for (FrameGroup g : CONTAMINANTS) {
      cont.put(g.display(), finite(c.contamination(g)));
    }
    at.put("contamination", cont);
    at.put("unlabelled_share", finite(c.unlabelledShare()));
    Map<String, Object> sel = new LinkedHashMap<>();
    sel.put("all", c.above().all());
    sel.put("labelled", c.above().labelled());
    for (FrameGroup g : FrameGroup.values()) {
      sel.put(g.display(), c.above().of(g));
    }
    at.put("selected", sel);
    m.put("at_crossing", at);
    return m;
  }

  /** A Table-4-like text table of the metrics at the crossing, with the group counts. */
  public static String table(EvaluationResult r) {
    List<List<String>> rows = tableRows(r);
    int[] w = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        w[i] = Math.max(w[i], row.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        sb.append(i == 0 ? "" : "  ")
            .append(" ".repeat(w[i] - row.get(i).length()))
            .append(row.get(i));
      }
      sb.append('\n');
    }
    GroupCounts t = r.totals();
    sb.append(
        String.format(
            Locale.ROOT,
            "frames: %d (peculiar %d, complex %d, ordinary %d of which compact-only %d,"
                + " unlabelled %d); %s%n",
            t.all(),
            t.peculiar(),
            t.complex(),
            t.ordinary(),
            t.compactOnly(),
            t.unlabelled(),
            r.crossed()
                ? String.format(
                    Locale.ROOT, "recall and precision cross at %.4f", r.crossingThreshold())
                : "precision never reaches recall; row at the smallest difference"));
    return sb.toString();
  }

  /** The Table-4-like rows (header first) of the metrics at the crossing. */
  public static List<List<String>> tableRows(EvaluationResult r) {
    ThresholdMetrics c = r.crossing();
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "threshold",
            "recall %",
            "precision %",
            "precision P+C %",
            "cont. complex %",
            "cont. ordinary %",
            "cont. compact-only %",
            "unlabelled %",
            "selected (labelled)",
            "peculiar selected"));
    rows.add(
        List.of(
            String.format(Locale.ROOT, "%.3f", c.threshold()),
            pct(c.recall()),
            pct(c.precision()),
            pct(c.precisionPeculiarOrComplex()),
            pct(c.contamination(FrameGroup.COMPLEX)),
            pct(c.contamination(FrameGroup.ORDINARY)),
            pct(c.contamination(FrameGroup.COMPACT_ONLY)),
            pct(c.unlabelledShare()),
            c.above().all() + " (" + c.above().labelled() + ")",
            c.above().peculiar() + "/" + c.totals().peculiar()));
    return rows;
  }

  /** Score histograms per group over {@link #BINS} bins of [0, 1], log counts. */
  static HistogramPlot histogramPlot(GroupedScores data) {
    double[] s = data.scores();
    FrameGroup[] g = data.groups().primary();
    boolean[] c = data.groups().compactOnly();
    // drawn in this order (peculiar last, on top) with Charts.PALETTE colours: all blue,
    // unlabelled red, complex green, ordinary orange, compact-only purple, peculiar brown
    String[] names = {"all", "unlabelled", "complex", "ordinary", "compact-only", "peculiar"};
    double[][] counts = new double[names.length][BINS];
    for (int i = 0; i < s.length; i++) {
      int b = Math.min(BINS - 1, (int) (s[i] * BINS));
      counts[0][b]++;
      switch (g[i]) {
        case UNLABELLED -> counts[1][b]++;
        case COMPLEX -> counts[2][b]++;
        case ORDINARY -> counts[3][b]++;
        case PECULIAR -> counts[5][b]++;
        case COMPACT_ONLY -> throw new IllegalStateException("not a primary group");
      }
      if (c[i]) {
        counts[4][b]++;
      }
    }
    List<HistogramPlot.Group> groups = new ArrayList<>();
    for (int k = 0; k < names.length; k++) {
      groups.add(new HistogramPlot.Group(names[k], counts[k]));
    }
    return new HistogramPlot(
        "Anomaly score by frame group", "anomaly score", "frames", 0, 1, true, groups);
  }

  static List<LinePlot> curvePlots(EvaluationResult r) {
    int n = r.curve().size();
    double[] t = new double[n];
    double[][] v = new double[7][n];
    for (int k = 0; k < n; k++) {
      ThresholdMetrics m = r.curve().get(k);
      t[k] = m.threshold();
      v[0][k] = m.recall();
      v[1][k] = m.precision();
      v[2][k] = m.precisionPeculiarOrComplex();
      v[3][k] = m.contamination(FrameGroup.ORDINARY);
      v[4][k] = m.contamination(FrameGroup.COMPACT_ONLY);
      v[5][k] = m.contamination(FrameGroup.COMPLEX);
      v[6][k] = m.unlabelledShare();
    }
    LinePlot peculiar =
        new LinePlot(
            "Peculiar frames",
            "score threshold",
            "fraction",
            false,
            List.of(
                new LinePlot.Series("recall", t, v[0]),
                new LinePlot.Series("precision", t, v[1]),
                new LinePlot.Series("precision P+C", t, v[2])));
    LinePlot contamination =
        new LinePlot(
            "Contamination (share of the selected labelled frames); unlabelled share",
            "score threshold",
            "fraction",
            false,
            List.of(
                new LinePlot.Series("ordinary", t, v[3]),
                new LinePlot.Series("compact-only", t, v[4]),
                new LinePlot.Series("complex", t, v[5]),
                new LinePlot.Series("unlabelled (of all selected)", t, v[6])));
    return List.of(peculiar, contamination);
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", 100 * v);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new RadioclrException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }
}
