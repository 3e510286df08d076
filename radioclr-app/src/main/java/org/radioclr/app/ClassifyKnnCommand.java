package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radioclr.classify.LabelledFeatures;
import org.radioclr.classify.knn.KnnVote;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.MetricsJson;
import org.radioclr.formats.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr classify knn}: leave-one-out cosine kNN accuracy of a feature table. */
@Command(
    name = "knn",
    mixinStandardHelpOptions = true,
    description = {
      "Leave-one-out k-nearest-neighbour check of learned features: every labelled row is"
          + " classified by the majority label of its k most cosine-similar other rows (the"
          + " same rule as the kNN validation during training). Prints the accuracy and the"
          + " per-class precision, recall and F1; rows without a label are left out.",
      "No model is fitted: this measures how well the feature space groups the classes."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr classify knn --features features.parquet",
      "  radioclr classify knn --features features.parquet --k 10 --labels-from morphology"
          + " --out knn.json"
    })
final class ClassifyKnnCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin FeaturesOption features;

  @Option(names = "--k", paramLabel = "K", description = "Neighbours (default: ${DEFAULT-VALUE}).")
  int k = 20;

  @Option(
      names = "--labels-from",
      paramLabel = "COLUMN",
      description = "Column holding the classes: 'label' (default) or another column of the table.")
  String labelsFrom = "label";

  @Option(names = "--out", paramLabel = "M.json", description = "Also write the scores as JSON.")
  Path out;

  @Override
  public Integer call() {
    if (k < 1) {
      throw new BadOptionException("--k must be >= 1, got " + k);
    }
    LabelledFeatures f =
        LabelledFeatures.fromColumn(features.file, FeatureTable.read(features.file), labelsFrom);
    int[] labels = f.singleLabels();
    long t0 = System.nanoTime();
    int[] votes = KnnVote.leaveOneOut(f.features(), labels, k);
    double seconds = (System.nanoTime() - t0) / 1e9;
    ClassificationMetrics m = ClassificationMetrics.ofLabels(f.classes().names(), labels, votes);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "leave-one-out cosine kNN, k = %d, on %d rows%s, %d classes (%.1f s): accuracy %.4f,"
            + " macro F1 %.4f%n",
        Math.min(k, f.size() - 1),
        f.size(),
        f.unlabelled() > 0 ? " (" + f.unlabelled() + " unlabelled left out)" : "",
        f.classes().size(),
        seconds,
        m.accuracy(),
        m.macro().f1());
    o.print(TextTables.format(m.table()));
    if (out != null) {
      MetricsJson.write(out, m);
      o.println("wrote " + out);
    }
    return 0;
  }
}
