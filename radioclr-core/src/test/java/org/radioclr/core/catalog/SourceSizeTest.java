package org.radioclr.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SourceSizeTest {
  @Test
  void boxSideIsTheLargerExtent() {
    assertEquals(21.0, new SourceSize.PixelBox(21, 20.5).boxSidePixels(1e-4));
    assertEquals(7.0, new SourceSize.PixelBox(3, 7).boxSidePixels(1e-4));
  }

  @Test
  void angularSideDividesByThePixelScale() {
    // 1 arcmin major axis at 1.5 arcsec/pixel (the SCORPIO maps) is 40 pixels
    double scale = 1.5 / 3600;
    assertEquals(40.0, new SourceSize.Angular(1.0 / 60, 0.5 / 60).boxSidePixels(scale), 1e-9);
    assertEquals(40.0, new SourceSize.Angular(0.5 / 60, 1.0 / 60).boxSidePixels(scale), 1e-9);
  }

  @Test
  void unknownSizeIsZero() {
    assertEquals(0.0, new SourceSize.Unknown().boxSidePixels(1));
  }

  @Test
  void rejectsBadSizesAndScales() {
    assertThrows(IllegalArgumentException.class, () -> new SourceSize.PixelBox(-1, 2));
    assertThrows(IllegalArgumentException.class, () -> new SourceSize.PixelBox(1, Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> new SourceSize.Angular(Double.POSITIVE_INFINITY, 1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new SourceSize.Angular(1, 1).boxSidePixels(0));
    assertEquals("degPerPixel must be finite and > 0, got 0.0", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new SourceSize.Unknown().boxSidePixels(Double.NaN));
  }
}
