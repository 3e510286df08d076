package org.radioclr.sim.sky;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.radioclr.formats.mask.PixelBox;

class StampTest {

  private static Stamp twoByThree() {
    // rows y = 5, 6, 7; columns x = -1, 0
    return new Stamp(-1, 5, 2, 3, new float[] {1, 2, 3, 4, 5, 6});
  }

  @Test
  void readsMapPixels() {
    Stamp s = twoByThree();
    assertEquals(1f, s.at(-1, 5));
    assertEquals(6f, s.at(0, 7));
    assertEquals(0f, s.at(1, 7));
    assertEquals(0f, s.at(0, 8));
    assertEquals(6f, s.peak());
    assertEquals(21, s.sum(), 1e-12);
    assertEquals(PixelBox.ofSize(-1, 5, 2, 3), s.box());
  }

  @Test
  void addsIntoABandClippingColumnsAndRows() {
    float[] band = new float[2 * 3]; // map rows 6..7, width 3
    twoByThree().addTo(band, 6, 2, 3);
    // only column x = 0 is on the map; rows 6 and 7 are in the band
    assertArrayEquals(new float[] {4, 0, 0, 6, 0, 0}, band);
    twoByThree().addTo(band, 6, 2, 3);
    assertArrayEquals(new float[] {8, 0, 0, 12, 0, 0}, band);
    float[] other = new float[3];
    twoByThree().addTo(other, 20, 1, 3);
    assertArrayEquals(new float[3], other);
  }

  @Test
  void rejectsInconsistentShapes() {
    assertThrows(IllegalArgumentException.class, () -> new Stamp(0, 0, 2, 2, new float[3]));
    assertThrows(IllegalArgumentException.class, () -> new Stamp(0, 0, 0, 1, new float[0]));
    assertThrows(IllegalArgumentException.class, () -> twoByThree().addTo(new float[5], 0, 2, 3));
  }

  @Test
  void boxesIntersect() {
    PixelBox a = PixelBox.ofSize(0, 0, 4, 4);
    assertTrue(a.intersects(PixelBox.ofSize(3, 3, 2, 2)));
    assertFalse(a.intersects(PixelBox.ofSize(4, 0, 2, 2)));
    assertEquals(3, a.x1());
    assertThrows(IllegalArgumentException.class, () -> PixelBox.ofSize(0, 0, 0, 1));
  }

  @Test
  void rowRangeForTheBandWriter() {
    Stamp s = new Stamp(-1, 4, 3, 2, new float[] {1, 2, 3, 4, 5, 6});
    org.junit.jupiter.api.Assertions.assertEquals(4, s.yMin());
    org.junit.jupiter.api.Assertions.assertEquals(5, s.yMax());
  }
}
