package org.radioclr.formats.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MasksTest {

  /** A 4x3 mask at (10, 20): pixels (11,20), (12,21), (13,22) and (10,22). */
  private static SourceMask mask() {
    boolean[] in = new boolean[12];
    in[0 * 4 + 1] = true;
    in[1 * 4 + 2] = true;
    in[2 * 4 + 3] = true;
    in[2 * 4 + 0] = true;
    return new SourceMask(10, 20, 4, 3, in);
  }

  @Test
  void boundsAreTheTightBoxOfTheMaskPixels() {
    assertEquals(Optional.of(new PixelBox(10, 20, 13, 22)), Masks.bounds(mask()));
    boolean[] in = new boolean[9];
    in[4] = true;
    assertEquals(
        Optional.of(new PixelBox(6, 6, 6, 6)), Masks.bounds(new SourceMask(5, 5, 3, 3, in)));
    assertEquals(Optional.empty(), Masks.bounds(new SourceMask(0, 0, 2, 2, new boolean[4])));
  }

  @Test
  void countAndCropAtAFrameEdge() {
    PixelBox frame = new PixelBox(12, 21, 15, 24); // cuts the mask's first two columns and row
    assertEquals(2, Masks.countInside(mask(), frame));
    byte[] crop = Masks.crop(mask(), frame);
    assertEquals(16, crop.length);
    byte[] expected = new byte[16];
    expected[0 * 4 + 0] = 1; // map (12, 21)
    expected[1 * 4 + 1] = 1; // map (13, 22)
    assertArrayEquals(expected, crop);
    assertEquals(0, Masks.countInside(mask(), new PixelBox(0, 0, 9, 100)));
    assertEquals(4, Masks.countInside(mask(), new PixelBox(0, 0, 100, 100)));
  }

  @Test
  void islandsAreEightConnected() {
    byte[] m = {
      1, 0, 0, 0, 1,
      0, 1, 0, 0, 1,
      0, 0, 0, 0, 0,
      1, 1, 0, 1, 0
    };
    // {(0,0),(1,1)} diagonal, {(4,0),(4,1)} and (3,3) not touching them, {(0,3),(1,3)}
    assertEquals(4, Masks.islands(m, 5, 4));
    assertEquals(0, Masks.islands(new byte[6], 3, 2));
    assertEquals(7, Masks.count(m));
    assertEquals(Optional.of(new PixelBox(0, 0, 4, 3)), Masks.bounds(m, 5, 4));
    assertThrows(IllegalArgumentException.class, () -> Masks.islands(m, 4, 4));
  }

  @Test
  void booleanAndByteMasksHaveTheSameIslands() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
    for (int trial = 0; trial < 50; trial++) {
      int w = 1 + rnd.nextInt(12);
      int h = 1 + rnd.nextInt(12);
      byte[] bytes = new byte[w * h];
      boolean[] bools = new boolean[w * h];
      for (int i = 0; i < bytes.length; i++) {
        bools[i] = rnd.nextInt(3) == 0;
        bytes[i] = (byte) (bools[i] ? 1 : 0);
      }
      assertEquals(Masks.islands(bytes, w, h), Masks.islands(bools, w, h));
    }
    // a ring is one island; its hole does not count
    boolean[] ring = {true, true, true, true, false, true, true, true, true};
    assertEquals(1, Masks.islands(ring, 3, 3));
    assertThrows(IllegalArgumentException.class, () -> Masks.islands(new boolean[5], 2, 2));
  }

  @Test
  void boxesValidateAndIntersect() {
    PixelBox a = PixelBox.ofSize(0, 0, 10, 10);
    assertEquals(new PixelBox(0, 0, 9, 9), a);
    assertTrue(a.intersects(new PixelBox(9, 9, 20, 20)));
    assertTrue(!a.intersects(new PixelBox(10, 0, 20, 20)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new PixelBox(5, 0, 4, 0));
    assertTrue(e.getMessage().contains("[5, 0, 4, 0]"), e.getMessage());
  }

  @Test
  void labelNumbersEightConnectedIslandsInRasterOrder() {
    // 5x3: a diagonal pair (one island), a lone pixel, and a 2-pixel bar
    byte[] m = {
      1, 0, 0, 0, 1,
      0, 1, 0, 0, 0,
      0, 0, 0, 1, 1
    };
    int[] l = Masks.label(m, 5, 3);
    assertArrayEquals(new int[] {1, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 3, 3}, l);
    assertEquals(3, Masks.islands(m, 5, 3));
  }
}
