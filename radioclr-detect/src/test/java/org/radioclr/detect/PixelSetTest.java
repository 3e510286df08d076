package org.radioclr.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.radioclr.formats.mask.PixelBox;

class PixelSetTest {
  @Test
  void iouUnionBoundsAndMaskRoundTrip() {
    PixelSet a = PixelSet.of(5, 4, 0, 1, 2, 6);
    PixelSet b = PixelSet.of(5, 4, 2, 6, 7, 19);
    assertEquals(2, a.intersection(b));
    assertEquals(2 / 6.0, a.iou(b), 1e-12);
    assertEquals(PixelSet.of(5, 4, 0, 1, 2, 6, 7, 19), a.union(b));
    assertEquals(new PixelBox(0, 0, 4, 3), a.union(b).bounds());
    assertEquals(a, PixelSet.fromMask(a.toMask(), 5, 4).orElseThrow());
    assertArrayEquals(new int[] {0, 1, 2, 6}, a.indices());
  }

  @Test
  void connectedMeansSharingAPixelOrASideNotACorner() {
    PixelSet p = PixelSet.of(5, 4, 6); // (1,1)
    assertTrue(p.connected(PixelSet.of(5, 4, 7)), "side");
    assertTrue(p.connected(PixelSet.of(5, 4, 11)), "below");
    assertTrue(p.connected(PixelSet.of(5, 4, 6, 19)), "shared pixel");
    assertFalse(p.connected(PixelSet.of(5, 4, 12)), "corner only (4-connectivity)");
    assertFalse(PixelSet.of(5, 4, 4).connected(PixelSet.of(5, 4, 5)), "no wrap across rows");
  }

  @Test
  void emptyOrOutsideSetsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> PixelSet.of(5, 4));
    assertThrows(IllegalArgumentException.class, () -> PixelSet.of(5, 4, 20));
    assertTrue(PixelSet.fromMask(new byte[20], 5, 4).isEmpty());
  }
}
