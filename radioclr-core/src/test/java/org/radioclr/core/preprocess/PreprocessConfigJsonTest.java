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
    PreprocessConfigJson.write(custom, file);
    assertEquals(custom, PreprocessConfigJson.read(file));
    assertTrue(Files.readString(file).contains("\"sigma_lower\" : 3.0"));
  }

  @Test
  void emptyObjectIsThePaperConfiguration() {
    assertEquals(PreprocessConfig.paper(), PreprocessConfigJson.parse("{}", SRC));
    assertEquals(
        PreprocessConfig.paper(),
        PreprocessConfigJson.parse(PreprocessConfigJson.toJson(PreprocessConfig.paper()), SRC));
  }

  @Test
  void missingKeysTakeDefaults() {
    PreprocessConfig c =
        PreprocessConfigJson.parse(
            """
            {"resize": false,
             "channels": [{"stages": [{"type": "zscale", "contrast": 0.4}, {"type": "minmax"}]}]}
            """,
            SRC);
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
                PreprocessConfigJson.parse(
                    "{\"channels\": [{\"stages\": [{\"type\": \"zscale\", \"contrsat\": 0.3}]}]}",
                    SRC));
    assertTrue(
        e.getMessage().startsWith("pre.json: unknown key 'contrsat' in channels[0].stages[0]"),
        e.getMessage());
    assertTrue(e.getMessage().contains("contrast"), e.getMessage());

    BadInputException top =
        assertThrows(
            BadInputException.class, () -> PreprocessConfigJson.parse("{\"size\": 3}", SRC));
    assertTrue(top.getMessage().startsWith("pre.json: unknown key 'size' (known keys:"));
  }

  @Test
  void unknownOrMissingStageType() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                PreprocessConfigJson.parse(
                    "{\"channels\": [{\"stages\": [{\"type\": \"asinh\"}]}]}", SRC));
    assertTrue(e.getMessage().contains("unknown stage type 'asinh'"), e.getMessage());
    BadInputException missing =
        assertThrows(
            BadInputException.class,
            () -> PreprocessConfigJson.parse("{\"channels\": [{\"stages\": [{}]}]}", SRC));
    assertTrue(missing.getMessage().contains("stage without a \"type\""), missing.getMessage());
  }

  @Test
  void invalidValuesAreReportedWithThePlace() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                PreprocessConfigJson.parse(
                    "{\"channels\": [{\"stages\": [{\"type\": \"zscale\", \"contrast\": 1.5}]}]}",
                    SRC));
    assertEquals(
        "pre.json: invalid configuration: channels[0].stages[0]: contrast must be in (0,1], got"
            + " 1.5",
        e.getMessage());
    BadInputException frac =
        assertThrows(
            BadInputException.class,
            () -> PreprocessConfigJson.parse("{\"max_invalid_fraction\": 2}", SRC));
    assertTrue(frac.getMessage().contains("max_invalid_fraction must be in [0,1)"));
    BadInputException type =
        assertThrows(
            BadInputException.class,
            () -> PreprocessConfigJson.parse("{\"output_width\": \"big\"}", SRC));
    assertTrue(type.getMessage().contains("output_width"), type.getMessage());
  }

  @Test
  void notJsonAndMissingFile(@TempDir Path dir) {
    BadInputException e =
        assertThrows(BadInputException.class, () -> PreprocessConfigJson.parse("{\"a\": ", SRC));
    assertTrue(e.getMessage().startsWith("pre.json: not valid JSON at line 1"), e.getMessage());
    BadInputException empty =
        assertThrows(BadInputException.class, () -> PreprocessConfigJson.parse("", SRC));
    assertTrue(empty.getMessage().startsWith("pre.json: "), empty.getMessage());
    Path missing = dir.resolve("none.json");
    BadInputException m =
        assertThrows(BadInputException.class, () -> PreprocessConfigJson.read(missing));
    assertEquals(missing + ": configuration file not found", m.getMessage());
  }

  @Test
  void jsonCutOffInsideAListIsOneReadableLine() {
    org.radioclr.core.BadInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.radioclr.core.BadInputException.class,
            () -> PreprocessConfigJson.parse("{\"channels\": [", java.nio.file.Path.of("c.json")));
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().startsWith("c.json: not valid JSON at line 1"), e.getMessage());
    org.junit.jupiter.api.Assertions.assertFalse(
        e.getMessage().contains("REDACTED"), e.getMessage());
  }
}
