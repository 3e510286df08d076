package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Json;

class AugmentationPipelineJsonTest {
  private static final Path SRC = Path.of("aug.json");

  private static String error(String json) {
    return assertThrows(
            BadInputException.class, () -> Json.parse(json, SRC, AugmentationPipeline.class))
        .getMessage();
  }

  @Test
  void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
    AugmentationPipeline custom =
        new AugmentationPipeline(
            List.of(
                new AugmentationStep(new RandomCropResize(0.6, 0.9), 0.7),
                new AugmentationStep(new ColorJitter(0.1, 0.2, 0.3, 0.4, 1.0), 0.25),
                new AugmentationStep(new VerticalFlip(), 0.5),
                new AugmentationStep(new HorizontalFlip(), 0.5),
                new AugmentationStep(new Rotate90(), 1.0),
                new AugmentationStep(new GaussianBlur(0.5, 0.5), 0.0),
                new AugmentationStep(new RandomThreshold(10, 20), 0.3)));
    Path file = dir.resolve("sub/aug.json");
    Json.write(file, custom);
    assertEquals(custom, Json.read(file, AugmentationPipeline.class));
    String text = Files.readString(file);
    assertTrue(text.contains("\"type\" : \"random_threshold\""), text);
    assertTrue(text.contains("\"percentile_min\" : 10.0"), text);
  }

  @Test
  void presetsAndTheirFullFormParseToThePaperTables() {
    assertEquals(AugmentationPipeline.hulk(), Json.parse("{}", SRC, AugmentationPipeline.class));
    assertEquals(
        AugmentationPipeline.banner(),
        Json.parse("{\"preset\": \"banner\"}", SRC, AugmentationPipeline.class));
    for (AugmentationPipeline p :
        List.of(AugmentationPipeline.hulk(), AugmentationPipeline.banner())) {
      assertEquals(p, Json.parse(Json.toJson(p), SRC, AugmentationPipeline.class));
    }
    assertEquals(
        new AugmentationPipeline(List.of()),
        Json.parse("{\"steps\": []}", SRC, AugmentationPipeline.class));
  }

  @Test
  void missingKeysTakeThePaperValues() {
    AugmentationPipeline p =
        Json.parse(
            """
            {"steps": [{"type": "color_jitter", "strength": 1.0},
                       {"type": "rotate90"},
                       {"type": "random_crop_resize", "min_fraction": 0.9, "probability": 0.4}]}
            """,
            SRC,
            AugmentationPipeline.class);
    assertEquals(
        List.of(
            new AugmentationStep(new ColorJitter(0.8, 0.8, 0.8, 0.2, 1.0), 0.8),
            new AugmentationStep(new Rotate90(), 0.5),
            new AugmentationStep(new RandomCropResize(0.9, 1.0), 0.4)),
        p.steps());
  }

  @Test
  void unknownKeyIsNamedWithItsPlace() {
    String m =
        error(
            "{\"steps\": [{\"type\": \"rotate90\"}, {\"type\": \"gaussian_blur\", \"sigma\": 2}]}");
    assertEquals(
        "aug.json: steps[1]: unknown key \"sigma\" (known keys: probability, sigma_max, sigma_min,"
            + " type)",
        m);
    assertEquals(
        "aug.json: unknown key \"step\" (known keys: preset, steps)", error("{\"step\": []}"));
  }

  @Test
  void unknownOrMissingTypeIsNamed() {
    String m = error("{\"steps\": [{\"type\": \"solarize\"}]}");
    assertTrue(m.startsWith("aug.json: steps[0]: unknown type \"solarize\" (known types: "), m);
    assertTrue(m.contains("random_threshold"), m);
    m = error("{\"steps\": [{\"probability\": 0.5}]}");
    assertTrue(m.startsWith("aug.json: steps[0]: missing key \"type\""), m);
  }

  @Test
  void invalidValuesNameTheStep() {
    String m =
        error(
            "{\"steps\": [{\"type\": \"rotate90\"}, {\"type\": \"vertical_flip\", \"probability\": 1.5}]}");
    assertTrue(m.contains("steps[1]") && m.contains("probability") && m.contains("1.5"), m);
    m = error("{\"steps\": [{\"type\": \"random_threshold\", \"percentile_min\": 70}]}");
    assertTrue(m.contains("steps[0]") && m.contains("percentile_max"), m);
    m = error("{\"steps\": [{\"type\": \"gaussian_blur\", \"sigma_min\": \"big\"}]}");
    assertEquals("aug.json: steps[0]: \"sigma_min\" must be a number, got \"big\"", m);
    m = error("{\"steps\": [{\"type\": \"rotate90\", \"probability\": \"often\"}]}");
    assertEquals("aug.json: steps[0]: \"probability\" must be a number, got \"often\"", m);
    m = error("{\"steps\": [null]}");
    assertEquals("aug.json: \"steps[0]\" must be an object, got null", m);
  }

  @Test
  void presetErrors() {
    String m = error("{\"preset\": \"hulk\", \"steps\": []}");
    assertTrue(m.contains("either \"preset\" or \"steps\""), m);
    m = error("{\"preset\": \"rgz\"}");
    assertTrue(m.contains("unknown augmentation preset 'rgz'"), m);
  }

  @Test
  void notJsonEmptyOrMissing(@TempDir Path dir) {
    String m = error("{\"steps\": [");
    assertTrue(m.startsWith("aug.json: line 1: not valid JSON ("), m);
    m = error("");
    assertTrue(m.contains("empty"), m);
    m = error("{} {}");
    assertTrue(m.contains("aug.json"), m);
    Path missing = dir.resolve("none.json");
    BadInputException e =
        assertThrows(BadInputException.class, () -> Json.read(missing, AugmentationPipeline.class));
    assertTrue(e.getMessage().contains("not found"), e.getMessage());
  }
}
