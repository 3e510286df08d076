package org.radioclr.formats.merge;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBConnection;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.datalist.DatalistWriter;
import org.radioclr.core.shard.PartSet;
import org.radioclr.formats.table.DuckDb;
import org.radioclr.formats.table.FeatureTableWriter;
import org.radioclr.formats.table.ScratchTable;

/**
 * Joins the parts of a sharded run into the output one process writes, atomically.
 *
 * <ul>
 *   <li>Tables ({@code .parquet}, {@code .csv}: feature tables, detection indexes): the parts' rows
 *       one after the other in shard order, which is the one-process order because each shard holds
 *       a contiguous block of the work ({@link org.radioclr.core.shard.Shard}). Score tables (with
 *       {@code sname}, {@code score} and {@code outlier}) are sorted as their writer sorts them, by
 *       score descending, ties by sname. Every part must have the first part's columns (names and
 *       types, in order). Through DuckDB, in a scratch database beside the output so memory stays
 *       flat. The output has the parts' format (another would change the column types).
 *   <li>Datalists ({@code .json}): the entries of the parts in shard order, paths rewritten
 *       relative to the output's folder.
 * </ul>
 */
public final class PartMerge {
  private PartMerge() {}

  /** What a merge wrote. */
  public record Merged(Path out, int parts, long rows) {}

  /**
   * Merges a complete set of parts into {@code out}.
   *
   * @throws BadInputException naming the part whose columns differ from the first part's, an
   *     unreadable part, or {@code out} when its format does not suit the parts or it is one of
   *     them
   */
  public static Merged merge(PartSet parts, Path out) {
    for (Path p : parts.parts()) {
      if (p.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
        throw new BadInputException(out, "the output is one of the parts; choose another --out");
      }
    }
    String name = parts.whole().getFileName().toString().toLowerCase(Locale.ROOT);
    boolean json = name.endsWith(".json");
    boolean outJson = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    if (json != outJson) {
      throw new BadInputException(
          out,
          json
              ? "the parts are datalists (.json): the output must be a .json datalist"
              : "the parts are tables: the output must be .parquet or .csv, not a datalist");
    }
    return json ? mergeDatalists(parts, out) : mergeTables(parts, out);
  }

  private static Merged mergeDatalists(PartSet parts, Path out) {
    long rows = 0;
    try (DatalistWriter w = DatalistWriter.open(out)) {
      for (Path p : parts.parts()) {
        try (DatalistReader r = DatalistReader.open(p)) {
          while (r.hasNext()) {
            w.write(r.next());
            rows++;
          }
        }
      }
      w.commit();
    }
    return new Merged(out, parts.count(), rows);
  }

  /** A column's name and DuckDB type. */
  private record Column(String name, String type) {
    @Override
    public String toString() {
      return name + " " + type;
    }
  }

  private static Merged mergeTables(PartSet parts, Path out) {
    FeatureTableWriter.Format outFormat = FeatureTableWriter.formatOf(out);
    if (outFormat != FeatureTableWriter.formatOf(parts.whole())) {
      throw new BadInputException(
          out,
          "the parts are "
              + parts.whole().getFileName()
              + " parts: the output must have their format, not ."
              + outFormat.name().toLowerCase(Locale.ROOT)
              + " (another format would change the column types)");
    }
    List<String> scans = new ArrayList<>();
    for (Path p : parts.parts()) {
      scans.add(
          DuckDb.scan(p, FeatureTableWriter.formatOf(p) == FeatureTableWriter.Format.PARQUET));
    }
    List<Column> columns = sameColumns(parts.parts(), scans);
    StringBuilder defs = new StringBuilder();
    for (Column c : columns) {
      defs.append(defs.isEmpty() ? "" : ", ").append(DuckDb.identifier(c.name())).append(' ');
      defs.append(c.type());
    }
    List<String> names = columns.stream().map(Column::name).toList();
    String order = "";
    if (names.contains("sname") && names.contains("score") && names.contains("outlier")) {
      order = " ORDER BY TRY_CAST(score AS DOUBLE) DESC, CAST(sname AS VARCHAR)";
    }
    String sort = order;
    long[] rows = {0};
    try (ScratchTable scratch =
        new ScratchTable(
            out,
            "merged",
            defs.toString(),
            e -> new BadInputException(out, "cannot merge: " + DuckDb.message(e), e))) {
      scratch.commit(
          (s, tmp) -> {
            for (int i = 0; i < scans.size(); i++) {
              try {
                rows[0] += s.executeUpdate("INSERT INTO merged SELECT * FROM " + scans.get(i));
              } catch (SQLException e) {
                throw DuckDb.unreadable(parts.parts().get(i), "part", e);
              }
            }
            s.execute(
                "COPY (SELECT * FROM merged"
                    + sort
                    + ") TO "
                    + tmp
                    + (outFormat == FeatureTableWriter.Format.PARQUET
                        ? " (FORMAT PARQUET)"
                        : " (FORMAT CSV, HEADER true)"));
          });
    }
    return new Merged(out, parts.count(), rows[0]);
  }

  /**
   * The columns of the first part, checked to be those of every part.
   *
   * @throws BadInputException naming the first part whose columns differ, and how
   */
  private static List<Column> sameColumns(List<Path> parts, List<String> scans) {
    List<Column> first = null;
    try (DuckDBConnection c = DuckDb.connect(null)) {
      for (int i = 0; i < parts.size(); i++) {
        List<Column> cols = new ArrayList<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + scans.get(i))) {
          while (rs.next()) {
            cols.add(new Column(rs.getString("column_name"), rs.getString("column_type")));
          }
        } catch (SQLException e) {
          throw DuckDb.unreadable(parts.get(i), "part", e);
        }
        if (first == null) {
          first = cols;
        } else if (!first.equals(cols)) {
          throw new BadInputException(
              parts.get(i),
              "columns differ from those of "
                  + parts.get(0).getFileName()
                  + ": "
                  + difference(first, cols)
                  + " (parts of different runs or commands?)");
        }
      }
    } catch (SQLException e) {
      throw new BadInputException(parts.get(0), "cannot open DuckDB: " + DuckDb.message(e), e);
    }
    return first;
  }

  private static String difference(List<Column> first, List<Column> other) {
    for (int i = 0; i < Math.min(first.size(), other.size()); i++) {
      if (!first.get(i).equals(other.get(i))) {
        return "column "
            + (i + 1)
            + " is '"
            + other.get(i)
            + "' here, '"
            + first.get(i)
            + "' there";
      }
    }
    return other.size()
        + " columns here, "
        + first.size()
        + " there"
        + (other.size() > first.size()
            ? " (extra: " + other.get(first.size()) + ")"
            : " (missing: " + first.get(other.size()) + ")");
  }
}
