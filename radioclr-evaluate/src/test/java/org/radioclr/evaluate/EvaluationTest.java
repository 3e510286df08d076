package org.radioclr.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.classify.linear.LogisticOptions;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.split.Split;
import org.radioclr.core.BadInputException;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.LoadedModel;
import org.radioclr.nn.weights.TorchvisionWeights;

class EvaluationTest {
  @TempDir static Path shared;
  static Path encoder;
  static Path labelled;
  static EvaluationResult result;

  static EvaluationConfig config(Path datalist, int splits, int train, int test) {
    return new EvaluationConfig(
        encoder, 0, datalist, splits, train, test, 3, 5, 16, LogisticOptions.defaults(), false);
  }

  @BeforeAll
  static void evaluateOnce() throws Exception {
    encoder = EvaluationFixtures.encoder(shared);
    labelled = EvaluationFixtures.dataset(shared.resolve("data"), 14, 14, 3);
    Path out = Files.createDirectories(shared.resolve("out"));
    result = Evaluation.run(config(labelled, 3, 8, 6), out, ProgressListener.NONE);
  }

  @Test
  void separableClassesBeatChanceWithEveryFeatureRow() {
    assertEquals(List.of("ROUND", "DOUBLE"), result.classes());
    assertEquals(28, result.snames().size());
    assertEquals(3, result.unlabelled());
    // two classes: chance is 50 %; compact versus double sources are easy to tell apart
    assertTrue(result.method("raw_pixels").summary().accuracy().mean() > 0.8, result.toString());
    assertTrue(result.method("probe").summary().accuracy().mean() > 0.75, result.toString());
    assertTrue(result.method("knn").summary().accuracy().mean() > 0.65, result.toString());
  }

  @Test
  void allFourRowsAreScoredOnTheSameSplits() {
    assertEquals(
        List.of("probe", "knn", "random_probe", "raw_pixels"),
        result.methods().stream().map(MethodResult::key).toList());
    int[] labels = result.labels();
    List<Split> splits = result.splits().splits();
    assertEquals(3, splits.size());
    for (MethodResult m : result.methods()) {
      assertEquals(3, m.perSplit().size(), m.key());
      for (int j = 0; j < splits.size(); j++) {
        int[] test = splits.get(j).test();
        long[] perClass = new long[2];
        for (int i : test) {
          perClass[labels[i]]++;
        }
        ClassificationMetrics s = m.perSplit().get(j);
        assertEquals(test.length, s.rows(), m.key());
        // the confusion matrix's rows count the true classes of the split's test images
        long[][] c = s.confusion();
        assertArrayEquals(perClass, new long[] {c[0][0] + c[0][1], c[1][0] + c[1][1]}, m.key());
      }
    }
    assertEquals(6, result.splits().testPerClass());
    assertEquals(8, result.splits().trainPerClass());
    assertTrue(Files.isDirectory(result.randomCheckpoint()));
  }

  @Test
  void reportHasOneRowPerMethod(@TempDir Path dir) throws Exception {
    EvaluationReport.write(dir, result);
    List<String> csv = Files.readAllLines(dir.resolve(EvaluationReport.CSV_FILE));
    assertEquals(5, csv.size());
    assertTrue(csv.get(0).startsWith("method,name,accuracy_mean,accuracy_se"), csv.get(0));
    assertTrue(csv.get(4).startsWith("raw_pixels,"), csv.get(4));
    String json = Files.readString(dir.resolve(EvaluationReport.JSON_FILE));
    assertTrue(json.contains("\"random_probe\""), json);
    String html = Files.readString(dir.resolve(EvaluationReport.REPORT_FILE));
    assertTrue(html.contains("random weights") && html.contains("raw pixels"));
    assertTrue(Files.size(dir.resolve(EvaluationReport.PLOT_FILE)) > 0);
    // splits.csv: K x (train + test) images per class, plus its header
    assertEquals(1 + 3 * (8 + 6) * 2, Files.readAllLines(dir.resolve("splits.csv")).size());
    assertEquals(5, EvaluationReport.table(result).size());
  }

  @Test
  void aWeightsFileOfTheSameEncoderGivesTheSameTable(@TempDir Path dir) {
    Path weights = dir.resolve("encoder.safetensors");
    try (LoadedModel loaded = Checkpoint.load(encoder, Device.cpu())) {
      TorchvisionWeights.export(weights, loaded.network());
    }
    EvaluationConfig c =
        new EvaluationConfig(
            weights, 32, labelled, 3, 8, 6, 3, 5, 16, LogisticOptions.defaults(), false);
    EvaluationResult w = Evaluation.run(c, dir, ProgressListener.NONE);
    assertEquals(weights, w.checkpoint());
    for (MethodResult m : result.methods()) {
      for (int j = 0; j < 3; j++) {
        assertEquals(
            m.perSplit().get(j).accuracy(),
            w.method(m.key()).perSplit().get(j).accuracy(),
            1e-9,
            m.key() + " split " + (j + 1));
      }
    }
  }

  @Test
  void aWeightsFileNeedsAnImageSize(@TempDir Path dir) {
    Path weights = dir.resolve("w.safetensors");
    EvaluationConfig c =
        new EvaluationConfig(
            weights, 0, labelled, 2, 2, 2, 3, 5, 16, LogisticOptions.defaults(), false);
    BadInputException e =
        assertThrows(BadInputException.class, () -> Evaluation.run(c, dir, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("--image-size"), e.getMessage());
  }

  @Test
  void missingDatalistIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> Evaluation.run(config(missing, 2, 2, 2), dir, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("nope.json"), e.getMessage());
  }

  @Test
  void datalistWithoutLabelsIsRefused(@TempDir Path dir) {
    Path data = EvaluationFixtures.dataset(dir.resolve("d"), 0, 0, 4);
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> Evaluation.run(config(data, 2, 2, 2), dir, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("no labelled entry"), e.getMessage());
    assertTrue(e.getMessage().contains("labelled.json"), e.getMessage());
  }

  @Test
  void classTooSmallForTheSplitsIsNamed(@TempDir Path dir) {
    Path data = EvaluationFixtures.dataset(dir.resolve("d"), 6, 1, 0);
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> Evaluation.run(config(data, 2, 3, 2), dir, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("'DOUBLE' has only 1"), e.getMessage());
    assertTrue(e.getMessage().contains("labelled.json"), e.getMessage());
  }

  @Test
  void badSettingsNameTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> config(labelled, 0, 2, 2));
    assertEquals("splits must be >= 1, got 0", e.getMessage());
  }
}
