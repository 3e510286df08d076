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

class FeatureRankingTest {
  @TempDir Path tmp;

  @Test
  void readsAFileOrAFolder() throws IOException {
    Path f = tmp.resolve("importance.csv");
    Files.writeString(f, "rank,feature,gain\n1,f7,12.5\n2,f1,0.5\n3,f3,0\n");
    FeatureRanking r = FeatureRanking.read(tmp);
    assertEquals(List.of("f7", "f1", "f3"), r.features());
    assertEquals(List.of(12.5, 0.5, 0.0), r.gains());
    assertEquals(f, r.source());
    assertEquals(List.of("f7"), FeatureRanking.read(f).top(1));
  }

  @Test
  void malformedRankingsAreOneLineErrors() throws IOException {
    check("feature,gain\nf1,2\n", "not a feature ranking: the header must be 'rank,feature,gain'");
    check("rank,feature,gain\n1,f1\n", "line 2: expected 3 cells, got 2");
    check("rank,feature,gain\n1,f1,x\n", "line 2: rank and gain must be numbers");
    check("rank,feature,gain\n2,f1,1\n", "line 2: rank 2 out of order, expected 1");
    check("rank,feature,gain\n1,f1,1\n2,f2,3\n", "line 3: gains must be sorted");
    check("rank,feature,gain\n1,f1,3\n2,f1,1\n", "line 3: f1 is listed twice");
    check("rank,feature,gain\n", "the feature ranking has no rows");
    BadInputException e =
        assertThrows(BadInputException.class, () -> FeatureRanking.read(tmp.resolve("none")));
    assertTrue(e.getMessage().contains("anomaly select"), e.getMessage());
  }

  private void check(String content, String problem) throws IOException {
    Path f = tmp.resolve("importance.csv");
    Files.writeString(f, content);
    BadInputException e = assertThrows(BadInputException.class, () -> FeatureRanking.read(f));
    assertTrue(e.getMessage().startsWith(f + ": " + problem), e.getMessage());
  }
}
