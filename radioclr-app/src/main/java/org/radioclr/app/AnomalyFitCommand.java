package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radioclr.anomaly.scores.ForestScoring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radioclr anomaly fit}: an Isolation Forest fitted on a feature table, or on a seeded
 * sample of its rows, and saved; nothing scored.
 */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Fit an Isolation Forest on the chosen feature columns of a feature table and save it"
          + " (.iforest) for 'radioclr anomaly score --model' (whole table or --shard I/N) and"
          + " 'radioclr spark score'. Scores nothing.",
      "",
      "With --sample N the forest is fitted on a uniform sample of N rows drawn with --seed"
          + " (reservoir sampling while the table is read one block at a time): memory holds the"
          + " sample, not the table, so a survey-size table can be fitted on one machine. The"
          + " same table, options and seed give the same model. --max-samples (rows per tree)"
          + " and --contamination then refer to the sample."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr anomaly fit --features features.parquet --columns top10 --importance select/"
          + " --sample 200000 --max-samples 0.02 --out forest.iforest",
      "  radioclr anomaly score --features features.parquet --model forest.iforest"
          + " --shard 3/64 --out scores.parquet"
    })
final class AnomalyFitCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin FeaturesOption features;

  @Mixin ForestFitOptions fitting;

  @Option(
      names = "--sample",
      paramLabel = "N",
      description =
          "Fit on a seeded uniform sample of N rows (at least 2); default: every row of the"
              + " table.")
  Integer sample;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "M.iforest",
      description = "The model file to write.")
  Path out;

  @Mixin ThreadsOption threads;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    ForestScoring.ModelRequest request =
        BadOptionException.check(
            () ->
                new ForestScoring.ModelRequest(
                    features.file,
                    fitting.columns(),
                    fitting.importance,
                    fitting.config(),
                    sample == null ? 0 : sample,
                    out,
                    threads.threads));
    ForestScoring.ModelFit fit =
        ForestScoring.fitModel(request, ConsoleProgress.onStderr(spec.commandLine().getErr()));
    o.printf(
        "%d of %d rows (%s) x %d features (%s), %d trees of %d rows: threshold %.4f"
            + " (contamination %s); read %.1f s, fit %.1f s%n",
        fit.rows(),
        fit.tableRows(),
        sample == null ? "every row" : "seeded sample, seed " + request.config().seed(),
        fit.columns().size(),
        request.columns(),
        request.config().trees(),
        fit.model().samplesPerTree(),
        fit.model().threshold(),
        request.config().contamination(),
        fit.readSeconds(),
        fit.fitSeconds());
    o.printf("wrote %s%n", fit.modelFile());
    return 0;
  }
}
