package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radioclr.classify.net.ClassifierPredictor;
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
          + " class. Prints the accuracy when every entry is labelled with known classes."
          + " Unreadable images are skipped with a warning."
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
      throw new IllegalArgumentException("--workers must be >= 1, got " + w);
    }
    ClassifierPredictor.Output o =
        ClassifierPredictor.predict(
            classifier,
            datalist,
            out,
            batch,
            w,
            ConsoleProgress.onStderr(err),
            m -> {
              synchronized (err) {
                err.println("radioclr: warning: " + m);
                err.flush();
              }
            });
    stdout.println(
        o.snames().size()
            + " images"
            + (o.skipped() > 0 ? " (" + o.skipped() + " skipped)" : "")
            + " -> "
            + out);
    if (!Double.isNaN(o.accuracy())) {
      stdout.println(String.format(Locale.ROOT, "accuracy %.4f", o.accuracy()));
    }
    stdout.flush();
    return 0;
  }
}
