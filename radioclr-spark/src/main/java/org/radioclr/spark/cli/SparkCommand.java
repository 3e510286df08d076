package org.radioclr.spark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code radioclr spark}: the per-frame stages as Apache Spark jobs. */
@Command(
    name = "spark",
    mixinStandardHelpOptions = true,
    description = {
      "Run a per-frame stage as an Apache Spark job: embedded on this machine's cores"
          + " (--master local[N], the default) or on a cluster by its URL. The outputs are the"
          + " tables the plain commands write, read by the other commands unchanged.",
      "The JVM needs Spark's module options (--add-opens ...): ./radioclr passes them; for"
          + " spark-submit see docs/scale.md."
    },
    subcommands = {SparkCutoutsCommand.class, SparkFeaturesCommand.class, SparkScoreCommand.class})
final class SparkCommand implements Runnable {
  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "missing command");
  }
}
