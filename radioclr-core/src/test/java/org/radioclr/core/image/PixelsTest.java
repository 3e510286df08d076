package org.radioclr.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PixelsTest {
  @Test
  void validity() {
    assertTrue(Pixels.isValid(1e-9f));
    assertTrue(Pixels.isValid(-3f));
    assertFalse(Pixels.isValid(0f));
    assertFalse(Pixels.isValid(-0f));
    assertFalse(Pixels.isValid(Float.NaN));
    assertFalse(Pixels.isValid(Float.NEGATIVE_INFINITY));
    Plane p = new Plane(2, 2, new float[] {1, 0, Float.NaN, 2});
    assertEquals(2, Pixels.countInvalid(p));
    assertEquals(0.5, Pixels.invalidFraction(p));
  }

  @Test
  void windowInsideAndPartlyOutside() {
    Plane map = new Plane(4, 3, new float[] {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23});
    Plane inside = Pixels.window(map, 1, 1, 2, 2);
    assertEquals(11f, inside.get(0, 0));
    assertEquals(22f, inside.get(1, 1));
    Plane edge = Pixels.window(map, -1, 2, 3, 2);
    assertTrue(Float.isNaN(edge.get(0, 0)));
    assertEquals(20f, edge.get(1, 0));
    assertEquals(21f, edge.get(2, 0));
    assertTrue(Float.isNaN(edge.get(1, 1)), "row 3 is off the map");
    Plane away = Pixels.window(map, 10, 10, 2, 2);
    assertEquals(4, Pixels.countInvalid(away));
  }
}
