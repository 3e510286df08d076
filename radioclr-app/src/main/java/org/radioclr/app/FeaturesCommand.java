package org.radioclr.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radioclr.core.shard.Shard;
import org.radioclr.formats.table.FeatureTableWriter;
import org.radioclr.nn.features.ExtractionSummary;
import org.radioclr.nn.features.FeatureExtractor;
import org.radioclr.nn.features.FeatureOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr features}: a trained encoder's features for every image of a datalist. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = {
      "Run a trained SimCLR checkpoint (or a run's latest checkpoint) on every image of a"
          + " datalist, with the checkpoint's own pre-processing and no augmentation, and write"
          + " one row per image: sname, id, label, the datalist's extra fields (e.g. rms), then"
          + " the 512 encoder features f0..f511 (or the projection head's output with"
          + " --projection).",
      "The format follows the extension: .parquet (through DuckDB) or .csv. Images that"
          + " cannot be read or pre-processed are skipped (or fail with --strict): one warning"
          + " line counts them and names F.skipped.csv, their list with reasons (--verbose: each"
          + " image too).",
      "With --shard I/N a process does its block of the datalist's entries (whole batches, so"
          + " the features are bit-identical to one process with the same --batch) and writes"
          + " F.part-000I-of-000N.parquet (or .csv); 'radioclr merge' joins the parts."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr features --model runs/simclr --datalist cutouts/datalist.json"
          + " --out features.parquet",
      "  radioclr features --model runs/simclr/checkpoints/epoch-0100 --datalist d.json"
          + " --out proj.csv --projection --batch 128"
    })
final class FeaturesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin FeatureArgs args;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Reader threads preparing batches ahead of the model (default: cores, <= 4).")
  int workers = FeatureOptions.defaults().workers();

  @Mixin ShardOption shard;

  @Override
  public Integer call() {
    FeatureOptions options = args.options(workers);
    Path out = args.out();
    FeatureTableWriter.formatOf(out); // a bad extension fails before the model is loaded
    Path target = Shard.target(out, shard.shard);
    ExtractionSummary summary;
    int dimension;
    try (FeatureExtractor extractor = FeatureExtractor.open(args.model(), options)) {
      dimension = extractor.dimension();
      summary =
          extractor.extract(
              args.datalist(),
              shard.shard,
              target,
              ConsoleProgress.onStderr(spec.commandLine().getErr()));
    }
    FeatureReport.print(spec, target, summary, dimension, args.projection());
    return 0;
  }
}
