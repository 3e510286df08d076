package org.radioclr.classify.probe;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radioclr.classify.LabelledFeatures;
import org.radioclr.classify.Predictions;
import org.radioclr.classify.linear.LogisticModel;
import org.radioclr.classify.linear.LogisticOptions;
import org.radioclr.classify.linear.LogisticRegression;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.ConfusionMatrixPlot;
import org.radioclr.classify.metrics.MeanAndError;
import org.radioclr.classify.metrics.MetricsJson;
import org.radioclr.classify.report.ClassificationSection;
import org.radioclr.classify.report.PredictionsCsv;
import org.radioclr.classify.report.SplitSummary;
import org.radioclr.classify.split.BalancedSplits;
import org.radioclr.classify.split.Split;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.report.HtmlReport;
import org.radioclr.formats.table.FeatureTable;

/**
 * The linear probe on feature tables (paper §3.2; multinomial or per-class sigmoid logistic
 * regression, {@link LogisticRegression}), on one train/test pair or on K class-balanced splits of
 * the pooled labelled rows (paper §3.1). Writes {@code model.json}, {@code metrics.json}, {@code
 * predictions.csv} ({@link PredictionsCsv}) and {@code confusion.png} (single-label) into the
 * output folder, or into {@code split-J/} per split with the mean ± standard error summary ({@link
 * SplitSummary}) in the folder itself.
 */
public final class FeatureProbe {
  /** The predictions file written next to each fitted model. */
  public static final String PREDICTIONS_FILE = "predictions.csv";

  private FeatureProbe() {}

  /**
   * What to probe.
   *
   * @param train the training feature table
   * @param test the test table, or null with {@code splits}
   * @param out the output folder
   * @param splits K class-balanced splits of the pooled rows, or null for train/test as given
   * @param trainPerClass training rows per class in each split
   * @param testPerClass test rows per class in each split
   * @param seed the seed of the splits
   * @param logistic the logistic regression's penalty and iteration budget
   */
  public record Settings(
      Path train,
      Path test,
      Path out,
      Integer splits,
      int trainPerClass,
      int testPerClass,
      long seed,
      LogisticOptions logistic) {
    /**
     * @throws IllegalArgumentException naming the bad setting
     */
    public Settings {
      if (train == null || out == null || logistic == null) {
        throw new IllegalArgumentException("train, out and logistic options are needed");
      }
      if (splits == null && test == null) {
        throw new IllegalArgumentException("give a test table, or splits K to draw test sets");
      }
      if (splits != null && splits < 1) {
        throw new IllegalArgumentException("splits must be >= 1, got " + splits);
      }
      if (trainPerClass < 1 || testPerClass < 1) {
        throw new IllegalArgumentException(
            "train and test rows per class must be >= 1, got "
                + trainPerClass
                + " and "
                + testPerClass);
      }
    }
  }

  /**
   * The scores of a probe: one test set's, or the mean ± standard error over the splits.
   *
   * @param metrics the test set's scores, null with splits
   * @param summary the mean ± standard error over the splits, null without
   */
  public record Result(ClassificationMetrics metrics, MeanAndError summary) {}

