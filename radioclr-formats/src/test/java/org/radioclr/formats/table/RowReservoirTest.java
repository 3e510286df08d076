package org.radioclr.formats.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class RowReservoirTest {
  @TempDir Path tmp;

  /** Row i: sname r{i}, f0 = i, f1 = -i / 2. */
  private static Path table(Path file, int rows) throws IOException {
    StringBuilder sb = new StringBuilder("sname,f0,f1\n");
    for (int i = 0; i < rows; i++) {
      sb.append(String.format(Locale.ROOT, "r%d,%d,%.1f%n", i, i, -i / 2.0));
    }
    Files.writeString(file, sb);
    return file;
  }

  private static FeatureSource.Sample sample(Path table, int size, long seed) {
    try (FeatureSource s = FeatureSource.open(table)) {
      return s.readSample(List.of("f0", "f1"), size, seed);
    }
  }

  @Test
  void theSampleHoldsSizeRowsOfTheTableInFileOrderAndTheSeedFixesIt() throws IOException {
    Path table = table(tmp.resolve("t.csv"), 5000);
    FeatureSource.Sample a = sample(table, 300, 7);
    assertEquals(5000, a.tableRows());
    assertEquals(300, a.rows().features().rows(), "the fitter sees the sample, not the table");
    assertEquals(300, a.rows().snames().size());
    long[] idx = a.rowIndex();
    for (int k = 0; k < idx.length; k++) {
      assertTrue(k == 0 || idx[k] > idx[k - 1], "file order, no row twice");
      assertEquals("r" + idx[k], a.rows().snames().get(k));
      assertEquals(idx[k], a.rows().features().get(k, 0), 0);
      assertEquals(-idx[k] / 2.0, a.rows().features().get(k, 1), 0);
    }
    assertTrue(idx[idx.length - 1] > 4000, "rows from the whole table, not its head");

    FeatureSource.Sample again = sample(table, 300, 7);
    assertArrayEquals(idx, again.rowIndex());
    assertArrayEquals(a.rows().features().values(), again.rows().features().values());
    assertFalse(java.util.Arrays.equals(idx, sample(table, 300, 8).rowIndex()));
  }

  @Test
  void aTableNoLargerThanTheSampleIsReadWhole() throws IOException {
    Path table = table(tmp.resolve("small.csv"), 40);
    FeatureSource.Sample s = sample(table, 100, 1);
    assertEquals(40, s.rows().features().rows());
    assertEquals(40, s.tableRows());
    assertEquals(0, s.rowIndex()[0]);
    assertEquals(39, s.rowIndex()[39]);
  }

  @Test
  void everyRowIsDrawnWithTheSameChance() {
    int n = 50;
    int size = 10;
    int draws = 4000;
    int[] hits = new int[n];
    List<String> names = new ArrayList<>();
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      names.add("r" + i);
      values[i] = i;
    }
    for (long seed = 0; seed < draws; seed++) {
      RowReservoir r = new RowReservoir(size, 1, seed);
      r.offer(names.subList(0, 20), new FeatureMatrix(20, 1, java.util.Arrays.copyOf(values, 20)));
      r.offer(
          names.subList(20, n),
          new FeatureMatrix(n - 20, 1, java.util.Arrays.copyOfRange(values, 20, n)));
      for (long i : r.rows().rowIndex()) {
        hits[(int) i]++;
      }
    }
    double expected = draws * (double) size / n; // 800, sd ~ 25
    for (int i = 0; i < n; i++) {
      assertEquals(expected, hits[i], 120, "row " + i);
    }
  }

  @Test
  void anEmptyTableOrABadSizeIsRefused() throws IOException {
    Path empty = tmp.resolve("empty.csv");
    Files.writeString(empty, "sname,f0,f1\n");
    BadInputException e = assertThrows(BadInputException.class, () -> sample(empty, 10, 1));
    assertTrue(e.getMessage().contains("empty.csv") && e.getMessage().contains("no rows"));
    assertThrows(IllegalArgumentException.class, () -> new RowReservoir(0, 2, 1));
  }
}
