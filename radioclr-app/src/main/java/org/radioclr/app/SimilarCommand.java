package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radioclr.anomaly.frames.FrameLocator;
import org.radioclr.anomaly.frames.FrameTiles;
import org.radioclr.anomaly.similar.CosineIndex;
import org.radioclr.anomaly.similar.Neighbour;
import org.radioclr.core.BadInputException;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Csv;
import org.radioclr.formats.table.FeatureTable;
import org.radioclr.formats.table.ScoreTable;
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
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < table.size(); i++) {
      rowOf.putIfAbsent(table.snames().get(i), i);
    }
    int[] rows = new int[queries.size()];
    for (int q = 0; q < rows.length; q++) {
      Integer row = rowOf.get(queries.get(q));
      if (row == null) {
        throw new BadInputException(features.file, "no frame named '" + queries.get(q) + "'");
      }
      rows[q] = row;
      requireDirection(table, row);
    }
    List<List<Neighbour>> found;
    try (CosineIndex index = CosineIndex.of(table.features(), threads.threads)) {
      found = index.searchRows(rows, k);
    }
    PrintWriter o = spec.commandLine().getOut();
    StringBuilder csv = new StringBuilder("query,rank,sname,similarity,label\n");
    for (int q = 0; q < rows.length; q++) {
      String query = queries.get(q);
      o.printf("query %s (%s):%n", query, label(table, rows[q]));
      o.printf("%5s  %-32s %10s  %s%n", "rank", "sname", "similarity", "label");
      int rank = 1;
      for (Neighbour n : found.get(q)) {
        String s = table.snames().get(n.row());
        o.printf("%5d  %-32s %10.4f  %s%n", rank, s, n.similarity(), label(table, n.row()));
        csv.append(cell(query))
            .append(',')
            .append(rank)
            .append(',')
            .append(cell(s))
            .append(',')
            .append(n.similarity())
            .append(',')
            .append(cell(table.labels().get(n.row())))
            .append('\n');
        rank++;
      }
    }
    if (out != null) {
      AtomicFiles.writeString(out, csv);
      o.printf("wrote %s%n", out);
    }
    if (sheet != null) {
      writeSheets(table, rows, found, o);
    }
    return 0;
  }

  /**
   * Checks that a query frame's features have a direction to compare with: no value that is not a
   * finite number, and not all zero.
   *
   * @throws BadInputException naming the table and the frame otherwise
   */
  private void requireDirection(FeatureTable table, int row) {
    String query = "query frame '" + table.snames().get(row) + "' (row " + row + ")";
    float[] f = table.features()[row];
    double length = 0;
    for (int j = 0; j < f.length; j++) {
      if (!Float.isFinite(f[j])) {
        throw new BadInputException(
            features.file,
            query
                + ": f"
                + j
                + (Float.isNaN(f[j]) ? " is empty or NaN" : " is not finite (" + f[j] + ")")
                + "; cosine similarity needs numbers");
      }
      length += (double) f[j] * f[j];
    }
    if (length == 0) {
      throw new BadInputException(
          features.file,
          query + ": every feature is 0, so it is like no other frame (cosine similarity 0)");
    }
  }

  private void writeSheets(
      FeatureTable table, int[] rows, List<List<Neighbour>> found, PrintWriter o) {
    FrameLocator locator = FrameLocator.fromDatalist(datalist);
    ScoreTable names = namesOnly(table);
    FrameTiles tiles = new FrameTiles(FrameTiles.DEFAULT_SIZE);
    for (int q = 0; q < rows.length; q++) {
      List<float[]> t = new ArrayList<>();
      t.add(tiles.tile(pixels(locator, names, rows[q])));
      for (Neighbour n : found.get(q)) {
        t.add(tiles.tile(pixels(locator, names, n.row())));
      }
      Path png = rows.length == 1 ? sheet : suffixed(sheet, queries.get(q));
      tiles.writeSheet(png, t, (int) Math.ceil(Math.sqrt(t.size())));
      o.printf("wrote %s%n", png);
    }
  }

  private static Plane pixels(FrameLocator locator, ScoreTable names, int row) {
    return locator.pixels(locator.locate(names, row));
  }

  /** The table's names as a score table, which is what {@link FrameLocator} looks rows up in. */
  private ScoreTable namesOnly(FeatureTable table) {
    int n = table.size();
    return new ScoreTable(
        features.file,
        table.snames(),
        table.ids(),
        table.labels(),
        Map.of(),
        new double[n],
        new boolean[n]);
  }

  private static Path suffixed(Path png, String query) {
    String name = png.getFileName().toString();
    int dot =
        name.toLowerCase(java.util.Locale.ROOT).endsWith(".png")
            ? name.length() - 4
            : name.length();
    String safe = query.replaceAll("[^A-Za-z0-9._-]", "_");
    return png.resolveSibling(name.substring(0, dot) + "-" + safe + ".png");
  }

  private static String label(FeatureTable table, int row) {
    String l = table.labels().get(row);
    return l.isEmpty() ? "unlabelled" : l;
  }

  private static String cell(String s) {
    return Csv.field(s);
  }
}
