package org.radioclr.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.Records;

class JsonTest {
  /** A configuration with defaults, a nested record and a list. */
  record Settings(
      int epochs, double temperature, Boolean smallStem, Head head, List<Integer> topK) {
    Settings {
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
      }
      Objects.requireNonNull(head, "head");
      topK = List.copyOf(topK);
    }

    @Json.Defaults
    static Settings defaults() {
      return new Settings(100, 0.1, null, new Head(512, "relu"), List.of(2, 5));
    }
  }

  /** A record without defaults: every key but the nullable ones is needed. */
  record Head(int inputDim, String activation) {}

  private static final Path SRC = Path.of("settings.json");

  @Test
  void roundTripsThroughAFileAtomicallyInSnakeCase(@TempDir Path dir) throws IOException {
    Settings s = new Settings(3, 0.5, true, new Head(64, null), List.of(1));
    Path file = dir.resolve("sub/settings.json");
    Json.write(file, s);
    assertEquals(s, Json.read(file, Settings.class));
    String text = Files.readString(file);
    assertTrue(text.contains("\"small_stem\" : true"), text);
    assertTrue(text.contains("\"input_dim\" : 64"), text);
    assertTrue(text.contains("\"activation\" : null"), text);
    assertTrue(text.endsWith("}\n"), text);
    try (var files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList()); // no temporary file left
    }
    assertEquals(
        List.of("epochs", "temperature", "small_stem", "head", "top_k"),
        List.copyOf(Json.toMap(s).keySet()));
  }

  @Test
  void missingKeysTakeTheDefaults() {
    assertEquals(Settings.defaults(), Json.parse("{}", SRC, Settings.class));
    assertEquals(
        Records.with(Settings.defaults(), "epochs", 7),
        Json.parse("{\"epochs\": 7}", SRC, Settings.class));
  }

  @Test
  void unknownKeyIsNamedWithTheFileAndTheKnownKeys() {
    assertEquals(
        "settings.json: unknown key \"tempreature\" (known keys: epochs, head, small_stem,"
            + " temperature, top_k)",
        error("{\"tempreature\": 0.2}"));
    assertEquals(
        "settings.json: head: unknown key \"input_dims\" (known keys: activation, input_dim)",
        error("{\"head\": {\"input_dims\": 3}}"));
  }

  @Test
  void unknownKeyIsReportedBeforeAMissingOne() {
    // Jackson alone would build the object first and complain about "input_dim"
    assertEquals(
        "settings.json: head: unknown key \"inputdim\" (known keys: activation, input_dim)",
        error("{\"head\": {\"inputdim\": 3, \"activation\": \"relu\"}}"));
  }

  @Test
  void wrongTypesNameTheKeyAndTheValue() {
    assertEquals(
        "settings.json: \"epochs\" must be a number, got \"ten\"", error("{\"epochs\": \"ten\"}"));
    assertEquals(
        "settings.json: \"epochs\" must be a whole number, got 1.5", error("{\"epochs\": 1.5}"));
    assertEquals(
        "settings.json: \"epochs\" must be a number, got null", error("{\"epochs\": null}"));
    assertEquals(
        "settings.json: \"epochs\" must be a number, got a list", error("{\"epochs\": [1]}"));
    assertEquals(
        "settings.json: \"temperature\" must be a number, got an object",
        error("{\"temperature\": {}}"));
    assertEquals(
        "settings.json: \"small_stem\" must be true or false, got 1", error("{\"small_stem\": 1}"));
    assertEquals(
        "settings.json: head: \"activation\" must be a string, got 3",
        error("{\"head\": {\"input_dim\": 1, \"activation\": 3}}"));
    assertEquals(
        "settings.json: \"top_k[1]\" must be a number, got \"x\"",
        error("{\"top_k\": [1, \"x\"]}"));
    assertEquals(
        "settings.json: \"top_k[0]\" must be a number, got null", error("{\"top_k\": [null]}"));
    assertEquals("settings.json: \"head\" must be an object, got 5", error("{\"head\": 5}"));
  }

  @Test
  void missingValuesAreNamed() {
    assertEquals(
        "settings.json: head: missing key \"input_dim\"",
        error("{\"head\": {\"activation\": \"x\"}}"));
    assertEquals("settings.json: missing \"head\"", error("{\"head\": null}"));
  }

  @Test
  void validationErrorsNameTheFile(@TempDir Path dir) throws IOException {
    assertEquals("settings.json: epochs must be >= 1, got 0", error("{\"epochs\": 0}"));
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"epochs\": -2}");
    assertEquals(
        file + ": epochs must be >= 1, got -2",
        assertThrows(BadInputException.class, () -> Json.read(file, Settings.class)).getMessage());
  }

  @Test
  void notJsonNamesTheLine(@TempDir Path dir) {
    assertTrue(
        error("{\n  \"epochs\": 3,\n  \"temperature\": }")
            .startsWith("settings.json: line 3: not valid JSON ("),
        error("{\n  \"epochs\": 3,\n  \"temperature\": }"));
    assertTrue(error("{\"top_k\": [1,").startsWith("settings.json: line 1: not valid JSON ("));
    assertTrue(error("{} {}").startsWith("settings.json: "), error("{} {}"));
    assertEquals("settings.json: empty file (expected a JSON object)", error(" \n"));
    assertEquals("settings.json: null (expected a JSON object)", error("null"));
    Path missing = dir.resolve("none.json");
    assertEquals(
        missing + ": file not found",
        assertThrows(BadInputException.class, () -> Json.read(missing, Settings.class))
            .getMessage());
  }

  @Test
  void recordCopiesGoThroughTheValidatingConstructor() {
    Settings s = Settings.defaults();
    assertEquals(new Settings(5, 0.1, null, s.head(), s.topK()), Records.with(s, "epochs", 5));
    assertEquals(
        new Settings(5, 0.3, null, s.head(), s.topK()),
        Records.with(s, "epochs", 5, "temperature", 0.3));
    assertEquals(
        "epochs must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> Records.with(s, "epochs", 0))
            .getMessage());
  }

  @Test
  void provenanceWritesRecordsAsJsonDoes(@TempDir Path dir) throws IOException {
    new Provenance("test").put("settings", Settings.defaults()).writeTo(dir);
    String text = Files.readString(dir.resolve("provenance.json"));
    assertTrue(text.contains("\"small_stem\" : null"), text);
    assertTrue(text.contains("\"top_k\" : [ 2, 5 ]"), text);
  }

  private static String error(String json) {
    return assertThrows(BadInputException.class, () -> Json.parse(json, SRC, Settings.class))
        .getMessage();
  }
}
