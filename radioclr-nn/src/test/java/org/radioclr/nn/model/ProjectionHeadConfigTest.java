package org.radioclr.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProjectionHeadConfigTest {
  @Test
  void paperSizes() {
    assertEquals(new ProjectionHeadConfig(512, 256, 128), ProjectionHeadConfig.paper());
  }

  @Test
  void rejectsNonPositiveSizesNamingThem() {
    assertEquals(
        "inputDim must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> new ProjectionHeadConfig(0, 256, 128))
            .getMessage());
    assertEquals(
        "hiddenDim must be >= 1, got -3",
        assertThrows(IllegalArgumentException.class, () -> new ProjectionHeadConfig(512, -3, 128))
            .getMessage());
    assertEquals(
        "outputDim must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> new ProjectionHeadConfig(512, 256, 0))
            .getMessage());
  }
}
