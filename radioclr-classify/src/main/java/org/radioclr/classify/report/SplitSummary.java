package org.radioclr.classify.report;

import java.nio.file.Path;
import java.util.List;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.ConfusionMatrixPlot;
import org.radioclr.classify.metrics.MeanAndError;
import org.radioclr.classify.metrics.MetricsJson;
import org.radioclr.core.report.HtmlReport;

/**
 * The scores of K class-balanced train/test draws (paper §3.1: every figure as mean ± standard
 * error over the draws), written into one output folder: {@code metrics.json} (the {@link
 * MeanAndError} summary, {@link MetricsJson#write(Path, MeanAndError)}), {@code confusion.png} (the
 * confusion counts summed over the draws) and {@code report.html} (the opening paragraphs, then the
 * summary table and the pooled confusion matrix). Shared by the linear probe on feature tables and
 * on images.
 */
public final class SplitSummary {
  /** The summary's scores. */
  public static final String METRICS_FILE = "metrics.json";

  /** The pooled confusion matrix. */
  public static final String CONFUSION_FILE = "confusion.png";

  /** The report. */
  public static final String REPORT_FILE = "report.html";

  private SplitSummary() {}

  /**
   * Writes the three files.
   *
   * @param dir the output folder (must exist)
   * @param what what was scored, for titles (e.g. "linear probe")
   * @param classes the class names, in the order of the metrics' confusion matrices
   * @param perSplit the single-label test scores of each draw, at least one
   * @param intro the report's opening paragraphs
   * @return the mean ± standard error over the draws
   * @throws IllegalArgumentException when {@code perSplit} is empty or multi-label
   */
  public static MeanAndError write(
      Path dir,
      String what,
      List<String> classes,
      List<ClassificationMetrics> perSplit,
      List<String> intro) {
    if (perSplit.isEmpty()) {
      throw new IllegalArgumentException("no splits to summarise");
    }
    int k = classes.size();
    long[][] pooled = new long[k][k];
    for (ClassificationMetrics m : perSplit) {
      if (m.multiLabel()) {
        throw new IllegalArgumentException("split summaries need single-label scores");
      }
      long[][] c = m.confusion();
      for (int t = 0; t < k; t++) {
        for (int y = 0; y < k; y++) {
          pooled[t][y] += c[t][y];
        }
      }
    }
    MeanAndError summary = MeanAndError.of(perSplit);
    MetricsJson.write(dir.resolve(METRICS_FILE), summary);
    Path png = dir.resolve(CONFUSION_FILE);
    int n = perSplit.size();
    new ConfusionMatrixPlot(
            what + ", " + n + " split" + (n == 1 ? "" : "s") + " pooled", classes, pooled)
        .write(png);
    HtmlReport report = new HtmlReport("radioclr " + what);
    intro.forEach(report::paragraph);
    ClassificationSection.add(
        report, capitalise(what) + " over " + n + " split" + (n == 1 ? "" : "s"), summary, png);
    report.write(dir.resolve(REPORT_FILE));
    return summary;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
