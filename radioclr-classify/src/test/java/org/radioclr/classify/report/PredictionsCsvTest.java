package org.radioclr.classify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsCsvTest {
  @Test
  void writesOneRowPerImageQuotingNamesWithCommas(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.csv");
    PredictionsCsv.write(
        f,
        List.of("FRI", "FRII"),
        List.of("3C 192, core", "B"),
        false,
        new int[][] {{1}, null},
        new float[][] {{0.25f, 0.75f}, {0.6f, 0.4f}});
    assertEquals(
        List.of(
            "sname,truth,predicted,p_FRI,p_FRII",
            "\"3C 192, core\",FRII,FRII,0.250000,0.750000",
            "B,,FRI,0.600000,0.400000"),
        Files.readAllLines(f));
  }

  @Test
  void multiLabelPredictionsListEveryClassAtOrAboveOneHalf(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.csv");
    PredictionsCsv.write(
        f,
        List.of("a", "b", "c"),
        List.of("x"),
        true,
        new int[][] {{0, 2}},
        new float[][] {{0.5f, 0.1f, 0.9f}});
    assertEquals("x,a;c,a;c,0.500000,0.100000,0.900000", Files.readAllLines(f).get(1));
  }
}
