package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.image.Plane;
import org.radioclr.core.preprocess.BilinearResize;
import org.radioclr.core.preprocess.Cube;

class RandomCropResizeTest {

  /** Channel 0 rises with x, channel 1 with y, both from 0 to 1. */
  private static Cube ramps(int height, int width) {
    float[] d = new float[2 * height * width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        d[y * width + x] = x / (width - 1f);
        d[height * width + y * width + x] = y / (height - 1f);
      }
    }
    return new Cube(2, height, width, d);
  }

  @Test
  void constantImageStaysConstantAndKeepsItsShape() {
    Cube c = TestCubes.constant(3, 20, 30, 0.37f);
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 20; i++) {
      AugmentView v = TestCubes.view(c);
      RandomCropResize.PAPER.apply(v, r);
      Cube out = v.toCube();
      assertEquals(3, out.channels());
      assertEquals(20, out.height());
      assertEquals(30, out.width());
      for (float x : out.data()) {
        assertEquals(0.37f, x, 1e-6f);
      }
    }
  }

  @Test
  void cropSideIsWithinTheFractionRangeOnBothAxesAndInsideTheImage() {
    int h = 40;
    int w = 60;
    Cube c = ramps(h, w);
    SplittableRandom r = new SplittableRandom(17);
    int smallest = Integer.MAX_VALUE;
    int largest = 0;
    for (int i = 0; i < 400; i++) {
      AugmentView v = TestCubes.view(c);
      RandomCropResize.PAPER.apply(v, r);
      Cube out = v.toCube();
      // enlarging keeps the crop's edge pixels at the output's edges, so a ramp's output range
      // spans exactly the cropped columns (rows)
      float x0 = out.get(0, 0, 0);
      float x1 = out.get(0, 0, w - 1);
      float y0 = out.get(1, 0, 0);
      float y1 = out.get(1, h - 1, 0);
      int cw = Math.round((x1 - x0) * (w - 1)) + 1;
      int ch = Math.round((y1 - y0) * (h - 1)) + 1;
      assertTrue(cw >= Math.round(0.8 * w) && cw <= w, "crop width " + cw);
      assertTrue(ch >= Math.round(0.8 * h) && ch <= h, "crop height " + ch);
      // one fraction for both sides: the aspect ratio is kept
      assertEquals((double) cw / w, (double) ch / h, 1.0 / h);
      assertTrue(x0 >= 0 && x1 <= 1 && y0 >= 0 && y1 <= 1);
      // the ramp stays monotone and the range shrinks only by the crop
      for (int x = 1; x < w; x++) {
        assertTrue(out.get(0, 5, x) >= out.get(0, 5, x - 1));
      }
      smallest = Math.min(smallest, cw);
      largest = Math.max(largest, cw);
    }
    assertTrue(smallest <= 50, "smallest crop width " + smallest);
    assertTrue(largest >= 59, "largest crop width " + largest);
  }

  @Test
  void cropIsPillowBilinearOfTheRegion() {
    Cube c = TestCubes.random(1, 10, 10, 4);
    AugmentView v = TestCubes.view(c);
    RandomCropResize.crop(v, 2, 1, 8, 8);
    float[] region = new float[64];
    for (int y = 0; y < 8; y++) {
      System.arraycopy(c.data(), (1 + y) * 10 + 2, region, y * 8, 8);
    }
    Plane expected = BilinearResize.resize(new Plane(8, 8, region), 10, 10);
    assertArrayEquals(expected.data(), v.toCube().data());
    // region value at crop pixel (0, 0) is the output's corner
    assertEquals(c.get(0, 1, 2), v.toCube().get(0, 0, 0), 1e-6f);
  }

  @Test
  void fullCropIsTheIdentity() {
    Cube c = TestCubes.random(3, 8, 8, 4);
    AugmentView v = TestCubes.view(c);
    new RandomCropResize(1, 1).apply(v, new SplittableRandom(2));
    assertArrayEquals(c.data(), v.toCube().data());
  }

  @Test
  void sideIsRoundedAndClamped() {
    assertEquals(179, RandomCropResize.side(0.8, 224));
    assertEquals(1, RandomCropResize.side(0.01, 10));
    assertEquals(10, RandomCropResize.side(1.0, 10));
  }

  @Test
  void validatesFractions() {
    assertThrows(IllegalArgumentException.class, () -> new RandomCropResize(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new RandomCropResize(0.9, 0.8));
    assertThrows(IllegalArgumentException.class, () -> new RandomCropResize(0.8, 1.1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new RandomCropResize(Double.NaN, 1));
    assertTrue(e.getMessage().contains("min_fraction"), e.getMessage());
    assertEquals(1.0, RandomCropResize.PAPER.paperProbability());
  }
}
