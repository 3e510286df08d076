package org.radioclr.core.cutout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BannerConfigTest {

  @Test
  void paperDefaults() {
    assertEquals(1.5, BannerConfig.PAPER.scale());
    assertEquals(32, BannerConfig.PAPER.minSize());
    assertEquals(4096, BannerConfig.PAPER.maxSize());
  }

  @Test
  void sideIsScaledBoxRoundedUpWithMinimumFloor() {
    BannerConfig c = BannerConfig.PAPER;
    assertEquals(45, c.side(30)); // 1.5 * 30 exactly
    assertEquals(48, c.side(31.5)); // 47.25 -> 48
    assertEquals(32, c.side(20)); // 30 < floor 32
    assertEquals(32, c.side(0)); // unknown size
    assertEquals(33, c.side(21.4)); // 32.1 -> 33
  }

  @Test
  void floatingPointNoiseDoesNotAddAPixel() {
    // 1.1 * 10 = 11.000000000000002 in doubles
    assertEquals(11, new BannerConfig(1.1, 8, 100).side(10));
  }

  @Test
  void hugeBoxesSaturateAndAreNotAllowed() {
    BannerConfig c = BannerConfig.PAPER;
    assertEquals(Long.MAX_VALUE, c.side(Double.POSITIVE_INFINITY));
    assertEquals(Long.MAX_VALUE, c.side(1e300));
    assertFalse(c.allows(c.side(1e300)));
    assertTrue(c.allows(4096));
    assertFalse(c.allows(4097));
  }

  @Test
  void rejectsBadBoxSide() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BannerConfig.PAPER.side(-1));
    assertEquals("box side must be >= 0 pixels, got -1.0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BannerConfig.PAPER.side(Double.NaN));
  }

  @Test
  void rejectsBadSettingsNamingTheValue() {
    assertEquals(
        "scale must be finite and > 0, got 0.0",
        assertThrows(IllegalArgumentException.class, () -> new BannerConfig(0, 32, 64))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> new BannerConfig(Double.NaN, 32, 64));
    assertThrows(
        IllegalArgumentException.class, () -> new BannerConfig(Double.POSITIVE_INFINITY, 32, 64));
    assertEquals(
        "minimum size must be >= 8 pixels, got 4",
        assertThrows(IllegalArgumentException.class, () -> new BannerConfig(1.5, 4, 64))
            .getMessage());
    assertEquals(
        "maximum size must be >= the minimum size 32, got 16",
        assertThrows(IllegalArgumentException.class, () -> new BannerConfig(1.5, 32, 16))
            .getMessage());
    assertEquals(
        "maximum size must be <= 16384 pixels, got 20000",
        assertThrows(IllegalArgumentException.class, () -> new BannerConfig(1.5, 32, 20000))
            .getMessage());
    assertEquals(
        "maximum blank fraction must be in [0, 1], got 1.5",
        assertThrows(
                IllegalArgumentException.class, () -> BannerConfig.PAPER.withMaxBlankFraction(1.5))
            .getMessage());
    assertEquals(1.0, BannerConfig.PAPER.maxBlankFraction(), "keeps every cutout with data");
  }
}
