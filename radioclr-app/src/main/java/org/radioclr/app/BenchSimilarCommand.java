package org.radioclr.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.anomaly.similar.CosineIndex;
import org.radioclr.anomaly.similar.SimilarityBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr bench similar}: exact cosine search throughput. */
@Command(
    name = "similar",
    mixinStandardHelpOptions = true,
    description = {
      "Exact cosine nearest-neighbour search (radioclr similar) over --rows random Gaussian"
          + " feature vectors of --dim floats: queries/s and row-query similarities/s for one"
          + " query per call and for batches of --batch queries (a blocked matrix product), from"
          + " 1 thread up to --threads. --rows x --dim floats must fit in the Java heap (1e6 x 512"
          + " needs 2 GB; set RADIOCLR_JAVA_OPTS=-Xmx.. if needed)."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr bench similar",
      "  radioclr bench similar --rows 100000"
    })
final class BenchSimilarCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--rows", paramLabel = "N", description = "Indexed rows (default: 1000000).")
  int rows = 1_000_000;

  @Option(names = "--dim", paramLabel = "D", description = "Feature dimension (default: 512).")
  int dim = 512;

  @Option(names = "--k", paramLabel = "K", description = "Neighbours per query (default: 20).")
  int k = 20;

  @Option(
      names = "--batch",
      paramLabel = "B",
      description = "Queries per batched call (default: 32).")
  int batch = 32;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Most worker threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--seconds",
      paramLabel = "S",
      description = "Least measured time per row of the table (default: 3).")
  double seconds = 3;

  @Override
  public Integer call() {
    if (rows < 1 || dim < 1 || k < 1 || batch < 1 || threads < 1 || !(seconds > 0)) {
      throw new BadOptionException(
          "--rows, --dim, --k, --batch, --threads and --seconds must be positive");
    }
    PrintWriter out = spec.commandLine().getOut();
    float[] x;
    try {
      x = SimilarityBenchmark.randomFeatures(rows, dim, 1);
    } catch (ArithmeticException e) {
      // Running out of heap is left to Main, which says how much there was and how to add more.
      throw new BadOptionException(
          rows + " x " + dim + " floats are more than one Java array holds; use a smaller --rows",
          e);
    }
    out.printf(
        "similar: exact cosine top-%d over %d x %d random float features (%.1f GB), %d cores%n",
        k, rows, dim, 4.0 * rows * dim / 1e9, Runtime.getRuntime().availableProcessors());
    out.printf("%8s %7s %10s %12s %14s%n", "threads", "batch", "queries", "queries/s", "Msim/s");
    List<Integer> counts = new ArrayList<>(BenchCommand.Preprocess.threadCounts(threads));
    boolean normalised = false;
    for (int t : counts) {
      CosineIndex index =
          normalised
              ? CosineIndex.wrapNormalised(x, rows, dim, t)
              : CosineIndex.wrap(x, rows, dim, t);
      normalised = true;
      try (index) {
        for (int b : batch == 1 ? List.of(1) : List.of(1, batch)) {
          SimilarityBenchmark.Rate r = SimilarityBenchmark.measure(index, t, b, k, seconds, 2);
          out.printf(
              "%8d %7d %10d %12.1f %14.1f%n",
              t, b, r.queries(), r.queriesPerSecond(), r.similaritiesPerSecond(rows) / 1e6);
          out.flush();
        }
      }
    }
    return 0;
  }
}
