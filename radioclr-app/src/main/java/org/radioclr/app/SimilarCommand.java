package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.anomaly.similar.Neighbour;
import org.radioclr.anomaly.similar.SimilarFrames;
import org.radioclr.formats.table.FeatureTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr similar}: the frames whose features are most like a query frame's. */
@Command(
    name = "similar",
    mixinStandardHelpOptions = true,
    description = {
      "Find the frames of a feature table most similar to one or more query frames: exact"
          + " cosine similarity of their feature vectors (brute force over every row,"
          + " multi-threaded), the query itself left out. Prints rank, sname, similarity and"
          + " label for each query; --out writes them as CSV (query,rank,sname,similarity,label),"
          + " and --datalist with --sheet draws a contact sheet per query: the query first, then"
          + " its neighbours."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr similar --features features.parquet --query field0_x512_y256",
      "  radioclr similar --features f.parquet --query a,b --k 10 --out nn.csv"
          + " --datalist hulk/datalist.json --sheet nn.png"
    })
final class SimilarCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin FeaturesOption features;

  @Option(
      names = "--query",
      required = true,
      split = ",",
      paramLabel = "SNAME",
      description = "Query frame name(s); several run as one batch.")
  List<String> queries;

  @Option(names = "--k", paramLabel = "K", description = "Neighbours per query (default: 20).")
  int k = 20;

  @Mixin ThreadsOption threads;

  @Option(
      names = "--datalist",
      paramLabel = "D.json",
      description = "The datalist that made the features (for --sheet).")
  Path datalist;

  @Option(
      names = "--sheet",
      paramLabel = "P.png",
      description =
          "Contact sheet of query + neighbours (needs --datalist); with several queries,"
              + " P-<query>.png each.")
  Path sheet;

  @Option(names = "--out", paramLabel = "N.csv", description = "Also write the neighbours as CSV.")
  Path out;

  @Override
  public Integer call() {
    if (k < 1) {
      throw new BadOptionException("--k must be >= 1, got " + k);
    }
    if (sheet != null && datalist == null) {
      throw new BadOptionException("--sheet needs --datalist (where the frames are)");
    }
    FeatureTable table = FeatureTable.read(features.file);
    SimilarFrames search = new SimilarFrames(table, features.file);
    List<SimilarFrames.Query> found = search.search(queries, k, threads.threads);
    PrintWriter o = spec.commandLine().getOut();
    for (SimilarFrames.Query q : found) {
      o.printf("query %s (%s):%n", q.sname(), search.label(q.row()));
      o.printf("%5s  %-32s %10s  %s%n", "rank", "sname", "similarity", "label");
      int rank = 1;
      for (Neighbour n : q.neighbours()) {
        o.printf(
            "%5d  %-32s %10.4f  %s%n",
            rank++, table.snames().get(n.row()), n.similarity(), search.label(n.row()));
      }
    }
    if (out != null) {
      search.csv(found).write(out);
      o.printf("wrote %s%n", out);
    }
    if (sheet != null) {
      for (Path png : search.writeSheets(found, datalist, sheet)) {
        o.printf("wrote %s%n", png);
      }
    }
    return 0;
  }
}
