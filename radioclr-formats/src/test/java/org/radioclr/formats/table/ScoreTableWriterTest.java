package org.radioclr.formats.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class ScoreTableWriterTest {
  @TempDir Path tmp;

  @Test
  void csvRoundTripSortedWithExtras() throws IOException {
    Path f = tmp.resolve("f.csv");
    Files.writeString(f, "sname,label,rms,f1,f0\na,PECULIAR,0.5,1,2\nb,,0.7,3,4\nc,X,1,5,6\n");
    try (FeatureSource src = FeatureSource.open(f)) {
      assertEquals(List.of("f0", "f1"), src.featureColumns());
      FeatureSource.Rows rows = src.readAll(List.of("f1"));
      assertEquals(List.of("a", "b", "c"), rows.snames());
      assertEquals(3f, rows.features().get(1, 0));
      assertEquals(2, src.labelCells().size());
      Path out = tmp.resolve("s.csv");
      try (ScoreTableWriter w = new ScoreTableWriter(src, out)) {
        w.append("a", 0.4, false);
        w.append("b", 0.9, true);
        w.append("c", 0.6, false);
        w.commit();
      }
      assertEquals(
          List.of(
              "sname,id,label,rms,score,outlier",
              "b,,,0.7,0.9,true",
              "c,,X,1,0.6,false",
              "a,,PECULIAR,0.5,0.4,false"),
          Files.readAllLines(out));
    }
  }

  @Test
  void repeatedSnamesAndBadCellsAreOneLineErrors() throws IOException {
    Path f = tmp.resolve("f.csv");
    Files.writeString(f, "sname,f0\na,1\na,2\nb,x\n");
    try (FeatureSource src = FeatureSource.open(f)) {
      Path out = tmp.resolve("s.parquet");
      BadInputException e;
      try (ScoreTableWriter w = new ScoreTableWriter(src, out)) {
        w.append("a", 0.4, false);
        w.append("a", 0.5, false);
        e = assertThrows(BadInputException.class, w::commit);
      }
      assertTrue(e.getMessage().startsWith(f + ": sname 'a' names 2 rows"), e.getMessage());
      assertFalse(Files.exists(out));
      e = assertThrows(BadInputException.class, () -> src.readAll(List.of("f0")));
      assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
    Path noSname = tmp.resolve("n.csv");
    Files.writeString(noSname, "name,f0\na,1\n");
    BadInputException e = assertThrows(BadInputException.class, () -> FeatureSource.open(noSname));
    assertEquals(noSname + ": not a feature table: no sname column", e.getMessage());
  }

  @Test
  void aDamagedParquetTableIsNamedAsSuch() throws Exception {
    Path file = tmp.resolve("broken.parquet");
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var s = c.createStatement()) {
      s.execute(
          "COPY (SELECT 'src' || i AS sname, i::FLOAT AS f0 FROM range(500) t(i)) TO '"
              + file.toAbsolutePath()
              + "' (FORMAT PARQUET)");
    }
    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length - 60; i < bytes.length - 8; i++) {
      bytes[i] = 0x5a; // the footer's metadata, inside the closing PAR1 mark
    }
    Files.write(file, bytes);
    BadInputException e = assertThrows(BadInputException.class, () -> FeatureSource.open(file));
    assertTrue(
        e.problem().startsWith("not a readable Parquet feature table (damaged or truncated"),
        e.problem());
    assertFalse(e.problem().contains("pending query"), e.problem());
  }
}
