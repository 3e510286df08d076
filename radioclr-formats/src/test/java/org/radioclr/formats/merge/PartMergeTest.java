package org.radioclr.formats.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.datalist.DatalistWriter;
import org.radioclr.core.datalist.LabelForm;
import org.radioclr.core.shard.PartSet;
import org.radioclr.core.shard.Shard;
import org.radioclr.formats.table.DuckDb;

class PartMergeTest {
  @TempDir Path tmp;

  /** Writes a Parquet file from a SELECT. */
  private static Path parquet(Path file, String select) throws Exception {
    try (DuckDBConnection c = DuckDb.connect(null);
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (" + select + ") TO " + DuckDb.literal(file.toString()) + " (FORMAT PARQUET)");
    }
    return file;
  }

  private static List<String> rows(Path file) throws Exception {
    List<String> out = new ArrayList<>();
    try (DuckDBConnection c = DuckDb.connect(null);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + DuckDb.scan(file, true))) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  @Test
  void tablesFollowShardOrderAndScoreTablesTheScoreOrder() throws Exception {
    Path whole = tmp.resolve("f.parquet");
    String sel = "SELECT 's' || i AS sname, CAST(i AS FLOAT) AS f0 FROM range(%d, %d) t(i)";
    // many rows per part, so that a scan in parallel would show if order were not kept
    List<Path> parts =
        List.of(
            parquet(new Shard(0, 3).partOf(whole), sel.formatted(0, 40000)),
            parquet(new Shard(1, 3).partOf(whole), sel.formatted(40000, 40000)), // empty
            parquet(new Shard(2, 3).partOf(whole), sel.formatted(40000, 90000)));
    PartMerge.Merged m = PartMerge.merge(PartSet.of(parts), whole);
    assertEquals(90000, m.rows());
    List<String> merged = rows(whole);
    assertEquals(90000, merged.size());
    for (int i = 0; i < merged.size(); i++) {
      assertEquals("s" + i + "|" + (float) i, merged.get(i));
    }

    Path scores = tmp.resolve("s.parquet");
    String score = "SELECT * FROM (VALUES %s) t(sname, rms, score, outlier)";
    PartMerge.merge(
        PartSet.of(
            List.of(
                parquet(
                    new Shard(0, 2).partOf(scores),
                    score.formatted("('b', 1.5, 0.7, true), ('c', 2.0, 0.4, false)")),
                parquet(
                    new Shard(1, 2).partOf(scores),
                    score.formatted("('a', 0.5, 0.4, false), ('d', 1.0, 0.9, true)")))),
        scores);
    assertEquals(
        List.of("d|1.0|0.9|true", "b|1.5|0.7|true", "a|0.5|0.4|false", "c|2.0|0.4|false"),
        rows(scores));
  }

  @Test
  void aPartWithOtherColumnTypesIsNamed() throws Exception {
    Path whole = tmp.resolve("f.parquet");
    Path p0 = parquet(new Shard(0, 2).partOf(whole), "SELECT 'a' AS sname, 1.5 AS rms");
    Path p1 = parquet(new Shard(1, 2).partOf(whole), "SELECT 'b' AS sname, '1.5' AS rms");
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> PartMerge.merge(PartSet.of(List.of(p0, p1)), whole));
    assertEquals(p1, e.file());
    assertTrue(
        e.getMessage()
            .contains(
                "columns differ from those of f.part-0000-of-0002.parquet: column 2 is 'rms"
                    + " VARCHAR' here, 'rms DECIMAL(2,1)' there"),
        e.getMessage());
    Path p2 = parquet(new Shard(1, 2).partOf(whole), "SELECT 'b' AS sname");
    e =
        assertThrows(
            BadInputException.class, () -> PartMerge.merge(PartSet.of(List.of(p0, p2)), whole));
    assertTrue(
        e.getMessage().contains("1 columns here, 2 there (missing: rms DECIMAL(2,1))"),
        e.getMessage());
    assertTrue(Files.notExists(whole));
    // the output is never one of the parts
    e =
        assertThrows(
            BadInputException.class, () -> PartMerge.merge(PartSet.of(List.of(p0, p1)), p0));
    assertEquals(p0, e.file());
  }

  @Test
  void datalistsKeepTheirEntriesWithPathsFromTheNewFolder() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("cut"));
    Path whole = dir.resolve("datalist.json");
    List<Path> parts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      DatalistEntry e =
          new DatalistEntry(
              List.of(dir.resolve("frames").resolve("f" + i + ".fits")),
              "f" + i,
              List.of(i),
              List.of("L" + i),
              Map.of("rms", 0.5 * i));
      Path part = new Shard(i, 2).partOf(whole);
      DatalistWriter.writeAll(part, List.of(e), LabelForm.SCALAR_WHEN_SINGLE);
      parts.add(part);
    }
    Path elsewhere = tmp.resolve("all.json");
    assertEquals(2, PartMerge.merge(PartSet.of(parts), elsewhere).rows());
    List<DatalistEntry> all = DatalistReader.readAll(elsewhere);
    assertEquals(List.of("f0", "f1"), all.stream().map(DatalistEntry::sname).toList());
    assertEquals(dir.resolve("frames").resolve("f1.fits"), all.get(1).files().get(0));
    assertTrue(Files.readString(elsewhere).contains("\"cut/frames/f1.fits\""));
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> PartMerge.merge(PartSet.of(parts), tmp.resolve("x.csv")));
    assertTrue(
        e.getMessage()
            .endsWith("the parts are datalists (.json): the output must be a .json datalist"));
  }
}