  /**
   * Runs the probe.
   *
   * @param log where the table sizes, fit times and the split note are printed
   * @param progress advanced once per split
   * @throws BadInputException when a table cannot be read, has no usable labels, or the tables do
   *     not match
   */
  public static Result run(Settings settings, PrintWriter log, ProgressListener progress) {
    Path train = settings.train();
    Path test = settings.test();
    Path out = settings.out();
    Integer splits = settings.splits();
    LabelledFeatures tr = LabelledFeatures.of(train, FeatureTable.read(train));
    LabelledFeatures te = test == null ? null : LabelledFeatures.of(test, FeatureTable.read(test));
    if (te != null) {
      tr.classes().requireSame(te.classes(), test);
      if (te.featureNames().size() != tr.featureNames().size()) {
        throw new BadInputException(
            test,
            "has "
                + te.featureNames().size()
                + " feature columns, the training table "
                + tr.featureNames().size());
      }
    }
    AtomicFiles.ensureDirectory(out);
    describe(log, "train", tr);
    if (te != null) {
      describe(log, "test", te);
    }
    if (splits == null) {
      ClassificationMetrics m = fitAndScore(log, tr, te, out, settings.logistic());
      Path png = m.multiLabel() ? null : out.resolve("confusion.png");
      HtmlReport report = new HtmlReport("radioclr linear probe");
      report.paragraph("Train: " + train + ". Test: " + test + ".");
      ClassificationSection.add(report, "Linear probe on the test set", m, png);
      report.write(out.resolve("report.html"));
      return new Result(m, null);
    }
    LabelledFeatures pool = te == null ? tr : tr.concat(te);
    int[] labels = pool.singleLabels();
    // the sizes are checked by Settings: what is left is a class too small to split
    BalancedSplits drawn =
        BadInputException.check(
            train,
            () ->
                BalancedSplits.draw(
                    pool.classes().names(),
                    labels,
                    settings.trainPerClass(),
                    settings.testPerClass(),
                    splits,
                    settings.seed()));
    log.println((drawn.reduced() ? "note: " : "") + drawn.note());
    log.flush();
    List<ClassificationMetrics> all = new ArrayList<>();
    progress.start("splits", splits);
    try {
      for (int j = 0; j < splits; j++) {
        Split s = drawn.splits().get(j);
        Path dir = out.resolve("split-" + (j + 1));
        AtomicFiles.ensureDirectory(dir);
        all.add(
            fitAndScore(null, pool.rows(s.train()), pool.rows(s.test()), dir, settings.logistic()));
        progress.advance(1);
      }
    } finally {
      progress.finish();
    }
    MeanAndError summary =
        SplitSummary.write(
            out,
            "linear probe",
            pool.classes().names(),
            all,
            List.of(
                "Rows pooled from "
                    + train
                    + (test == null ? "" : " and " + test)
                    + "; "
                    + drawn.note()
                    + "."));
    return new Result(null, summary);
  }

  private static void describe(PrintWriter o, String what, LabelledFeatures f) {
    o.printf(
        Locale.ROOT,
        "%s: %d labelled rows%s, %d classes%s, %d features%n",
        what,
        f.size(),
        f.unlabelled() > 0 ? " (" + f.unlabelled() + " unlabelled left out)" : "",
        f.classes().size(),
        f.multiLabel() ? " (multi-label)" : "",
        f.featureNames().size());
    o.flush();
  }

  /** Fits on {@code tr}, scores on {@code te}, writes metrics, model, predictions, confusion. */
  private static ClassificationMetrics fitAndScore(
      PrintWriter o, LabelledFeatures tr, LabelledFeatures te, Path dir, LogisticOptions options) {
    long t0 = System.nanoTime();
    LogisticModel model =
        LogisticRegression.fit(
            tr.features(),
            tr.truth(),
            tr.multiLabel() || te.multiLabel(),
            tr.classes().names(),
            tr.featureNames(),
            options);
    if (o != null) {
      o.printf(
          Locale.ROOT,
          "fit: %d iterations in %.1f s%s%n",
          model.fit().iterations(),
          (System.nanoTime() - t0) / 1e9,
          model.fit().converged() ? "" : " (iteration budget reached before convergence)");
      o.flush();
    }
    Predictions p = model.predict(te.features(), te.snames(), te.truth());
    ClassificationMetrics m = ClassificationMetrics.of(p);
    model.write(dir.resolve("model.json"));
    MetricsJson.write(dir.resolve("metrics.json"), m);
    PredictionsCsv.write(dir.resolve(PREDICTIONS_FILE), p);
    if (!m.multiLabel()) {
      ConfusionMatrixPlot.of("linear probe (" + m.rows() + " test rows)", m)
          .write(dir.resolve("confusion.png"));
    }
    return m;
  }
}
