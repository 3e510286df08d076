package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.ConfusionMatrixPlot;
import org.radioclr.classify.metrics.MetricsJson;
import org.radioclr.classify.net.ClassifierPredictor;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.io.SkippedImages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr classify predict}: per-image class probabilities from a saved classifier. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Run a classifier saved by 'classify probe' or 'classify finetune' on every image of a"
          + " datalist (labelled or not): each image is pre-processed as in training, without"
          + " augmentation, and the network runs in inference mode.",
      "Writes P.csv: sname, truth (the entry's labels, empty when unlabelled), predicted (arg-max"
          + " class, or every class at probability >= 0.5 when multi-label), then p_<class> per"
          + " class. Images that cannot be read or pre-processed are left out: one warning line"
          + " counts them and names P.skipped.csv, their list with reasons (--verbose: each"
          + " image too).",
      "When every entry is labelled with the classifier's classes, also writes the scores next"
          + " to it, P.metrics.json (per-class precision, recall, F1, averages, accuracy,"
          + " confusion matrix) and P.confusion.png (single-label only), and prints the accuracy,"
          + " macro F1 and per-class table."
    },
    footer = {
      "",
      "Example:",
      "  radioclr classify predict --classifier probe1 --datalist new.json --out new-probs.csv"
    })
final class ClassifyPredictCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--classifier",
      required = true,
      paramLabel = "R",
      description = "A probe/finetune run folder, or its classifier/ folder.")
  Path classifier;

  @Option(names = "--datalist", required = true, paramLabel = "D", description = "Images.")
  Path datalist;

  @Option(names = "--out", required = true, paramLabel = "P.csv", description = "Output CSV.")
  Path out;

  @Option(names = "--batch", paramLabel = "B", description = "Images per batch (default: 64).")
  int batch = 64;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Image-reading threads (default: half the processors).")
  Integer workers;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int w = workers != null ? workers : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    if (w < 1) {
      throw new BadOptionException("--workers must be >= 1, got " + w);
    }
    boolean verbose = Main.verbose(spec);
    SkippedImages skipped =
        new SkippedImages(
            e -> {
              if (verbose) {
                Main.warn(err, e.line());
              }
            });
    ClassifierPredictor.Output o;
    try {
      o =
          ClassifierPredictor.predict(
              classifier, datalist, out, batch, w, ConsoleProgress.onStderr(err), skipped);
    } finally {
      if (!skipped.isEmpty()) {
        Path list = sibling(out, ".skipped.csv");
        Main.warn(err, skipped.writeAndSummarise(DatalistReader.readAll(datalist).size(), list));
      }
    }
    stdout.println(
        o.snames().size()
            + " images"
            + (o.skipped() > 0 ? " (" + o.skipped() + " skipped)" : "")
            + " -> "
            + out);
    ClassificationMetrics m = o.metrics();
    if (m != null) {
      Path json = sibling(out, ".metrics.json");
      MetricsJson.write(json, m);
      if (!m.multiLabel()) {
        ConfusionMatrixPlot.of("predictions on " + datalist.getFileName(), m)
            .write(sibling(out, ".confusion.png"));
      }
      MetricsConsole.print(stdout, "", m);
      stdout.println("scores: " + json);
    }
    stdout.flush();
    return 0;
  }

  /** {@code P.csv} → {@code P<suffix>} in the same folder. */
  static Path sibling(Path csv, String suffix) {
    String name = csv.getFileName().toString();
    String stem =
        name.toLowerCase(Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - 4)
            : name;
    return csv.resolveSibling(stem + suffix);
  }
}
