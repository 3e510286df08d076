package org.radioclr.anomaly.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class ColumnChoiceTest {
  @TempDir Path tmp;

  static final List<String> TABLE = List.of("f0", "f1", "f2", "f3", "f4");

  @Test
  void parsesTheThreeForms() {
    assertEquals(ColumnChoice.ALL, ColumnChoice.parse("all"));
    assertEquals(ColumnChoice.top(10), ColumnChoice.parse("top10"));
    assertEquals(List.of("f3", "f17"), ColumnChoice.parse("f3, f17").names());
    assertEquals("top10", ColumnChoice.parse("TOP10").toString());
    assertThrows(IllegalArgumentException.class, () -> ColumnChoice.parse("top0"));
    assertThrows(IllegalArgumentException.class, () -> ColumnChoice.parse("f1,,f2"));
    assertThrows(IllegalArgumentException.class, () -> ColumnChoice.parse("f1,f1"));
  }

  @Test
  void resolvesAgainstTheTableAndTheRanking() throws IOException {
    Path t = tmp.resolve("features.parquet");
    assertEquals(TABLE, ColumnChoice.ALL.resolve(TABLE, t, null));
    assertEquals(List.of("f3", "f1"), ColumnChoice.parse("f3,f1").resolve(TABLE, t, null));
    Files.writeString(
        tmp.resolve("importance.csv"), "rank,feature,gain\n1,f4,10.5\n2,f0,3\n3,f2,3\n");
    FeatureRanking ranking = FeatureRanking.read(tmp);
    assertEquals(List.of("f4", "f0"), ColumnChoice.top(2).resolve(TABLE, t, ranking));
  }

  @Test
  void errorsNameTheColumnsAndFiles() throws IOException {
    Path t = tmp.resolve("features.parquet");
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> ColumnChoice.parse("f3,f9,f12").resolve(TABLE, t, null));
    assertTrue(e.getMessage().startsWith(t + ": no feature column(s) f9, f12"), e.getMessage());

    Files.writeString(tmp.resolve("importance.csv"), "rank,feature,gain\n1,f4,2\n2,f77,1\n");
    FeatureRanking ranking = FeatureRanking.read(tmp.resolve("importance.csv"));
    e = assertThrows(BadInputException.class, () -> ColumnChoice.top(2).resolve(TABLE, t, ranking));
    assertTrue(e.getMessage().contains("f77"), e.getMessage());
    assertTrue(e.getMessage().contains("importance.csv"), e.getMessage());

    e = assertThrows(BadInputException.class, () -> ColumnChoice.top(5).resolve(TABLE, t, ranking));
    assertEquals(
        tmp.resolve("importance.csv") + ": ranks only 2 features, cannot take the top 5",
        e.getMessage());

    IllegalArgumentException noRanking =
        assertThrows(
            IllegalArgumentException.class, () -> ColumnChoice.top(2).resolve(TABLE, t, null));
    assertTrue(noRanking.getMessage().contains("--importance"), noRanking.getMessage());
  }
}
