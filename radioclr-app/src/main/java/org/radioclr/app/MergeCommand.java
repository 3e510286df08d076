package org.radioclr.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.core.shard.PartSet;
import org.radioclr.formats.merge.PartMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radioclr merge}: the part files of a sharded run into the output of one process. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Join the part files of a run split with --shard I/N (NAME.part-000I-of-000N.EXT) into the"
          + " output one process writes: feature and score tables and detect run's maps.csv"
          + " (Parquet or CSV, through DuckDB; score tables sorted by score as 'anomaly score'"
          + " sorts them), or cutout datalists (.json).",
      "Every part 0..N-1 must be there, with the same columns; the output is written"
          + " atomically. Without PARTS, the parts of --out are looked for beside it."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr merge features.part-*.parquet --out features.parquet",
      "  radioclr merge --out hulk/datalist.json      # hulk/datalist.part-*-of-*.json",
      "  radioclr merge scores.part-*.csv --out scores.parquet"
    })
final class MergeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "PARTS",
      description = "Part files (default: the parts of --out beside it).")
  List<Path> parts;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "T",
      description = "The merged output: .parquet, .csv or (for datalists) .json.")
  Path out;

  @Override
  public Integer call() {
    PartSet set = parts == null || parts.isEmpty() ? PartSet.find(out) : PartSet.of(parts);
    PartMerge.Merged m = PartMerge.merge(set, out);
    spec.commandLine()
        .getOut()
        .printf("merged %d parts, %d rows, into %s%n", m.parts(), m.rows(), m.out());
    return 0;
  }
}
