package org.radioclr.app;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.radioclr.classify.report.SplitSummary;
import org.radioclr.classify.split.BalancedSplits;
import org.radioclr.classify.split.Split;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Csv;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.report.HtmlReport;
import org.radioclr.nn.features.table.FeatureTable;

/**
 * The linear probe on feature tables (logistic regression), on one train/test pair or on K
 * class-balanced splits: the feature mode of {@code radioclr classify probe --features}.
 */
final class FeatureProbe {
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
   * @param l2 the L2 penalty
   * @param maxIterations the L-BFGS iteration budget
   */
  record Settings(
      Path train,
      Path test,
      Path out,
      Integer splits,
      int trainPerClass,
      int testPerClass,
      long seed,
      double l2,
      int maxIterations) {}

  /**
   * Runs the probe.
   *
   * @param o standard output
   * @param err standard error (progress over splits)
   */
  static void run(Settings settings, PrintWriter o, PrintWriter err) {
    Path train = settings.train();
    Path test = settings.test();
    Path out = settings.out();
    Integer splits = settings.splits();
    long seed = settings.seed();
    LogisticOptions options =
        BadOptionException.check(
            () ->
                new LogisticOptions(
                    settings.l2(), settings.maxIterations(), LogisticOptions.DEFAULT_TOLERANCE));
    if (splits == null && test == null) {
      throw new BadOptionException("give --test, or --splits K to draw test sets");
    }
    if (splits != null && splits < 1) {
      throw new BadOptionException("--splits must be >= 1, got " + splits);
    }
    if (settings.trainPerClass() < 1 || settings.testPerClass() < 1) {
      throw new BadOptionException(
          "--train-per-class and --test-per-class must be >= 1, got "
              + settings.trainPerClass()
              + " and "
              + settings.testPerClass());
    }
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
    describe(o, "train", tr);
    if (te != null) {
      describe(o, "test", te);
    }
    if (splits == null) {
      ClassificationMetrics m = fitAndScore(o, tr, te, out, options);
      Path png = m.multiLabel() ? null : out.resolve("confusion.png");
      HtmlReport report = new HtmlReport("radioclr linear probe");
      report.paragraph("Train: " + train + ". Test: " + test + ".");
      ClassificationSection.add(report, "Linear probe on the test set", m, png);
      report.write(out.resolve("report.html"));
      MetricsConsole.print(o, "", m);
    } else {
      LabelledFeatures pool = te == null ? tr : tr.concat(te);
      int[] labels = pool.singleLabels();
      // the sizes are checked above: what is left is a class too small to split
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
                      seed));
      o.println((drawn.reduced() ? "note: " : "") + drawn.note());
      List<ClassificationMetrics> all = new ArrayList<>();
      ProgressListener progress = ConsoleProgress.onStderr(err);
      progress.start("splits", splits);
      try {
        for (int j = 0; j < splits; j++) {
          Split s = drawn.splits().get(j);
          Path dir = out.resolve("split-" + (j + 1));
          AtomicFiles.ensureDirectory(dir);
          all.add(fitAndScore(null, pool.rows(s.train()), pool.rows(s.test()), dir, options));
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
      MetricsConsole.print(o, summary);
    }
    o.println("wrote " + out);
    o.flush();
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
    }
    Predictions p = model.predict(te.features(), te.snames(), te.truth());
    ClassificationMetrics m = ClassificationMetrics.of(p);
    model.write(dir.resolve("model.json"));
    MetricsJson.write(dir.resolve("metrics.json"), m);
    writePredictions(dir.resolve("predictions.csv"), p);
    if (!m.multiLabel()) {
      ConfusionMatrixPlot.of("linear probe (" + m.rows() + " test rows)", m)
          .write(dir.resolve("confusion.png"));
    }
    return m;
  }

  /** {@code sname,true,predicted,p_CLASS...}; multi-label sets joined with ';'. */
  static void writePredictions(Path file, Predictions p) {
    AtomicFiles.write(
        file,
        tmp -> {
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("sname,true,predicted");
            for (String c : p.classes()) {
              h.append(',').append(csv("p_" + c));
            }
            w.write(h.append('\n').toString());
            for (int i = 0; i < p.size(); i++) {
              List<String> t = new ArrayList<>();
              for (int c : p.truth()[i]) {
                t.add(p.classes().get(c));
              }
              List<String> y = new ArrayList<>();
              for (int c = 0; c < p.classes().size(); c++) {
                if (p.predicted(i, c)) {
                  y.add(p.classes().get(c));
                }
              }
              StringBuilder line =
                  new StringBuilder(csv(p.snames().get(i)))
                      .append(',')
                      .append(csv(String.join(";", t)))
                      .append(',')
                      .append(csv(String.join(";", y)));
              for (float s : p.scores()[i]) {
                line.append(',').append(String.format(Locale.ROOT, "%.6g", s));
              }
              w.write(line.append('\n').toString());
            }
          }
        });
  }

  private static String csv(String s) {
    return Csv.field(s);
  }
}
