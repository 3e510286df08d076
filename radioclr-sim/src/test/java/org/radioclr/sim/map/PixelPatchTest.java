package org.radioclr.sim.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PixelPatchTest {

  @Test
  void addsItsClippedPartOfABand() {
    // 3 x 2 patch at (-1, 4): columns -1..1, rows 4..5
    PixelPatch p = new PixelPatch(-1, 4, 3, 2, new float[] {1, 2, 3, 4, 5, 6});
    assertEquals(4, p.yMin());
    assertEquals(5, p.yMax());
    float[] band = new float[2 * 4]; // rows 5..6 of a 4-wide map
    p.addTo(band, 5, 2, 4);
    assertArrayEquals(new float[] {5, 6, 0, 0, 0, 0, 0, 0}, band);
  }

  @Test
  void refusesMismatchedValues() {
    assertThrows(IllegalArgumentException.class, () -> new PixelPatch(0, 0, 2, 2, new float[3]));
    assertThrows(IllegalArgumentException.class, () -> new PixelPatch(0, 0, 0, 2, new float[0]));
  }
}
