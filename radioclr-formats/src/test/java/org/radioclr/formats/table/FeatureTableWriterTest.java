package org.radioclr.formats.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;

class FeatureTableWriterTest {
  @TempDir Path tmp;

  private static DatalistEntry entry(int i) {
    Map<String, Object> extras = new LinkedHashMap<>();
    if (i != 2) {
      extras.put("rms", 1e-4 * (i + 1));
    }
    extras.put("note", i == 1 ? "has, a comma and \"quotes\"" : "n" + i);
    List<String> labels = i == 3 ? List.of() : i == 0 ? List.of("FRI", "FRII") : List.of("C");
    List<Integer> ids = i == 3 ? List.of() : i == 0 ? List.of(0, 1) : List.of(2);
    return new DatalistEntry(List.of(Path.of("/x" + i + ".fits")), "s" + i, ids, labels, extras);
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.csv", "t.parquet", "T.PARQUET"})
  void roundTripKeepsEveryCellAndTheExactFloats(String name) {
    Path file = tmp.resolve(name);
    int dim = 5;
    SplittableRandom random = new SplittableRandom(4);
    float[] features = new float[4 * dim];
    for (int i = 0; i < features.length; i++) {
      features[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-8, 8)));
    }
    features[3] = Float.MIN_VALUE;
    features[4] = -0f;
    FeatureColumns columns = FeatureColumns.of(entry(0), dim);
    try (FeatureTableWriter w = FeatureTableWriter.open(file, columns)) {
      for (int i = 0; i < 4; i++) {
        w.write(entry(i), features, i * dim);
      }
      assertEquals(4, w.rows());
      assertFalse(Files.exists(file), "nothing at the target before commit");
      w.commit();
    }
    FeatureTable t = FeatureTable.read(file);
    assertEquals(List.of("s0", "s1", "s2", "s3"), t.snames());
    assertEquals(List.of("FRI;FRII", "C", "C", ""), t.labels());
    assertEquals(List.of("0;1", "2", "2", ""), t.ids());
    assertEquals(List.of("rms", "note"), List.copyOf(t.extras().keySet()));
    assertEquals(2e-4, Double.parseDouble(t.extras().get("rms").get(1)), 0);
    assertNull(t.extras().get("rms").get(2), "a missing extra is NULL");
    assertEquals("has, a comma and \"quotes\"", t.extras().get("note").get(1));
    for (int i = 0; i < 4; i++) {
      float[] expected = java.util.Arrays.copyOfRange(features, i * dim, (i + 1) * dim);
      assertArrayEquals(expected, t.features()[i], "row " + i);
    }
    assertOnlyFiles(file);
  }

  @Test
  void closingWithoutCommitLeavesNothingAndKeepsAnOldTable() throws Exception {
    Path file = tmp.resolve("old.parquet");
    FeatureColumns columns = FeatureColumns.of(entry(0), 2);
    try (FeatureTableWriter w = FeatureTableWriter.open(file, columns)) {
      w.write(entry(0), new float[] {1, 2}, 0);
      w.commit();
    }
    try (FeatureTableWriter w = FeatureTableWriter.open(file, columns)) {
      w.write(entry(1), new float[] {3, 4}, 0);
      w.write(entry(2), new float[] {5, 6}, 0);
    }
    assertEquals(List.of("s0"), FeatureTable.read(file).snames());
    assertOnlyFiles(file);
  }

  @Test
  void emptyTableHasTheHeaderOnly() {
    Path file = tmp.resolve("empty.csv");
    try (FeatureTableWriter w = FeatureTableWriter.open(file, FeatureColumns.of(null, 3))) {
      w.commit();
    }
    assertEquals(0, FeatureTable.read(file).size());
  }

  @Test
  void unknownExtensionsAndMissingFilesGiveOneLineErrors() {
    BadInputException ext =
        assertThrows(
            BadInputException.class,
            () -> FeatureTableWriter.open(tmp.resolve("f.txt"), FeatureColumns.of(null, 2)));
    assertEquals("unknown feature table format ('.txt'); use .parquet or .csv", ext.problem());
    BadInputException none =
        assertThrows(BadInputException.class, () -> FeatureTableWriter.formatOf(Path.of("f")));
    assertTrue(none.problem().contains("no extension"));
    BadInputException missing =
        assertThrows(BadInputException.class, () -> FeatureTable.read(tmp.resolve("no.csv")));
    assertEquals("no such file", missing.problem());
  }

  @Test
  void aTableWithoutFeatureColumnsIsRejected() throws Exception {
    Path file = tmp.resolve("other.csv");
    Files.writeString(file, "sname,x\na,1\n");
    BadInputException e = assertThrows(BadInputException.class, () -> FeatureTable.read(file));
    assertTrue(e.problem().startsWith("not a feature table"), e.problem());
  }

  /** A Parquet table of {@code rows} rows written by DuckDB, damaged inside its PAR1 marks. */
  static Path damagedParquet(Path file, int rows) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var s = c.createStatement()) {
      s.execute(
          "COPY (SELECT 'src' || i AS sname, i::FLOAT AS f0, (2 * i)::FLOAT AS f1 FROM range("
              + rows
              + ") t(i)) TO '"
              + file.toAbsolutePath()
              + "' (FORMAT PARQUET)");
    }
    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length - 60; i < bytes.length - 8; i++) {
      bytes[i] = 0x5a; // the footer's metadata, between the data and the closing PAR1
    }
    Files.write(file, bytes);
    return file;
  }

  @Test
  void aDamagedParquetFileIsNamedAsSuchWithDuckDbsWordsKeptForVerbose() throws Exception {
    Path file = damagedParquet(tmp.resolve("broken.parquet"), 500);
    BadInputException e = assertThrows(BadInputException.class, () -> FeatureTable.read(file));
    assertEquals(
        "not a readable Parquet feature table (damaged or truncated, or not written as one);"
            + " --verbose shows DuckDB's report",
        e.problem());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getCause() instanceof java.sql.SQLException, String.valueOf(e.getCause()));
  }

  @Test
  void duckDbsMessageIsTheErrorUnderTheDriversPendingQueryWrapper() {
    String wrapped =
        "Invalid Input Error: Attempting to execute an unsuccessful or closed pending query"
            + " result\nError: Conversion Error: Could not convert string 'x' to FLOAT\n\n"
            + "LINE 1: SELECT * FROM t\n      ^";
    assertEquals(
        "Conversion Error: Could not convert string 'x' to FLOAT",
        DuckDb.message(new java.sql.SQLException(wrapped)));
    assertEquals(
        "Binder Error: no column f9",
        DuckDb.message(new java.sql.SQLException("Binder Error: no column f9\nLINE 1: ...")));
  }

  private void assertOnlyFiles(Path... expected) {
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(expected), files.sorted().toList(), "no temporary files left");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
