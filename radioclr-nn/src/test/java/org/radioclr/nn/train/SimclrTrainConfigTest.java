package org.radioclr.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.radioclr.core.BadInputException;
import org.radioclr.core.augment.AugmentationPipeline;
import org.radioclr.core.preprocess.PreprocessConfig;

class SimclrTrainConfigTest {
  private static final Path SOURCE = Path.of("train.json");

  @Test
  void paperDefaultsAndAutomaticStem() {
    SimclrTrainConfig c = SimclrTrainConfig.paper(100);
    assertEquals(128, c.batchSize());
    assertEquals(224, c.imageSize());
    assertEquals(0.1, c.learningRate());
    assertNull(c.warmupEpochs()); // automatic: the paper's 10 epochs of a 100-epoch run
    assertEquals(10 * 7, c.warmupSteps(7));
    assertEquals(0.1, c.temperature());
    assertFalse(c.useSmallStem());
    assertTrue(c.withImageSize(64).useSmallStem());
    assertEquals(64, c.withImageSize(64).effectivePreprocess().outputWidth());
    assertEquals(AugmentationPipeline.hulk(), c.augmentation());
  }

  @Test
  void rejectsBadValuesNamingThem() {
    SimclrTrainConfig c = SimclrTrainConfig.paper(1);
    assertEquals(
        "image size must be >= 16 for the small stem, got 8",
        assertThrows(IllegalArgumentException.class, () -> c.withImageSize(8)).getMessage());
    assertEquals(
        "batch size must be >= 2 (NT-Xent needs negatives), got 1",
        assertThrows(IllegalArgumentException.class, () -> c.withBatchSize(1)).getMessage());
    assertEquals(
        "learning rate must be > 0, got -1.0",
        assertThrows(IllegalArgumentException.class, () -> c.withLearningRate(-1)).getMessage());
    assertEquals(
        "epochs must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> c.withEpochs(0)).getMessage());
    assertEquals(
        "val_k must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> c.withValK(0)).getMessage());
  }

  @Test
  void jsonRoundTripsAndFillsDefaults() {
    SimclrTrainConfig c =
        SimclrTrainConfig.paper(7)
            .withImageSize(64)
            .withBatchSize(32)
            .withLearningRate(1e-3)
            .withSeed(42)
            .withCheckpoints(2, 5)
            .withValK(7);
    SimclrTrainConfig back = SimclrTrainConfigJson.parse(SimclrTrainConfigJson.toJson(c), SOURCE);
    assertEquals(c, back);
    assertTrue(SimclrTrainConfigJson.toJson(c).contains("\"warmup_epochs\" : null"));
    SimclrTrainConfig two = c.withWarmupEpochs(2);
    assertEquals(two, SimclrTrainConfigJson.parse(SimclrTrainConfigJson.toJson(two), SOURCE));
    // a run written before the automatic warm-up (every key, warm-up as long as the run) still
    // reads, so that it resumes with its own schedule; only new runs refuse it
    SimclrTrainConfig old =
        SimclrTrainConfigJson.parse("{\"epochs\": 10, \"warmup_epochs\": 10}", SOURCE);
    assertEquals(10, old.warmupEpochs());
    assertThrows(IllegalArgumentException.class, old::requireDecayingSchedule);

    SimclrTrainConfig partial =
        SimclrTrainConfigJson.parse(
            "{\"epochs\": 3, \"image_size\": 32, \"augmentation\": \"banner\","
                + " \"preprocess\": {\"output_width\": 99, \"output_height\": 99}}",
            SOURCE);
    assertEquals(3, partial.epochs());
    assertEquals(SimclrTrainConfig.DEFAULT_VAL_K, partial.valK());
    assertEquals(128, partial.batchSize());
    assertEquals(AugmentationPipeline.banner(), partial.augmentation());
    assertNull(partial.smallStem());
    assertTrue(partial.useSmallStem());
    assertEquals(PreprocessConfig.paper().withOutputSize(32, 32), partial.effectivePreprocess());
  }

  @Test
  void jsonRejectsUnknownKeysAndBadValues() {
    BadInputException unknown =
        assertThrows(
            BadInputException.class, () -> SimclrTrainConfigJson.parse("{\"epoch\": 3}", SOURCE));
    assertTrue(
        unknown.getMessage().startsWith("train.json: unknown key 'epoch' (known keys: "),
        unknown.getMessage());
    assertEquals(
        "train.json: invalid training configuration: image size must be >= 32 for the standard"
            + " stem, got 20",
        assertThrows(
                BadInputException.class,
                () ->
                    SimclrTrainConfigJson.parse(
                        "{\"image_size\": 20, \"small_stem\": false}", SOURCE))
            .getMessage());
    assertEquals(
        "train.json: invalid augmentation: unknown augmentation preset 'x' (known presets: hulk,"
            + " banner)",
        assertThrows(
                BadInputException.class,
                () -> SimclrTrainConfigJson.parse("{\"augmentation\": \"x\"}", SOURCE))
            .getMessage());
  }
}
