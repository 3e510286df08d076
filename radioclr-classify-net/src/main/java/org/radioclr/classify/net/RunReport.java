package org.radioclr.classify.net;

import java.nio.file.Path;
import java.util.List;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.ConfusionMatrixPlot;
import org.radioclr.classify.metrics.MetricsJson;
import org.radioclr.classify.report.ClassificationSection;
import org.radioclr.core.report.HtmlReport;

/**
 * The scores of a finished {@link ClassifierTrainer} run, in the same files as the linear probe on
 * feature tables: {@code metrics.json} ({@link MetricsJson}), {@code confusion.png} (single-label
 * only, {@link ConfusionMatrixPlot}) and {@code report.html} (what was trained, the {@link
 * ClassificationSection} of the test set and the training curves {@code metrics.png}).
 */
final class RunReport {
  private RunReport() {}

  /**
   * Writes the three files into {@code run}, which already holds {@code metrics.png}.
   *
   * @param probe a linear probe (else fine-tuning), for the titles
   * @param intro the report's opening paragraphs
   * @param epochs the epochs trained, for the titles
   */
  static void write(
      Path run, boolean probe, List<String> intro, ClassificationMetrics m, int epochs) {
    MetricsJson.write(run.resolve(ClassifierTrainer.SCORES_FILE), m);
    Path png = null;
    if (!m.multiLabel()) {
      png = run.resolve(ClassifierTrainer.CONFUSION_FILE);
      ConfusionMatrixPlot.of(
              (probe ? "linear probe" : "fine-tuned") + " (" + m.rows() + " test images)", m)
          .write(png);
    }
    HtmlReport report = new HtmlReport(probe ? "radioclr linear probe" : "radioclr fine-tuning");
    intro.forEach(report::paragraph);
    ClassificationSection.add(report, "Test set after epoch " + epochs, m, png);
    Path curves = run.resolve(ClassifierTrainer.PLOT_FILE);
    report.heading("Training");
    report.figure(
        curves,
        "Training loss, and accuracy on the augmented training batches and on the test set,"
            + " against the epoch (metrics.csv has every figure).");
    report.write(run.resolve(ClassifierTrainer.REPORT_FILE));
  }
}
