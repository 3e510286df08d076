package org.radioclr.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.MeanAndError;
import org.radioclr.classify.net.ClassifierNet;
import org.radioclr.classify.net.ClassifierTrainer;

/**
 * How the classify commands print scores: one line with the accuracy (subset accuracy when
 * multi-label) and macro F1, then the per-class table ({@link TextTables}).
 */
final class MetricsConsole {
  private MetricsConsole() {}

  /** {@code PREFIX accuracy 0.8125, macro F1 0.8000} and the per-class table. */
  static void print(PrintWriter o, String prefix, ClassificationMetrics m) {
    o.printf(
        Locale.ROOT,
        "%s%s %.4f, macro F1 %.4f%n",
        prefix,
        m.multiLabel() ? "subset accuracy" : "accuracy",
        m.accuracy(),
        m.macro().f1());
    o.print(TextTables.format(m.table()));
    o.flush();
  }

  /** A trained classifier's test scores, then where its classifier folder and report are. */
  static void print(PrintWriter o, ClassifierTrainer.Result r) {
    print(o, "test set (" + r.test().size() + " images): ", r.metrics());
    o.println("classifier: " + r.run().resolve(ClassifierNet.RUN_FOLDER));
    o.println("report: " + r.run().resolve(ClassifierTrainer.REPORT_FILE));
  }

  /** The mean ± standard error over splits, and the per-class table. */
  static void print(PrintWriter o, MeanAndError s) {
    o.printf(
        Locale.ROOT,
        "over %d splits (mean ± standard error): accuracy %s, macro F1 %s%n",
        s.splits(),
        s.accuracy(),
        s.macroF1());
    o.print(TextTables.format(s.table()));
    o.flush();
  }
}
