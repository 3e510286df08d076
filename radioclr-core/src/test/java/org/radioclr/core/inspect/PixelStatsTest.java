package org.radioclr.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.image.Plane;

class PixelStatsTest {

  @Test
  void blanksAreNanInfinityAndZeroAndStatisticsSkipThem() {
    float[] d = {
      3f, Float.NaN, -2f, 0f, 7f, Float.POSITIVE_INFINITY, 1f, Float.NEGATIVE_INFINITY, 5f
    };
    PixelStats s = PixelStats.of(new Plane(3, 3, d));
    assertEquals(9, s.pixels());
    assertEquals(4, s.blank());
    assertEquals(5, s.valid());
    assertEquals(4 / 9.0, s.blankFraction(), 0.0);
    assertEquals(-2.0, s.min(), 0.0);
    assertEquals(7.0, s.max(), 0.0);
    assertEquals(3.0, s.median(), 0.0); // sorted -2 1 3 5 7
    assertTrue(s.rms() > 0);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    PixelStats s = PixelStats.of(new Plane(2, 2, new float[] {4f, 1f, 10f, 2f}));
    assertEquals(3.0, s.median(), 0.0);
    assertEquals(0, s.blank());
  }

  @Test
  void inputIsNotModified() {
    float[] d = {5f, 4f, 3f, 2f, 1f, 0f};
    float[] copy = d.clone();
    PixelStats.of(new Plane(3, 2, d));
    assertEquals(java.util.Arrays.toString(copy), java.util.Arrays.toString(d));
  }

  @Test
  void rmsIsRobustToBrightSources() {
    int w = 300;
    int h = 200;
    float[] d = new float[w * h];
    SplittableRandom rnd = new SplittableRandom(7);
    double sigma = 2e-4;
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (sigma * rnd.nextGaussian());
    }
    for (int i = 0; i < 300; i++) { // 0.5 % of the pixels are 100-sigma sources
      d[rnd.nextInt(d.length)] = (float) (100 * sigma);
    }
    PixelStats s = PixelStats.of(new Plane(w, h, d));
    assertEquals(sigma, s.rms(), 0.03 * sigma);
    assertEquals(100 * sigma, s.max(), 1e-9);
    assertEquals(0.0, s.median(), 0.05 * sigma);
  }

  @Test
  void allBlankPlaneHasNanStatistics() {
    PixelStats s = PixelStats.of(new Plane(2, 1, new float[] {Float.NaN, 0f}));
    assertEquals(2, s.blank());
    assertEquals(1.0, s.blankFraction(), 0.0);
    assertTrue(Double.isNaN(s.min()));
    assertTrue(Double.isNaN(s.max()));
    assertTrue(Double.isNaN(s.median()));
    assertTrue(Double.isNaN(s.rms()));
  }

  @Test
  void constructorNamesBadValues() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new PixelStats(0, 0, 0, 0, 0, 0));
    assertEquals("pixels must be >= 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PixelStats(4, 5, 0, 0, 0, 0));
    assertEquals("blank must be in [0, 4], got 5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PixelStats(4, 0, 2, 1, 0, 0));
    assertEquals("min 2.0 must be <= max 1.0", e.getMessage());
  }
}
