package org.radioclr.spark.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.radioclr.app.BadOptionException;
import org.radioclr.app.CutoutsCommand;
import org.radioclr.app.HulkArgs;
import org.radioclr.core.cutout.CutoutSummary;
import org.radioclr.core.cutout.HulkConfig;
import org.radioclr.spark.cutouts.SparkHulkJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code radioclr spark cutouts}: {@code radioclr cutouts} as Spark jobs. */
@Command(
    name = "cutouts",
    mixinStandardHelpOptions = true,
    description = "radioclr cutouts as a Spark job.",
    subcommands = {SparkCutoutsCommand.Hulk.class})
final class SparkCutoutsCommand implements Runnable {
  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "missing command");
  }

  /** {@code radioclr spark cutouts hulk}. */
  @Command(
      name = "hulk",
      mixinStandardHelpOptions = true,
      description = {
        "radioclr cutouts hulk as a Spark job, one map per task (or --partitions tasks): the same"
            + " DIR/frames/*.fits and the same DIR/datalist.json (entries in map order). The maps"
            + " and DIR must be at the same paths on every executor (a shared file system).",
        "A map that cannot be read is reported and skipped, as radioclr cutouts hulk does (exit"
            + " code 1)."
      },
      footer = {
        "",
        "Examples:",
        "  radioclr spark cutouts hulk survey/*.fits --out hulk",
        "  radioclr spark cutouts hulk --master spark://head:7077 survey/*.fits --size 128"
            + " --out hulk128"
      })
  static final class Hulk implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin SparkOptions spark;

    @Mixin HulkArgs args;

    @Override
    public Integer call() {
      HulkConfig config = args.config(); // before the session starts
      SparkSession session = spark.open("radioclr cutouts hulk");
      try {
        SparkHulkJob job =
            BadOptionException.check(() -> new SparkHulkJob(session, config, spark.partitions));
        CutoutSummary summary = job.run(args.maps(), args.out());
        return CutoutsCommand.report(spec.commandLine().getOut(), summary, args.out(), null);
      } finally {
        session.stop();
      }
    }
  }
}
