package org.radioclr.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SourcePositionTest {
  @Test
  void skyRangesAreChecked() {
    assertEquals(359.5, new SourcePosition.Sky(359.5, -90).lonDeg());
    assertThrows(IllegalArgumentException.class, () -> new SourcePosition.Sky(360, 0));
    assertThrows(IllegalArgumentException.class, () -> new SourcePosition.Sky(-0.1, 0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SourcePosition.Sky(1, 90.5));
    assertEquals("latitude must be in [-90, 90] deg, got 90.5", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SourcePosition.Sky(Double.NaN, 0));
  }

  @Test
  void pixelMustBeFinite() {
    assertEquals(-0.5, new SourcePosition.Pixel(-0.5, 3).x());
    assertThrows(IllegalArgumentException.class, () -> new SourcePosition.Pixel(1, Double.NaN));
  }
}
