package org.radioclr.core.preprocess;

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

class PreprocessConfigJsonTest {
  private static final Path SRC = Path.of("pre.json");

  @Test
  void roundTripsThroughAFile(@TempDir Path dir) throws Exception {
    PreprocessConfig custom =
        PreprocessConfig.paper()
            .withOutputSize(128, 64)
            .withMaxInvalidFraction(0.1)
            .withChannels(
                List.of(
                    ChannelRecipe.of("clip", new SigmaClipStage(3, 4.5, 7), new MinMaxStage()),
                    ChannelRecipe.of("z", new ZScaleStage(500, 0.3, 0.4, 6, 2.0, 3))));
    Path file = dir.resolve("sub/config.json");
    Json.write(file, custom);
    assertEquals(custom, Json.read(file, PreprocessConfig.class));
    assertTrue(Files.readString(file).contains("\"sigma_lower\" : 3.0"));
  }

  @Test
  void emptyObjectIsThePaperConfiguration() {
    assertEquals(PreprocessConfig.paper(), Json.parse("{}", SRC, PreprocessConfig.class));
    assertEquals(
        PreprocessConfig.paper(),
        Json.parse(Json.toJson(PreprocessConfig.paper()), SRC, PreprocessConfig.class));
  }

  /** docs/preprocess-config.md shows the paper's recipe exactly as it is written. */
  @Test
  void theDocumentedFormIsWhatIsWritten() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "preprocess-config.md"));
    int start = doc.indexOf("```json\n") + "```json\n".length();
    String block = doc.substring(start, doc.indexOf("```", start));
    assertEquals(Json.toJson(PreprocessConfig.paper()), block);
    assertEquals(PreprocessConfig.paper(), Json.parse(block, SRC, PreprocessConfig.class));
  }

  @Test
  void missingKeysTakeDefaults() {
    PreprocessConfig c =
        Json.parse(
            """
            {"resize": false,
             "channels": [{"stages": [{"type": "zscale", "contrast": 0.4}, {"type": "minmax"}]}]}
            """,
            SRC,
            PreprocessConfig.class);
    assertEquals(false, c.resize());
    assertEquals(224, c.outputWidth());
    assertEquals("channel1", c.channels().get(0).name());
    assertEquals(
        List.of(ZScaleStage.withContrast(0.4), new MinMaxStage()), c.channels().get(0).stages());
  }

  @Test
  void unknownKeyIsNamedWithItsPlace() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                Json.parse(
                    "{\"channels\": [{\"stages\": [{\"type\": \"zscale\", \"contrsat\": 0.3}]}]}",
                    SRC,
                    PreprocessConfig.class));
    assertTrue(
        e.getMessage()
            .startsWith("pre.json: channels[0].stages[0]: unknown key \"contrsat\" (known keys: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("contrast, krej"), e.getMessage());
    assertTrue(e.getMessage().contains("type"), e.getMessage());

    BadInputException top =
        assertThrows(
            BadInputException.class,
            () -> Json.parse("{\"size\": 3}", SRC, PreprocessConfig.class));
    assertEquals(
        "pre.json: unknown key \"size\" (known keys: channels, framing, max_invalid_fraction,"
            + " output_height, output_width, resize)",
        top.getMessage());
  }

  @Test
  void unknownOrMissingStageType() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                Json.parse(
                    "{\"channels\": [{\"stages\": [{\"type\": \"sqrt\"}]}]}",
                    SRC,
                    PreprocessConfig.class));
    assertEquals(
        "pre.json: channels[0].stages[0]: unknown type \"sqrt\" (known types: asinh, log, minmax,"
            + " noise_floor, percentile, sigma_clip, snr, zscale)",
        e.getMessage());
    BadInputException missing =
        assertThrows(
            BadInputException.class,
            () -> Json.parse("{\"channels\": [{\"stages\": [{}]}]}", SRC, PreprocessConfig.class));
    assertTrue(
        missing.getMessage().startsWith("pre.json: channels[0].stages[0]: missing key \"type\""),
        missing.getMessage());
  }

  @Test
  void invalidValuesAreReportedWithThePlace() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                Json.parse(
                    "{\"channels\": [{\"stages\": [{\"type\": \"zscale\", \"contrast\": 1.5}]}]}",
                    SRC,
                    PreprocessConfig.class));
    assertEquals(
        "pre.json: channels[0].stages[0]: contrast must be in (0,1], got 1.5", e.getMessage());
    BadInputException frac =
        assertThrows(
            BadInputException.class,
            () -> Json.parse("{\"max_invalid_fraction\": 2}", SRC, PreprocessConfig.class));
    assertEquals("pre.json: max_invalid_fraction must be in [0,1), got 2.0", frac.getMessage());
    BadInputException type =
        assertThrows(
            BadInputException.class,
            () -> Json.parse("{\"output_width\": \"big\"}", SRC, PreprocessConfig.class));
    assertEquals("pre.json: \"output_width\" must be a number, got \"big\"", type.getMessage());
  }

  @Test
  void notJsonAndMissingFile(@TempDir Path dir) {
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> Json.parse("{\"a\": ", SRC, PreprocessConfig.class));
    assertTrue(e.getMessage().startsWith("pre.json: line 1: not valid JSON ("), e.getMessage());
    BadInputException empty =
        assertThrows(BadInputException.class, () -> Json.parse("", SRC, PreprocessConfig.class));
    assertTrue(empty.getMessage().startsWith("pre.json: "), empty.getMessage());
    Path missing = dir.resolve("none.json");
    BadInputException m =
        assertThrows(BadInputException.class, () -> Json.read(missing, PreprocessConfig.class));
    assertEquals(missing + ": file not found", m.getMessage());
  }

  @Test
  void jsonCutOffInsideAListIsOneReadableLine() {
    org.radioclr.core.BadInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.radioclr.core.BadInputException.class,
            () ->
                Json.parse(
                    "{\"channels\": [", java.nio.file.Path.of("c.json"), PreprocessConfig.class));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().startsWith("c.json: line 1: not valid JSON ("), e.getMessage());
    org.junit.jupiter.api.Assertions.assertFalse(
        e.getMessage().contains("REDACTED"), e.getMessage());
  }
}
