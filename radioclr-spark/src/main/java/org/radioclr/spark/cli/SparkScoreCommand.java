package org.radioclr.spark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.radioclr.app.BadOptionException;
import org.radioclr.app.FeaturesOption;
import org.radioclr.spark.score.SparkScoreJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr spark score}: {@code radioclr anomaly score --model} as a Spark job. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "radioclr anomaly score --model as a Spark job: every row of a feature table scored with"
          + " an Isolation Forest saved by 'radioclr anomaly score' (--save-model F, or"
          + " <out>.iforest), each task scoring a block of the rows; the score table is the one"
          + " that command writes (sorted by score, the table's columns, score, outlier). The"
          + " table, the model and the output folder must be at the same paths on every executor"
          + " (a shared file system)."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr spark score --features features.parquet --model scores.parquet.iforest"
          + " --out new-scores.csv",
      "  radioclr spark score --master spark://head:7077 --features f.parquet --model m.iforest"
          + " --out s.parquet"
    })
final class SparkScoreCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin SparkOptions spark;

  @Mixin FeaturesOption features;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "The saved forest (.iforest); the table must have the model's columns.")
  Path model;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Score table to write: .parquet or .csv.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    SparkSession session = spark.open("radioclr score");
    try {
      SparkScoreJob job =
          BadOptionException.check(() -> new SparkScoreJob(session, spark.partitions));
      SparkScoreJob.Outcome done = job.run(features.file(), model, out);
      o.printf(
          "%d rows x %d features scored with %s in %d tasks: %d flagged (score > %.4f); %.1f s%n",
          done.rows(),
          done.forest().columns().size(),
          model,
          done.partitions(),
          done.flagged(),
          done.forest().threshold(),
          done.seconds());
      o.printf("wrote %s%n", out);
    } finally {
      session.stop();
    }
    return 0;
  }
}
