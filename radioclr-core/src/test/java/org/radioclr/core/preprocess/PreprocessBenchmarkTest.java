package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.image.Plane;

class PreprocessBenchmarkTest {

  private static Plane image(long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    float[] d = new float[64 * 64];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) r.nextGaussian();
    }
    return new Plane(64, 64, d);
  }

  @Test
  void countsProcessedCutouts() {
    PreprocessBenchmark.Result r =
        PreprocessBenchmark.run(
            List.of(image(1), image(2)),
            PreprocessConfig.paper(),
            2,
            Duration.ofMillis(20),
            Duration.ofMillis(200));
    assertEquals(2, r.threads());
    assertTrue(r.cutouts() > 0, "processed " + r.cutouts());
    assertEquals(r.cutouts() / r.seconds(), r.cutoutsPerSecond(), 1e-9);
    assertTrue(PreprocessBenchmark.run(List.of(image(3)), 1, Duration.ofMillis(100)) > 0);
  }

  @Test
  void reportsFailuresAndBadArguments() {
    Plane blank = Plane.zeros(8, 8);
    RadioclrException e =
        assertThrows(
            RadioclrException.class,
            () ->
                PreprocessBenchmark.run(
                    List.of(blank),
                    PreprocessConfig.paper(),
                    1,
                    Duration.ZERO,
                    Duration.ofMillis(50)));
    assertTrue(e.getMessage().contains("all pixels are blank or NaN"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> PreprocessBenchmark.run(List.of(), 1, Duration.ofMillis(10)));
    assertThrows(
        IllegalArgumentException.class,
        () -> PreprocessBenchmark.run(List.of(image(1)), 0, Duration.ofMillis(10)));
  }
}
