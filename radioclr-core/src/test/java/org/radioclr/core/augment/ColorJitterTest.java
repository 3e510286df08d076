package org.radioclr.core.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.preprocess.Cube;

class ColorJitterTest {

  private static Cube pixel(float r, float g, float b) {
    return new Cube(3, 1, 1, new float[] {r, g, b});
  }

  @Test
  void keepsValuesInTheUnitIntervalAndChangesTheImage() {
    Cube c = TestCubes.random(3, 16, 16, 8);
    SplittableRandom r = new SplittableRandom(8);
    ColorJitter strong = new ColorJitter(0.8, 0.8, 0.8, 0.2, 1.0);
    for (int i = 0; i < 200; i++) {
      AugmentView v = TestCubes.view(c);
      (i % 2 == 0 ? ColorJitter.PAPER : strong).apply(v, r);
      float[] out = v.toCube().data();
      for (float x : out) {
        assertTrue(x >= 0f && x <= 1f, "value " + x);
      }
      assertTrue(!java.util.Arrays.equals(out, c.data()));
    }
  }

  @Test
  void zeroAmountsAreTheIdentity() {
    Cube c = TestCubes.random(3, 9, 7, 2);
    for (ColorJitter j :
        new ColorJitter[] {
          new ColorJitter(0, 0, 0, 0, 0.5), new ColorJitter(0.8, 0.8, 0.8, 0.2, 0)
        }) {
      AugmentView v = TestCubes.view(c);
      j.apply(v, new SplittableRandom(4));
      assertArrayEquals(c.data(), v.toCube().data());
    }
  }

  @Test
  void brightnessMultipliesAndClamps() {
    AugmentView v = TestCubes.view(pixel(0.2f, 0.5f, 0.9f));
    ColorJitter.brightness(v, 1.5f);
    assertArrayEquals(new float[] {0.3f, 0.75f, 1f}, v.toCube().data(), 1e-6f);
  }

  @Test
  void brightnessFactorsSpanTheirRange() {
    // strength 0.5: brightness factor in [0.6, 1.4]
    ColorJitter onlyBrightness = new ColorJitter(0.8, 0, 0, 0, 0.5);
    Cube c = TestCubes.constant(3, 2, 2, 0.5f);
    SplittableRandom r = new SplittableRandom(5);
    double lo = 1;
    double hi = 0;
    for (int i = 0; i < 2000; i++) {
      AugmentView v = TestCubes.view(c);
      onlyBrightness.apply(v, r);
      double f = v.data()[0] / 0.5;
      lo = Math.min(lo, f);
      hi = Math.max(hi, f);
    }
    assertTrue(lo >= 0.6 - 1e-6 && lo < 0.61, "lowest factor " + lo);
    assertTrue(hi <= 1.4 + 1e-6 && hi > 1.39, "highest factor " + hi);
  }

  @Test
  void contrastBlendsWithTheMeanGrey() {
    Cube c = new Cube(3, 1, 2, new float[] {0.2f, 0.6f, 0.4f, 0.8f, 0.0f, 1.0f});
    double grey0 = 0.299 * 0.2 + 0.587 * 0.4 + 0.114 * 0.0;
    double grey1 = 0.299 * 0.6 + 0.587 * 0.8 + 0.114 * 1.0;
    double mean = (grey0 + grey1) / 2;
    AugmentView v = TestCubes.view(c);
    ColorJitter.contrast(v, 0f);
    for (float x : v.toCube().data()) {
      assertEquals(mean, x, 1e-6);
    }
    v.load(c);
    ColorJitter.contrast(v, 0.5f);
    assertEquals(0.5 * 0.2 + 0.5 * mean, v.data()[0], 1e-6);
    assertEquals(0.5 * 1.0 + 0.5 * mean, v.data()[5], 1e-6);
  }

  @Test
  void saturationZeroGivesEqualChannelsAtTheGreyLevel() {
    Cube c = TestCubes.random(3, 5, 5, 12);
    AugmentView v = TestCubes.view(c);
    ColorJitter.saturation(v, 0f);
    Cube out = v.toCube();
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 5; x++) {
        double grey = 0.299 * c.get(0, y, x) + 0.587 * c.get(1, y, x) + 0.114 * c.get(2, y, x);
        assertEquals(grey, out.get(0, y, x), 1e-6);
        assertEquals(out.get(0, y, x), out.get(1, y, x), 0f);
        assertEquals(out.get(0, y, x), out.get(2, y, x), 0f);
      }
    }
  }

  @Test
  void hueShiftMatchesPythonColorsys() {
    // reference: colorsys.hsv_to_rgb((h + shift) % 1, s, v) of colorsys.rgb_to_hsv(r, g, b)
    assertHue(pixel(0.2f, 0.5f, 0.9f), 0.1f, 0.32, 0.2, 0.9);
    assertHue(pixel(0.9f, 0.3f, 0.1f), -0.07f, 0.9, 0.1, 0.236);
    assertHue(pixel(0.4f, 0.8f, 0.3f), 0.45f, 0.55, 0.3, 0.8);
    assertHue(pixel(1f, 0f, 0f), 1f / 3, 0, 1, 0); // red to green
    assertHue(pixel(0.5f, 0.5f, 0.5f), 0.2f, 0.5, 0.5, 0.5); // grey has no hue
  }

  private static void assertHue(Cube pixel, float shift, double r, double g, double b) {
    AugmentView v = TestCubes.view(pixel);
    ColorJitter.hue(v, shift);
    assertArrayEquals(new float[] {(float) r, (float) g, (float) b}, v.toCube().data(), 2e-6f);
  }

  @Test
  void zeroHueShiftIsARoundTrip() {
    Cube c = TestCubes.random(3, 8, 8, 21);
    AugmentView v = TestCubes.view(c);
    ColorJitter.hue(v, 0f);
    assertArrayEquals(c.data(), v.toCube().data(), 2e-6f);
  }

  @Test
  void needsThreeChannels() {
    AugmentView v = TestCubes.view(TestCubes.random(1, 4, 4, 1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ColorJitter.PAPER.apply(v, new SplittableRandom(1)));
    assertTrue(e.getMessage().contains("3 channels"), e.getMessage());
  }

  @Test
  void validatesAmounts() {
    assertThrows(IllegalArgumentException.class, () -> new ColorJitter(-0.1, 0, 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ColorJitter(0, Double.NaN, 0, 0, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ColorJitter(0, 0, Double.POSITIVE_INFINITY, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ColorJitter(0, 0, 0, 0, -1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ColorJitter(0, 0, 0, 0.6, 1));
    assertTrue(e.getMessage().contains("hue * strength"), e.getMessage());
    assertEquals(0.8, ColorJitter.PAPER.paperProbability());
  }
}
