package org.radioclr.spark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.radioclr.app.BadOptionException;
import org.radioclr.app.FeatureArgs;
import org.radioclr.app.FeatureReport;
import org.radioclr.nn.features.FeatureOptions;
import org.radioclr.spark.features.SparkFeatureJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code radioclr spark features}: {@code radioclr features} as a Spark job. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = {
      "radioclr features as a Spark job: the same Parquet table (sname, id, label, the"
          + " datalist's extras, f0..f511), each task running the encoder on its share of the"
          + " frames. The model, the frames and the output folder must be at the same paths on"
          + " every executor (a shared file system).",
      "Images that cannot be read or pre-processed are skipped and listed in F.skipped.csv, as"
          + " radioclr features does (or fail with --strict)."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr spark features --model runs/simclr --datalist cutouts/datalist.json"
          + " --out features.parquet",
      "  radioclr spark features --master spark://head:7077 --conf spark.executor.memory=4g"
          + " --model runs/simclr --datalist d.json --out f.parquet"
    })
final class SparkFeaturesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin SparkOptions spark;

  @Mixin FeatureArgs args;

  @Override
  public Integer call() {
    FeatureOptions options = args.options(1); // reader threads: each task's cores
    Path out = args.out();
    SparkFeatureJob.requireParquet(out); // before the session starts
    SparkFeatureJob job;
    SparkSession session = spark.open("radioclr features");
    try {
      job = BadOptionException.check(() -> new SparkFeatureJob(session, options, spark.partitions));
      SparkFeatureJob.Outcome outcome = job.run(args.model(), args.datalist(), out);
      FeatureReport.print(spec, out, outcome.summary(), outcome.dimension(), args.projection());
    } finally {
      session.stop();
    }
    return 0;
  }
}
