package org.radioclr.spark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.radioclr.app.BadOptionException;
import org.radioclr.app.BannerArgs;
import org.radioclr.app.CutoutsCommand;
import org.radioclr.app.HulkArgs;
import org.radioclr.core.catalog.CatalogColumns;
import org.radioclr.core.cutout.BannerConfig;
import org.radioclr.core.cutout.CutoutSummary;
import org.radioclr.core.cutout.HulkConfig;
import org.radioclr.spark.cutouts.SparkBannerJob;
import org.radioclr.spark.cutouts.SparkHulkJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code radioclr spark cutouts}: {@code radioclr cutouts} as Spark jobs. */
@Command(
    name = "cutouts",
    mixinStandardHelpOptions = true,
    description = "radioclr cutouts (hulk, banner) as Spark jobs.",
    subcommands = {SparkCutoutsCommand.Hulk.class, SparkCutoutsCommand.Banner.class})
final class SparkCutoutsCommand implements Runnable {
  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "missing command");
  }

  /** Runs a cutout job in a new session and prints its summary as the plain command does. */
  static int cut(
      CommandSpec spec,
      SparkOptions spark,
      String appName,
      Path out,
      Function<SparkSession, CutoutSummary> job) {
    SparkSession session = spark.open(appName);
    try {
      return CutoutsCommand.report(spec.commandLine().getOut(), job.apply(session), out, null);
    } finally {
      session.stop();
    }
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
    @Spec CommandSpec spec;

    @Mixin SparkOptions spark;

    @Mixin HulkArgs args;

    @Override
    public Integer call() {
      HulkConfig config = args.config(); // before the session starts
      return cut(
          spec,
          spark,
          "radioclr cutouts hulk",
          args.out(),
          session ->
              BadOptionException.check(() -> new SparkHulkJob(session, config, spark.partitions))
                  .run(args.maps(), args.out()));
    }
  }

  /** {@code radioclr spark cutouts banner}. */
  @Command(
      name = "banner",
      mixinStandardHelpOptions = true,
      description = {
        "radioclr cutouts banner as a Spark job, the catalogue's rows in contiguous blocks (one"
            + " per core and at most 4096 rows each, or --partitions blocks): the same"
            + " DIR/frames/*.fits and the same DIR/datalist.json (entries in catalogue order)."
            + " Every task reads the whole map; the map, the catalogue and DIR must be at the same"
            + " paths on every executor (a shared file system).",
        "The options of radioclr cutouts banner (without --shard) plus the Spark options."
      },
      footer = {
        "",
        "Examples:",
        "  radioclr spark cutouts banner mosaic.fits --catalog sources.csv --out banner",
        "  radioclr spark cutouts banner --master 'local[8]' --partitions 64 mosaic.fits"
            + " --catalog cat.vot --size-cols Maj,Min --out banner"
      })
  static final class Banner implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SparkOptions spark;

    @Mixin BannerArgs args;

    @Override
    public Integer call() {
      BannerConfig config = args.config(); // before the session starts
      CatalogColumns columns = args.columns();
      return cut(
          spec,
          spark,
          "radioclr cutouts banner",
          args.out(),
          session ->
              BadOptionException.check(() -> new SparkBannerJob(session, config, spark.partitions))
                  .run(args.map(), args.catalog(), columns, args.out()));
    }
  }
}
