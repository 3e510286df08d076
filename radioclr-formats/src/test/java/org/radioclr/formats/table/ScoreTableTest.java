package org.radioclr.formats.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class ScoreTableTest {
  @TempDir Path tmp;

  @Test
  void readsCsvInAnyColumnOrder() throws Exception {
    Path csv = tmp.resolve("scores.csv");
    Files.writeString(
        csv,
        "score,map,sname,x0,label,outlier,id\n"
            + "0.9,m.fits,a,0,PECULIAR;COMPACT,true,8;1\n"
            + "0.25,m.fits,b,128,,false,\n");
    ScoreTable t = ScoreTable.read(csv);
    assertEquals(List.of("a", "b"), t.snames());
    assertArrayEquals(new double[] {0.9, 0.25}, t.scores());
    assertArrayEquals(new boolean[] {true, false}, t.outliers());
    assertEquals(List.of("PECULIAR;COMPACT", ""), t.labels());
    assertEquals(List.of("8;1", ""), t.ids());
    assertEquals(List.of("map", "x0"), List.copyOf(t.extras().keySet()));
    assertEquals(List.of("0", "128"), t.extra("x0").orElseThrow());
  }

  @Test
  void readsParquetWrittenByDuckDb() throws Exception {
    Path pq = tmp.resolve("scores.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM (VALUES ('a', '', 'PECULIAR', 12.5::DOUBLE, 0.75::DOUBLE, true),"
              + " ('b', '', '', 13.0::DOUBLE, 0.5::DOUBLE, false)) t(sname, id, label, ra, score,"
              + " outlier)) TO '"
              + pq
              + "' (FORMAT parquet)");
    }
    ScoreTable t = ScoreTable.read(pq);
    assertEquals(List.of("a", "b"), t.snames());
    assertArrayEquals(new double[] {0.75, 0.5}, t.scores());
    assertArrayEquals(new boolean[] {true, false}, t.outliers());
    assertEquals(Arrays.asList("12.5", "13.0"), t.extra("ra").orElseThrow());
  }

  @Test
  void badTablesAreOneClearErrorEach() throws Exception {
    Path noScore = tmp.resolve("a.csv");
    Files.writeString(noScore, "sname,label\na,COMPACT\n");
    assertEquals(
        noScore + ": not a score table: needs columns 'score', found [sname, label]",
        assertThrows(BadInputException.class, () -> ScoreTable.read(noScore)).getMessage());
    Path noName = tmp.resolve("b.csv");
    Files.writeString(noName, "name,score\na,0.5\n");
    assertEquals(
        noName + ": not a score table: needs columns 'sname', found [name, score]",
        assertThrows(BadInputException.class, () -> ScoreTable.read(noName)).getMessage());
    Path features = tmp.resolve("f.csv");
    Files.writeString(features, "sname,rms,f0,f1,f2\na,1,0.1,0.2,0.3\n");
    assertEquals(
        features
            + ": not a score table: needs columns 'score', found [sname, rms, 3 feature columns"
            + " f0..] (a feature table? score it with 'radioclr anomaly score')",
        assertThrows(BadInputException.class, () -> ScoreTable.read(features)).getMessage());
    Path broken = tmp.resolve("g.parquet");
    Files.writeString(broken, "not parquet at all");
    assertEquals(
        broken
            + ": not a Parquet file (no PAR1 marks at its start and end): truncated, or another"
            + " format named .parquet",
        assertThrows(BadInputException.class, () -> ScoreTable.read(broken)).getMessage());
    Path range = tmp.resolve("c.csv");
    Files.writeString(range, "sname,score\na,1.5\n");
    assertEquals(
        range + ": frame 'a': score must be in [0, 1], got 1.5",
        assertThrows(BadInputException.class, () -> ScoreTable.read(range)).getMessage());
    Path text = tmp.resolve("d.csv");
    Files.writeString(text, "sname,score\na,high\n");
    assertEquals(
        text + ": frame 'a': score is not a number: 'high'",
        assertThrows(BadInputException.class, () -> ScoreTable.read(text)).getMessage());
    Path twice = tmp.resolve("e.csv");
    Files.writeString(twice, "sname,score\na,0.1\na,0.2\n");
    assertEquals(
        twice + ": frame 'a' appears twice",
        assertThrows(BadInputException.class, () -> ScoreTable.read(twice)).getMessage());
    Path missing = tmp.resolve("none.parquet");
    assertEquals(
        missing + ": no such file",
        assertThrows(BadInputException.class, () -> ScoreTable.read(missing)).getMessage());
    Path ext = tmp.resolve("s.json");
    assertEquals(
        ext + ": unknown score table format; use .parquet or .csv",
        assertThrows(BadInputException.class, () -> ScoreTable.read(ext)).getMessage());
  }

  @Test
  void headerOnlyCsvIsAnEmptyTable() throws Exception {
    Path csv = tmp.resolve("empty.csv");
    Files.writeString(csv, "sname,score\n");
    assertEquals(0, ScoreTable.read(csv).size());
  }
}
