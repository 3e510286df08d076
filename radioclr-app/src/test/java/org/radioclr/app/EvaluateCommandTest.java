package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  @TempDir Path dir;

  @Test
  void aBadSplitCountIsAUsageErrorNamingTheOption() {
    CliRun r =
        CliRun.of(
            "evaluate",
            "--encoder",
            dir.toString(),
            "--labelled",
            dir.resolve("l.json").toString(),
            "--splits",
            "0",
            "--out",
            dir.resolve("r").toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(
        "radioclr evaluate: --splits must be >= 1, got 0; see 'radioclr evaluate --help'",
        r.err().strip());
  }

  @Test
  void aWeightsFileWithoutImageSizeIsAUsageError() {
    CliRun r =
        CliRun.of(
            "evaluate",
            "--encoder",
            dir.resolve("w.safetensors").toString(),
            "--labelled",
            dir.resolve("l.json").toString(),
            "--out",
            dir.resolve("r").toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(
        "radioclr evaluate: a .safetensors --encoder needs --image-size; see 'radioclr evaluate"
            + " --help'",
        r.err().strip());
  }

  @Test
  void aMissingDatalistIsOneLineNamingIt() {
    Path missing = dir.resolve("missing.json");
    CliRun r =
        CliRun.of(
            "evaluate",
            "--encoder",
            dir.resolve("run").toString(),
            "--labelled",
            missing.toString(),
            "--out",
            dir.resolve("r").toString());
    assertEquals(1, r.exitCode(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains(missing.toString()), r.err());
    assertFalse(r.err().contains("at org."), r.err());
  }
}
