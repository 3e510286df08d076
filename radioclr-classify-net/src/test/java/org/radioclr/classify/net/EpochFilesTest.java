package org.radioclr.classify.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochFilesTest {
  @Test
  void metricsCsvHasOneFormattedRowPerEpochAndIsRewrittenAfterEach(@TempDir Path run)
      throws IOException {
    EpochFiles files = new EpochFiles(run, true, false);
    ClassifierEpoch first = new ClassifierEpoch(1, 0.7389301, 0.5, 0.25, 0.2, 1e-3, 123.4567, 2.5);
    ClassifierEpoch second =
        new ClassifierEpoch(2, Double.NaN, 0.75, 0.5, 1.0 / 3, 2.5e-4, 99.0, 1.25);
    files.epochDone(List.of(first));
    files.epochDone(List.of(first, second));
    assertEquals(
        List.of(
            ClassifierEpoch.CSV_HEADER,
            "1,0.738930,0.500000,0.250000,0.200000,0.00100000,123.457,2.500",
            "2,NaN,0.750000,0.500000,0.333333,0.000250000,99.000,1.250"),
        Files.readAllLines(run.resolve(ClassifierTrainer.METRICS_FILE)));
    assertTrue(Files.size(run.resolve(ClassifierTrainer.PLOT_FILE)) > 0);
  }
}
