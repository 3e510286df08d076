package org.radioclr.anomaly.similar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.radioclr.anomaly.frames.FrameLocator;
import org.radioclr.anomaly.frames.FrameTiles;
import org.radioclr.core.BadInputException;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.Csv;
import org.radioclr.formats.table.FeatureTable;
import org.radioclr.formats.table.ScoreTable;

/**
 * Similarity search by frame name (the {@code similar} job): the rows of a feature table most like
 * each query frame, by exact cosine similarity of their features ({@link CosineIndex}, the query
 * itself left out), written as CSV ({@code query,rank,sname,similarity,label}) and as contact
 * sheets (the query first, then its neighbours).
 */
public final class SimilarFrames {
  /** The header of the neighbours' CSV. */
  public static final String CSV_HEADER = "query,rank,sname,similarity,label";

  private final FeatureTable table;
  private final Path file;

  /**
   * A search over a table.
   *
   * @param table the feature table
   * @param file where it was read from, named in errors
   */
  public SimilarFrames(FeatureTable table, Path file) {
    this.table = Objects.requireNonNull(table, "table");
    this.file = Objects.requireNonNull(file, "file");
  }

  /**
   * One query's neighbours.
   *
   * @param sname the query frame
   * @param row its row in the table
   * @param neighbours the most similar rows, best first
   */
  public record Query(String sname, int row, List<Neighbour> neighbours) {
    public Query {
      neighbours = List.copyOf(neighbours);
    }
  }

  /**
   * Finds the {@code k} rows most similar to each named frame (the first row of a repeated name).
   *
   * @param threads worker threads of the search
   * @throws BadInputException naming the table when a query is not in it, or its features hold a
   *     value that is not a finite number or are all zero (no direction to compare)
   * @throws IllegalArgumentException when {@code k < 1} or {@code threads < 1}
   */
  public List<Query> search(List<String> queries, int k, int threads) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < table.size(); i++) {
      rowOf.putIfAbsent(table.snames().get(i), i);
    }
    int[] rows = new int[queries.size()];
    for (int q = 0; q < rows.length; q++) {
      Integer row = rowOf.get(queries.get(q));
      if (row == null) {
        throw new BadInputException(file, "no frame named '" + queries.get(q) + "'");
      }
      rows[q] = row;
      requireDirection(row);
    }
    List<List<Neighbour>> found;
    try (CosineIndex index = CosineIndex.of(table.features(), threads)) {
      found = index.searchRows(rows, k);
    }
    List<Query> out = new ArrayList<>(rows.length);
    for (int q = 0; q < rows.length; q++) {
      out.add(new Query(queries.get(q), rows[q], found.get(q)));
    }
    return out;
  }

  /** The label of a row as shown to people: its label cell, or {@code unlabelled}. */
  public String label(int row) {
    String l = table.labels().get(row);
    return l.isEmpty() ? "unlabelled" : l;
  }

  /** The neighbours as CSV ({@link #CSV_HEADER}; the label cell as written, empty if none). */
  public Csv csv(List<Query> found) {
    Csv csv = new Csv(CSV_HEADER.split(","));
    for (Query q : found) {
      int rank = 1;
      for (Neighbour n : q.neighbours()) {
        csv.row(
            q.sname(),
            rank++,
            table.snames().get(n.row()),
            n.similarity(),
            table.labels().get(n.row()));
      }
    }
    return csv;
  }

  /**
   * Draws one contact sheet per query: the query's frame, then its neighbours', in rows.
   *
   * @param datalist the datalist that made the features (where the frames are)
   * @param sheet the PNG; with several queries {@code NAME-<query>.png} each
   * @return the sheets written
   * @throws BadInputException naming the datalist or a frame that cannot be read
   */
  public List<Path> writeSheets(List<Query> found, Path datalist, Path sheet) {
    FrameLocator locator = FrameLocator.fromDatalist(datalist);
    ScoreTable names = namesOnly();
    FrameTiles tiles = new FrameTiles(FrameTiles.DEFAULT_SIZE);
    List<Path> written = new ArrayList<>();
    for (Query q : found) {
      List<float[]> t = new ArrayList<>();
      t.add(tiles.tile(pixels(locator, names, q.row())));
      for (Neighbour n : q.neighbours()) {
        t.add(tiles.tile(pixels(locator, names, n.row())));
      }
      Path png = found.size() == 1 ? sheet : suffixed(sheet, q.sname());
      tiles.writeSheet(png, t, (int) Math.ceil(Math.sqrt(t.size())));
      written.add(png);
    }
    return written;
  }

  /**
   * Checks that a query frame's features have a direction to compare with: no value that is not a
   * finite number, and not all zero.
   */
  private void requireDirection(int row) {
    String query = "query frame '" + table.snames().get(row) + "' (row " + row + ")";
    float[] f = table.features()[row];
    double length = 0;
    for (int j = 0; j < f.length; j++) {
      if (!Float.isFinite(f[j])) {
        throw new BadInputException(
            file,
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
          file, query + ": every feature is 0, so it is like no other frame (cosine similarity 0)");
    }
  }

  private static Plane pixels(FrameLocator locator, ScoreTable names, int row) {
    return locator.pixels(locator.locate(names, row));
  }

  /** The table's names as a score table, which is what {@link FrameLocator} looks rows up in. */
  private ScoreTable namesOnly() {
    int n = table.size();
    return new ScoreTable(
        file, table.snames(), table.ids(), table.labels(), Map.of(), new double[n], new boolean[n]);
  }

  /** {@code P.png} with {@code -<query>} before the extension (unsafe characters as '_'). */
  static Path suffixed(Path png, String query) {
    String name = png.getFileName().toString();
    int dot = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.length() - 4 : name.length();
    String safe = query.replaceAll("[^A-Za-z0-9._-]", "_");
    return png.resolveSibling(name.substring(0, dot) + "-" + safe + ".png");
  }
}
