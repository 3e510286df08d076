package org.radioclr.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.augment.AugmentationPipeline;
import org.radioclr.core.augment.AugmentationStep;
import org.radioclr.core.augment.RandomCropResize;
import org.radioclr.core.augment.Rotate90;
import org.radioclr.core.io.Json;
import org.radioclr.core.preprocess.PreprocessConfig;

class SimclrTrainConfigTest {
  private static final Path SOURCE = Path.of("train.json");

  @Test
  void aRunRecordsItsStemAndOldRunsKeepTheirs() {
    SimclrTrainConfig auto64 = SimclrTrainConfig.paper(3).withImageSize(64);
    assertNull(auto64.smallStem());
    assertEquals(Boolean.FALSE, auto64.withResolvedStem().smallStem());
    assertEquals(Boolean.TRUE, auto64.withImageSize(32).withResolvedStem().smallStem());
    // a config.json without a stem was written when auto meant small up to 64 px
    assertEquals(Boolean.TRUE, auto64.asRecorded().smallStem());
    assertEquals(Boolean.FALSE, auto64.withImageSize(96).asRecorded().smallStem());
    SimclrTrainConfig explicit = auto64.withSmallStem(false);
    assertEquals(explicit, explicit.asRecorded());
  }

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
    // the standard stem at 64 px (about 16x faster a step than the small one), small up to 32 px
    assertFalse(c.withImageSize(64).useSmallStem());
    assertFalse(c.withImageSize(33).useSmallStem());
    assertTrue(c.withImageSize(32).useSmallStem());
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
    SimclrTrainConfig back = Json.parse(Json.toJson(c), SOURCE, SimclrTrainConfig.class);
    assertEquals(c, back);
    assertTrue(Json.toJson(c).contains("\"warmup_epochs\" : null"));
    SimclrTrainConfig two = c.withWarmupEpochs(2);
    assertEquals(two, Json.parse(Json.toJson(two), SOURCE, SimclrTrainConfig.class));
    // a run written before the automatic warm-up (every key, warm-up as long as the run) still
    // reads, so that it resumes with its own schedule; only new runs refuse it
    SimclrTrainConfig old =
        Json.parse("{\"epochs\": 10, \"warmup_epochs\": 10}", SOURCE, SimclrTrainConfig.class);
    assertEquals(10, old.warmupEpochs());
    assertThrows(IllegalArgumentException.class, old::requireDecayingSchedule);

    SimclrTrainConfig partial =
        Json.parse(
            "{\"epochs\": 3, \"image_size\": 32, \"augmentation\": \"banner\","
                + " \"preprocess\": {\"output_width\": 99, \"output_height\": 99}}",
            SOURCE,
            SimclrTrainConfig.class);
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
    assertEquals(
        "train.json: unknown key \"tempreature\" (known keys: augmentation, batch_size,"
            + " checkpoint_every, epochs, image_size, keep_last, learning_rate, preprocess, seed,"
            + " small_stem, temperature, val_k, warmup_epochs, weight_decay, workers)",
        error("{\"tempreature\": 0.2}"));
    assertEquals(
        "train.json: \"epochs\" must be a number, got \"ten\"", error("{\"epochs\": \"ten\"}"));
    assertEquals(
        "train.json: \"epochs\" must be a whole number, got 2.5", error("{\"epochs\": 2.5}"));
    assertEquals("train.json: \"epochs\" must be a number, got null", error("{\"epochs\": null}"));
    assertEquals(
        "train.json: \"small_stem\" must be true or false, got \"yes\"",
        error("{\"small_stem\": \"yes\"}"));
    assertEquals(
        "train.json: image size must be >= 32 for the standard stem, got 20",
        error("{\"image_size\": 20, \"small_stem\": false}"));
    assertEquals(
        "train.json: augmentation: unknown augmentation preset 'x' (known presets: hulk, banner, radio)",
        error("{\"augmentation\": \"x\"}"));
    assertEquals(
        "train.json: preprocess.channels[0].stages[0]: contrast must be in (0,1], got 2.0",
        error(
            "{\"preprocess\": {\"channels\": [{\"stages\": [{\"type\": \"zscale\", \"contrast\": 2}]}]}}"));
    assertEquals(
        "train.json: augmentation.steps[0]: unknown key \"sigma\" (known keys: probability,"
            + " sigma_max, sigma_min, type)",
        error("{\"augmentation\": {\"steps\": [{\"type\": \"gaussian_blur\", \"sigma\": 1}]}}"));
    assertTrue(
        error("{\"epochs\": 3,\n\"seed\": }").startsWith("train.json: line 2: not valid JSON"));
  }

  @Test
  void fileRoundTripsAndErrorsNameTheFile(@TempDir Path dir) throws IOException {
    SimclrTrainConfig c =
        SimclrTrainConfig.paper(3).withSmallStem(true).withImageSize(48).withWorkers(2);
    c =
        new SimclrTrainConfig(
            c.epochs(),
            c.batchSize(),
            c.imageSize(),
            c.learningRate(),
            c.warmupEpochs(),
            0.01,
            0.2,
            c.seed(),
            c.smallStem(),
            AugmentationPipeline.banner(),
            PreprocessConfig.paper().withMaxInvalidFraction(0.1),
            c.workers(),
            c.checkpointEvery(),
            c.keepLast(),
            c.valK());
    Path file = dir.resolve("run/config.json");
    Json.write(file, c);
    assertEquals(c, Json.read(file, SimclrTrainConfig.class));
    assertTrue(Files.readString(file).contains("\"small_stem\" : true"));

    Files.writeString(file, "{\"epochs\": 0}");
    assertEquals(
        file + ": epochs must be >= 1, got 0",
        assertThrows(BadInputException.class, () -> Json.read(file, SimclrTrainConfig.class))
            .getMessage());
  }

  /** A file written by an earlier version (every key, the augmentation in full) still reads. */
  @Test
  void readsTheFormEarlierVersionsWrote() {
    String old =
        """
        {
          "epochs" : 2,
          "batch_size" : 8,
          "image_size" : 32,
          "learning_rate" : 0.001,
          "warmup_epochs" : 0,
          "weight_decay" : 0.0,
          "temperature" : 0.1,
          "seed" : 5,
          "small_stem" : null,
          "augmentation" : {
            "steps" : [ {
              "type" : "random_crop_resize",
              "probability" : 1.0,
              "min_fraction" : 0.8,
              "max_fraction" : 1.0
            }, {
              "type" : "rotate90",
              "probability" : 0.5
            } ]
          },
          "preprocess" : null,
          "workers" : 1,
          "checkpoint_every" : 1,
          "keep_last" : 3,
          "val_k" : 20
        }
        """;
    SimclrTrainConfig c = Json.parse(old, SOURCE, SimclrTrainConfig.class);
    assertEquals(
        new AugmentationPipeline(
            List.of(
                AugmentationStep.paper(RandomCropResize.PAPER),
                AugmentationStep.paper(new Rotate90()))),
        c.augmentation());
    assertEquals(8, c.batchSize());
    assertNull(c.preprocess());
  }

  private static String error(String json) {
    return assertThrows(
            BadInputException.class, () -> Json.parse(json, SOURCE, SimclrTrainConfig.class))
        .getMessage();
  }
}
