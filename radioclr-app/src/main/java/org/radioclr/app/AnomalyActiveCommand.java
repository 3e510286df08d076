package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.core.io.Provenance;
import org.radioclr.serve.learn.ActiveLearningConfig;
import org.radioclr.serve.learn.ActiveLearningInput;
import org.radioclr.serve.learn.ActiveLearningReport;
import org.radioclr.serve.learn.ActiveLearningSimulation;
import org.radioclr.serve.learn.ActiveRound;
import org.radioclr.serve.learn.NeighbourScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radioclr anomaly active}: the review app's active learning (NeighbourScore) measured with
 * a simulated astronomer who knows the truth.
 */
@Command(
    name = "active",
    mixinStandardHelpOptions = true,
    description = {
      "Measure active learning on a scored set with known anomalies: each round a simulated"
          + " astronomer rates the top --per-round unrated frames of the current ranking (frames"
          + " labelled PECULIAR 5, every other frame 0), astronomaly's NeighbourScore is retrained"
          + " on all ratings with its defaults (as 'Retrain' in radioclr serve), and ranks the"
          + " frames for the next round. The first round rates the raw score's top.",
      "Prints, per round, the frames rated, the true anomalies among them (seen) and among as many"
          + " frames taken in raw score order (raw_seen), and the true anomalies among the top k"
          + " of the learned and of the raw ranking (rated frames included); writes rounds.csv,"
          + " rounds.png and provenance.json into --out."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr anomaly active --scores scores.parquet --features features.parquet"
          + " --labels sim/sets/anomaly/datalist.json --rounds 10 --per-round 10 --out active"
    })
final class AnomalyActiveCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scores",
      required = true,
      paramLabel = "S.parquet|S.csv",
      converter = ExistingFileConverter.class,
      description = "Score table (radioclr anomaly score).")
  Path scores;

  @Mixin FeaturesOption features;

  @Mixin LabelsOption labels;

  @Option(
      names = "--rounds",
      paramLabel = "R",
      description = "Rating rounds (default: ${DEFAULT-VALUE}).")
  int rounds = 10;

  @Option(
      names = "--per-round",
      paramLabel = "N",
      description = "Frames rated each round (default: ${DEFAULT-VALUE}).")
  int perRound = 10;

  @Option(
      names = "--k",
      split = ",",
      paramLabel = "K",
      description = "Depths at which the true anomalies in the top k are counted (default: 20,50).")
  List<Integer> ks = ActiveLearningConfig.DEFAULT_KS;

  @Mixin SeedOption seed;

  @Mixin OutFolderOption output;

  @Override
  public Integer call() {
    ActiveLearningConfig config =
        BadOptionException.check(() -> new ActiveLearningConfig(rounds, perRound, ks));
    Path out = output.requireEmpty();
    QuietLoggers.warnOnly("smile");
    ActiveLearningInput in = ActiveLearningInput.read(scores, features.file, labels.file);
    int n = in.scores().size();
    if (config.totalRated() >= n) {
      throw new BadOptionException(
          "--rounds x --per-round = "
              + config.totalRated()
              + " would rate every one of the "
              + n
              + " frames of "
              + scores
              + "; rate fewer");
    }
    ConsoleProgress progress = ConsoleProgress.onStderr(spec.commandLine().getErr());
    progress.start("rounds", config.rounds());
    List<ActiveRound> result =
        ActiveLearningSimulation.run(
            in.features(),
            in.scores().scores(),
            in.astronomer(),
            config,
            NeighbourScore.defaults(seed.orDefault()),
            r -> progress.advance(1));
    progress.finish();
    ActiveLearningReport.write(out, config, result, in.astronomer().anomalies());
    new Provenance("radioclr anomaly active")
        .put("scores", scores.toString())
        .put("features", features.file.toString())
        .put("labels", labels.file == null ? scores.toString() : labels.file.toString())
        .put("rounds", config.rounds())
        .put("per_round", config.perRound())
        .put("ks", config.ks().toString())
        .put("seed", seed.orDefault())
        .writeTo(out);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "%d frames, %d true anomalies (PECULIAR); %d rated per round, NeighbourScore defaults"
            + " (seed %d)%n",
        n, in.astronomer().anomalies(), config.perRound(), seed.orDefault());
    o.print(TextTables.format(ActiveLearningReport.rows(config, result)));
    o.printf("wrote %s%n", out);
    return 0;
  }
}
