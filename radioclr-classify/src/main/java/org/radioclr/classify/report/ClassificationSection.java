package org.radioclr.classify.report;

import java.nio.file.Path;
import java.util.Locale;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.MeanAndError;
import org.radioclr.core.report.HtmlReport;

/**
 * The section of an HTML report that shows a classification result: a heading, a one-line summary
 * (accuracy and macro F1), the per-class table (precision, recall, F1, support, averages) and the
 * confusion-matrix figure when one is given.
 */
public final class ClassificationSection {
  private ClassificationSection() {}

  /**
   * Adds one result.
   *
   * @param confusionPng the confusion-matrix PNG (e.g. from {@code ConfusionMatrixPlot}), or null
   */
  public static HtmlReport add(
      HtmlReport report, String title, ClassificationMetrics metrics, Path confusionPng) {
    report.heading(title);
    report.paragraph(
        String.format(
            Locale.ROOT,
            "%d rows, %d classes%s: %s %.4f, macro F1 %.4f, weighted F1 %.4f.",
            metrics.rows(),
            metrics.size(),
            metrics.multiLabel() ? " (multi-label)" : "",
            metrics.multiLabel() ? "subset accuracy" : "accuracy",
            metrics.accuracy(),
            metrics.macro().f1(),
            metrics.weighted().f1()));
    report.table(metrics.table());
    if (confusionPng != null) {
      report.figure(
          confusionPng, "Confusion matrix: counts and fraction of each true class (rows).");
    }
    return report;
  }

  /**
   * Adds a summary over K splits (mean ± standard error).
   *
   * @param confusionPng a confusion-matrix PNG (e.g. counts pooled over the splits), or null
   */
  public static HtmlReport add(
      HtmlReport report, String title, MeanAndError summary, Path confusionPng) {
    report.heading(title);
    report.paragraph(
        String.format(
            Locale.ROOT,
            "Mean ± standard error over %d splits: accuracy %s, macro F1 %s.",
            summary.splits(),
            summary.accuracy(),
            summary.macroF1()));
    report.table(summary.table());
    if (confusionPng != null) {
      report.figure(
          confusionPng,
          "Confusion matrix pooled over the splits: counts and fraction of each true class.");
    }
    return report;
  }
}
