package org.radioclr.classify.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.classify.Classes;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Json;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.nn.model.ResNet18Config;

class ClassifierSpecTest {
  private static final Classes CLASSES = new Classes(List.of("FRI", "FRII"), List.of(1, 2));

  @Test
  void roundTripsWithAndWithoutPreprocessing(@TempDir Path dir) {
    ClassifierSpec paper = new ClassifierSpec(EncoderShape.of(64, null), CLASSES, false, "run1");
    Json.write(dir.resolve("a.json"), paper);
    assertEquals(paper, ClassifierSpec.read(dir.resolve("a.json")));

    PreprocessConfig custom = PreprocessConfig.paper().withMaxInvalidFraction(0.5);
    ClassifierSpec other =
        new ClassifierSpec(
            new EncoderShape(ResNet18Config.encoder(false), 96, custom), CLASSES, true, "scratch");
    Json.write(dir.resolve("b.json"), other);
    ClassifierSpec back = ClassifierSpec.read(dir.resolve("b.json"));
    assertEquals(other.shape().encoder(), back.shape().encoder());
    assertEquals(other.shape().effectivePreprocess(), back.shape().effectivePreprocess());
    assertTrue(back.multiLabel());
    assertEquals(CLASSES, back.classes());
  }

  @Test
  void badFilesGetOneClearError(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("nothing.json");
    BadInputException e = assertThrows(BadInputException.class, () -> ClassifierSpec.read(missing));
    assertTrue(e.getMessage().contains("no classifier description"), e.getMessage());

    Path unknown = dir.resolve("unknown.json");
    Files.writeString(unknown, "{\"encoder\": {}, \"colour\": 1}");
    e = assertThrows(BadInputException.class, () -> ClassifierSpec.read(unknown));
    assertTrue(
        e.getMessage().startsWith(unknown + ": unknown key \"colour\" (known keys: classes, "),
        e.getMessage());

    Path noClasses = dir.resolve("noclasses.json");
    Files.writeString(
        noClasses,
        "{\"encoder\": {\"input_channels\": 3, \"small_input_stem\": true}, \"image_size\": 32,"
            + " \"multi_label\": false}");
    e = assertThrows(BadInputException.class, () -> ClassifierSpec.read(noClasses));
    assertEquals(noClasses + ": missing \"classes\"", e.getMessage());

    Path badId = dir.resolve("badid.json");
    Files.writeString(
        badId,
        "{\"encoder\": {}, \"image_size\": 32, \"preprocess\": null, \"classes\": [{\"id\": \"one\","
            + " \"label\": \"FRI\"}], \"multi_label\": false, \"init\": \"x\"}");
    e = assertThrows(BadInputException.class, () -> ClassifierSpec.read(badId));
    assertEquals(badId + ": classes[0]: \"id\" must be a number, got \"one\"", e.getMessage());
  }

  /** classifier.json as earlier versions wrote it (no "num_classes" in the encoder) still reads. */
  @Test
  void readsTheFormEarlierVersionsWrote(@TempDir Path dir) throws IOException {
    Path old = dir.resolve("classifier.json");
    Files.writeString(
        old,
        """
        {
          "encoder" : {
            "input_channels" : 3,
            "small_input_stem" : true
          },
          "image_size" : 64,
          "preprocess" : null,
          "classes" : [ {
            "id" : 1,
            "label" : "FRI"
          }, {
            "id" : 2,
            "label" : "FRII"
          } ],
          "multi_label" : false,
          "init" : "run1"
        }
        """);
    assertEquals(
        new ClassifierSpec(EncoderShape.of(64, true), CLASSES, false, "run1"),
        ClassifierSpec.read(old));
  }

  @Test
  void trainConfigRoundTripsWithItsMode(@TempDir Path dir) throws IOException {
    ClassifierTrainConfig c = ClassifierTrainConfig.finetune().withEpochs(7).withWorkers(2);
    Path file = dir.resolve(ClassifierTrainConfig.FILE_NAME);
    Json.write(file, c);
    String text = Files.readString(file);
    assertTrue(text.startsWith("{\n  \"mode\" : \"finetune\",\n  \"epochs\" : 7,"), text);
    assertEquals(c, Json.read(file, ClassifierTrainConfig.class));
    assertEquals(
        List.of(
            "mode",
            "epochs",
            "batch_size",
            "learning_rate",
            "weight_decay",
            "seed",
            "frozen_encoder",
            "augment",
            "workers"),
        List.copyOf(Json.toMap(c).keySet()));
    Files.writeString(file, text.replace("\"batch_size\" : 32", "\"batch_size\" : 1"));
    assertEquals(
        file + ": batch size must be >= 2, got 1",
        assertThrows(BadInputException.class, () -> Json.read(file, ClassifierTrainConfig.class))
            .getMessage());
  }
}
