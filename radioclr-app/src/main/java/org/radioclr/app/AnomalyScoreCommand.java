package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radioclr.anomaly.scores.ForestScoring;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.shard.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr anomaly score}: Isolation Forest anomaly scores of every row of a table. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Fit an Isolation Forest on the chosen feature columns of a feature table (or load one"
          + " saved earlier with --model) and write every frame's anomaly score, most anomalous"
          + " first.",
      "",
      "The score is 2^(-E[h]/c(psi)) in [0, 1] (1 = most anomalous; scikit-learn's"
          + " score_samples is its negative); 'outlier' is score > 0.5 for --contamination auto,"
          + " else score above the (1 - contamination) quantile of the training scores.",
      "",
      "Output (Parquet or CSV by the extension of --out): the feature table's sname, id, label"
          + " and extra columns (map, x0, y0, ra, dec, rms, ...), then score (double) and outlier"
          + " (boolean). A fitted model is saved as <out>.iforest (or --save-model).",
      "",
      "With --model and --shard I/N a process scores its block of the table's rows and writes"
          + " OUT.part-000I-of-000N.EXT; 'radioclr merge' joins the parts into the table one"
          + " process writes with that model."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr anomaly score --features features.parquet --columns top10"
          + " --importance select/ --max-samples 0.02 --contamination 0.001 --out scores.parquet",
      "  radioclr anomaly score --features new.parquet --model scores.parquet.iforest"
          + " --out new-scores.csv"
    })
final class AnomalyScoreCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin FeaturesOption features;

  @Mixin ForestFitOptions fitting;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "Score with a saved model (.iforest) instead of fitting; the table must have the"
              + " model's columns.")
  Path model;

  @Option(
      names = "--save-model",
      paramLabel = "FILE",
      description = "Where to save the fitted model (default: <out>.iforest).")
  Path saveModel;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Score table to write: .parquet or .csv.")
  Path out;

  @Mixin ThreadsOption threads;

  @Mixin ShardOption shard;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    ConsoleProgress progress = ConsoleProgress.onStderr(spec.commandLine().getErr());
    if (model == null && shard.shard != null) {
      throw new BadOptionException(
          "--shard scores a block of rows with a saved forest: fit it once (--save-model F),"
              + " then give it with --model F");
    }
    return model == null ? fit(o, progress) : scoreWithModel(o, progress);
  }

  private int fit(PrintWriter o, ProgressListener progress) {
    ForestScoring.FitRequest request =
        BadOptionException.check(
            () ->
                new ForestScoring.FitRequest(
                    features.file,
                    fitting.columns(),
                    fitting.importance,
                    fitting.config(),
                    out,
                    saveModel,
                    threads.threads));
    ForestScoring.Fitted fit = ForestScoring.fit(request, progress);
    o.printf(
        "%d rows x %d features (%s), %d trees of %d rows: %d flagged (score > %.4f,"
            + " contamination %s); read %.1f s, fit+score %.1f s%n",
        fit.rows(),
        fit.columns().size(),
        request.columns(),
        request.config().trees(),
        fit.model().samplesPerTree(),
        fit.flagged(),
        fit.model().threshold(),
        request.config().contamination(),
        fit.readSeconds(),
        fit.fitSeconds());
    o.printf("wrote %s and the model %s%n", out, fit.modelFile());
    return 0;
  }

  private int scoreWithModel(PrintWriter o, ProgressListener progress) {
    if (fitting.anyGiven() || saveModel != null) {
      throw new BadOptionException(
          "--model scores with a saved forest: --columns, --importance, --trees, --max-samples,"
              + " --contamination, --seed and --save-model apply only when fitting");
    }
    Path target = Shard.target(out, shard.shard);
    ForestScoring.Scored done =
        ForestScoring.score(features.file, shard.shard, model, target, threads.threads, progress);
    o.printf(
        "%d rows x %d features scored with %s: %d flagged (score > %.4f); %.1f s%n",
        done.rows(),
        done.forest().columns().size(),
        model,
        done.flagged(),
        done.forest().threshold(),
        done.seconds());
    o.printf("wrote %s%n", target);
    return 0;
  }
}
