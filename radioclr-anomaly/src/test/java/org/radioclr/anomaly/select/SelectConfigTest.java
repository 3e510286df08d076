package org.radioclr.anomaly.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Json;

class SelectConfigTest {
  private static final Path SRC = Path.of("select.json");

  @Test
  void copiesAreValidatedAndJsonRoundTrips() {
    SelectConfig c = SelectConfig.paper(3).withTopK(List.of(1, 4)).withThreads(2);
    assertEquals(List.of(1, 4), c.topK());
    assertEquals(2, c.threads());
    assertEquals(SelectConfig.PAPER_POSITIVES, c.positives());
    assertEquals(c, Json.parse(Json.toJson(c), SRC, SelectConfig.class));
    assertEquals(
        List.of(
            "positives",
            "top_k",
            "seed",
            "validation_fraction",
            "patience",
            "max_rounds",
            "max_depth",
            "num_leaves",
            "min_data_in_leaf",
            "learning_rate",
            "threads"),
        List.copyOf(Json.toMap(c).keySet()));
    assertEquals(
        "top-k sizes must be >= 1, ascending and distinct, got [4, 1]",
        assertThrows(IllegalArgumentException.class, () -> c.withTopK(List.of(4, 1))).getMessage());
  }

  @Test
  void jsonErrorsNameTheKeyAndTheFile() {
    String json = Json.toJson(SelectConfig.paper(3));
    assertEquals(
        "select.json: \"top_k[1]\" must be a number, got \"five\"",
        error(json.replace("2, 5, 10, 15", "2, \"five\"")));
    assertEquals(
        "select.json: top-k sizes must be >= 1, ascending and distinct, got [5, 2]",
        error(json.replace("2, 5, 10, 15", "5, 2")));
    String rest =
        "\"seed\": 1, \"validation_fraction\": 0.2, \"patience\": 2, \"max_rounds\": 5,"
            + " \"max_depth\": 2, \"num_leaves\": 4, \"min_data_in_leaf\": 1, \"learning_rate\": 0.1";
    assertEquals(
        "select.json: missing key \"threads\"",
        error("{\"positives\": [\"A\"], \"top_k\": [2], " + rest + "}"));
    assertEquals(
        "select.json: missing \"top_k\"",
        error("{\"positives\": [\"A\"], " + rest + ", \"threads\": 1}"));
  }

  private static String error(String json) {
    return assertThrows(BadInputException.class, () -> Json.parse(json, SRC, SelectConfig.class))
        .getMessage();
  }
}
