package org.radioclr.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchScaleCommandTest {
  @Test
  void benchScaleIsTheSparkBenchmarkWhenTheModuleIsThere() {
    CliRun help = CliRun.of("bench", "scale", "--help");
    assertEquals(0, help.code(), help.err());
    assertTrue(help.out().contains("local[1], local[2]"), help.out());
    assertFalse(help.out().contains("Needs the radioclr-spark module"), help.out());
    assertEquals(2, CliRun.of("spark", "bench").code(), "no spark bench: it is bench scale now");
  }

  @Test
  void aShortRunPrintsPlainAndSparkRatesAndTheCoreHours() {
    CliRun r =
        CliRun.of(
            "bench",
            "scale",
            "--frames",
            "8",
            "--cores",
            "1",
            "--repeats",
            "1",
            "--image-size",
            "32",
            "--batch",
            "4");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("plain ")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("spark local[1] ")), r.out());
    assertTrue(r.out().contains("core-hours: hulk_smgps (178,057 frames)"), r.out());
  }
}
