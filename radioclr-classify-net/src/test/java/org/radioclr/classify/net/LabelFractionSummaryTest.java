package org.radioclr.classify.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.classify.metrics.ClassificationMetrics;

class LabelFractionSummaryTest {
  private static final List<String> CLASSES = List.of("a", "b");

  /** Four test rows, truth a a b b, of which {@code right} are predicted right. */
  private static ClassificationMetrics scores(int right) {
    int[] truth = {0, 0, 1, 1};
    int[] predicted = truth.clone();
    for (int i = 0; i < 4 - right; i++) {
      predicted[i] = 1 - predicted[i];
    }
    return ClassificationMetrics.ofLabels(CLASSES, truth, predicted);
  }

  private static LabelFractionStudy.Row row(
      Path dir, String init, double fraction, int split, int nTrain, int right) {
    return new LabelFractionStudy.Row(
        init,
        fraction,
        split,
        nTrain,
        scores(right),
        dir.resolve(init + "/f" + fraction + "-s" + split));
  }

  @Test
  void meanAndStandardErrorPerInitAndFraction(@TempDir Path dir) throws IOException {
    List<LabelFractionStudy.Row> rows =
        List.of(
            row(dir, "simclr", 0.5, 0, 10, 4),
            row(dir, "scratch", 0.5, 0, 10, 2),
            row(dir, "simclr", 1.0, 0, 20, 4),
            row(dir, "simclr", 0.5, 1, 11, 3),
            row(dir, "scratch", 0.5, 1, 10, 2),
            row(dir, "simclr", 1.0, 1, 20, 4));
    List<LabelFractionSummary.Cell> cells = LabelFractionSummary.write(dir, rows, List.of("intro"));
    assertEquals(3, cells.size());
    LabelFractionSummary.Cell c = cells.get(0);
    assertEquals("simclr", c.init());
    assertEquals(0.5, c.fraction());
    assertEquals(11, c.nTrain(), "mean 10.5 rounded half up");
    assertEquals(2, c.scores().splits());
    // accuracies 1 and 0.75: mean 0.875, sd 0.1768, se = sd / sqrt 2 = 0.125
    assertEquals(0.875, c.scores().accuracy().mean(), 1e-12);
    assertEquals(0.125, c.scores().accuracy().standardError(), 1e-12);
    assertEquals("simclr", cells.get(1).init());
    assertEquals(1.0, cells.get(1).fraction());
    assertEquals("scratch", cells.get(2).init());
    assertEquals(0, cells.get(2).scores().accuracy().standardError(), 0);

    List<String> csv = Files.readAllLines(dir.resolve(LabelFractionSummary.CSV_FILE));
    assertEquals(4, csv.size());
    assertEquals("simclr,0.5,2,11,0.875000,0.125000,", csv.get(1).substring(0, 34));
    assertTrue(csv.get(3).startsWith("scratch,0.5,2,10,0.500000,0.000000,"), csv.get(3));

    JsonNode json =
        new ObjectMapper().readTree(dir.resolve(LabelFractionSummary.JSON_FILE).toFile());
    assertEquals(LabelFractionSummary.KIND, json.get("kind").asText());
    assertEquals(3, json.get("rows").size());
    JsonNode first = json.get("rows").get(0);
    assertEquals(11, first.get("n_train").asInt());
    assertEquals(
        0.875, first.get("scores").get("overall").get("accuracy").get("mean").asDouble(), 1e-12);

    List<List<String>> table = LabelFractionSummary.table(cells);
    assertEquals(
        List.of("init", "fraction", "n_train", "splits", "accuracy", "macro F1"), table.get(0));
    assertEquals("0.8750 ± 0.1250", table.get(1).get(4));
    assertTrue(Files.size(dir.resolve(LabelFractionSummary.PLOT_FILE)) > 0);
    String html = Files.readString(dir.resolve(LabelFractionSummary.REPORT_FILE));
    assertTrue(html.contains("0.8750 ± 0.1250"), html);
    assertTrue(html.contains("simclr/f0.5-s1"), html);
  }

  @Test
  void nothingToSummarise() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LabelFractionSummary.of(List.of()));
    assertEquals("no runs to summarise", e.getMessage());
  }
}
