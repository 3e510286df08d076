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
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.nn.model.ResNet18Config;

class ClassifierSpecTest {
  private static final Classes CLASSES = new Classes(List.of("FRI", "FRII"), List.of(1, 2));

  @Test
  void roundTripsWithAndWithoutPreprocessing(@TempDir Path dir) {
    ClassifierSpec paper = new ClassifierSpec(EncoderShape.of(64, null), CLASSES, false, "run1");
    paper.write(dir.resolve("a.json"));
    assertEquals(paper, ClassifierSpec.read(dir.resolve("a.json")));

    PreprocessConfig custom = PreprocessConfig.paper().withMaxInvalidFraction(0.5);
    ClassifierSpec other =
        new ClassifierSpec(
            new EncoderShape(ResNet18Config.encoder(false), 96, custom), CLASSES, true, "scratch");
    other.write(dir.resolve("b.json"));
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
    assertTrue(e.getMessage().contains("unknown key \"colour\""), e.getMessage());

    Path noClasses = dir.resolve("noclasses.json");
    Files.writeString(
        noClasses,
        "{\"encoder\": {\"input_channels\": 3, \"small_input_stem\": true}, \"image_size\": 32,"
            + " \"multi_label\": false}");
    e = assertThrows(BadInputException.class, () -> ClassifierSpec.read(noClasses));
    assertTrue(e.getMessage().contains("missing \"classes\""), e.getMessage());
  }
}
