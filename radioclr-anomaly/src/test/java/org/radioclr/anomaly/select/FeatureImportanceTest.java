package org.radioclr.anomaly.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.anomaly.columns.FeatureRanking;

class FeatureImportanceTest {
  @TempDir Path tmp;

  @Test
  void ranksByGainAndRoundTripsThroughCsv() throws Exception {
    FeatureImportance imp =
        FeatureImportance.rank(List.of("f0", "f1", "f2", "f3"), new double[] {1.5, 0, 7.25, 1.5});
    assertEquals(List.of("f2", "f0", "f3", "f1"), imp.features());
    assertEquals(List.of("f2", "f0"), imp.top(2));
    Path csv = tmp.resolve("importance.csv");
    imp.writeCsv(csv);
    assertEquals(
        "rank,feature,gain\n1,f2,7.25\n2,f0,1.5\n3,f3,1.5\n4,f1,0.0\n", Files.readString(csv));
    // read back as 'anomaly score --columns topK' reads it
    FeatureRanking back = FeatureRanking.read(tmp);
    assertEquals(imp.features(), back.features());
    assertArrayEquals(
        imp.gains(), back.gains().stream().mapToDouble(Double::doubleValue).toArray(), 0.0);
  }
}
