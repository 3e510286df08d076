package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AugmentationStepTest {

  @Test
  void paperStepTakesTheTableProbability() {
    assertEquals(0.5, AugmentationStep.paper(new Rotate90()).probability());
    assertEquals(0.1, AugmentationStep.paper(GaussianBlur.PAPER).probability());
  }

  @Test
  void validatesProbability() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new AugmentationStep(new Rotate90(), 1.5));
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new AugmentationStep(new Rotate90(), -0.1));
    assertThrows(
        IllegalArgumentException.class, () -> new AugmentationStep(new Rotate90(), Double.NaN));
    assertThrows(NullPointerException.class, () -> new AugmentationStep(null, 0.5));
  }
}
