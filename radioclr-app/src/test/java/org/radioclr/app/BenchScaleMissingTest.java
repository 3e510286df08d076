package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchScaleMissingTest {
  @Test
  void withoutTheSparkModuleBenchScaleSaysWhatItNeedsInOneLine() {
    CliRun r = CliRun.of("bench", "scale", "--frames", "64", "--cores", "1,2");
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("needs the radioclr-spark module"), r.err());
    assertTrue(r.err().contains("./radioclr bench scale"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals("", r.out());

    CliRun help = CliRun.of("bench", "scale", "--help");
    assertEquals(0, help.exitCode(), help.err());
    assertTrue(help.out().contains("Needs the radioclr-spark module"), help.out());
  }
}
