package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.radioclr.core.preprocess.Cube;

class AugmentBenchmarkTest {

  @Test
  void countsViews() {
    Cube c = TestCubes.random(3, 16, 16, 1);
    AugmentBenchmark.Result r =
        AugmentBenchmark.run(c, AugmentationPipeline.hulk(), Duration.ZERO, Duration.ofMillis(50));
    assertTrue(r.views() > 0);
    assertTrue(r.seconds() >= 0.05);
    assertEquals(r.views() / r.seconds(), r.viewsPerSecond(), 1e-9);
  }

  @Test
  void rejectsBadDurations() {
    Cube c = TestCubes.random(3, 4, 4, 1);
    AugmentationPipeline p = AugmentationPipeline.hulk();
    assertThrows(
        IllegalArgumentException.class,
        () -> AugmentBenchmark.run(c, p, Duration.ofSeconds(-1), Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> AugmentBenchmark.run(c, p, Duration.ZERO, Duration.ZERO));
  }
}
