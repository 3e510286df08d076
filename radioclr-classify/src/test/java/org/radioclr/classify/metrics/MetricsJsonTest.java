package org.radioclr.classify.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.classify.Predictions;
import org.radioclr.core.BadInputException;

class MetricsJsonTest {
  @TempDir Path tmp;

  @Test
  void singleLabelRoundTrip() {
    ClassificationMetrics m =
        ClassificationMetrics.ofLabels(
            List.of("1C-1P", "1C-2P", "2C-2P"),
            new int[] {0, 0, 1, 1, 2, 2, 2},
            new int[] {0, 1, 1, 1, 2, 0, 2});
    Path f = tmp.resolve("metrics.json");
    MetricsJson.write(f, m);
    assertEquals(m, MetricsJson.read(f));
  }

  @Test
  void multiLabelRoundTrip() {
    Predictions p =
        new Predictions(
            List.of("x", "y"),
            List.of("a", "b", "c"),
            true,
            new int[][] {{0}, {0, 1}, {}},
            new float[][] {{.9f, .1f}, {.7f, .2f}, {.1f, .6f}});
    ClassificationMetrics m = ClassificationMetrics.of(p);
    Path f = tmp.resolve("m.json");
    MetricsJson.write(f, m);
    assertEquals(m, MetricsJson.read(f));
  }

  @Test
  void summaryRoundTrip() {
    List<String> classes = List.of("a", "b");
    MeanAndError s =
        MeanAndError.of(
            List.of(
                ClassificationMetrics.ofLabels(classes, new int[] {0, 1}, new int[] {0, 1}),
                ClassificationMetrics.ofLabels(classes, new int[] {0, 1}, new int[] {1, 1}),
                ClassificationMetrics.ofLabels(classes, new int[] {0, 1, 1}, new int[] {0, 0, 1})));
    Path f = tmp.resolve("summary.json");
    MetricsJson.write(f, s);
    assertEquals(s, MetricsJson.readSummary(f));
  }

  @Test
  void badFilesAreOneLineErrors() throws IOException {
    Path f = tmp.resolve("bad.json");
    Files.writeString(f, "{\"kind\": \"classification_metrics\", \"classes\": [\"a\", \"b\"]}");
    BadInputException e = assertThrows(BadInputException.class, () -> MetricsJson.read(f));
    assertEquals(f + ": missing 'per_class'", e.getMessage());
    Files.writeString(f, "{\"kind\": \"mean_and_error\"}");
    e = assertThrows(BadInputException.class, () -> MetricsJson.read(f));
    assertEquals(
        f + ": expected \"kind\": \"classification_metrics\", got \"mean_and_error\"",
        e.getMessage());
    Files.writeString(f, "{\"kind\": ");
    e = assertThrows(BadInputException.class, () -> MetricsJson.read(f));
    assertTrue(e.getMessage().startsWith(f + ": line 1: not valid JSON ("), e.getMessage());
    e = assertThrows(BadInputException.class, () -> MetricsJson.read(tmp.resolve("missing.json")));
    assertTrue(e.getMessage().contains("not found"), e.getMessage());
  }
}
