package org.radioclr.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SizeUnitTest {
  @Test
  void convertsToDegrees() {
    assertEquals(1.0, SizeUnit.ARCSEC.toDegrees(3600), 1e-15);
    assertEquals(0.5, SizeUnit.ARCMIN.toDegrees(30), 1e-15);
    assertEquals(2.5, SizeUnit.DEG.toDegrees(2.5));
    assertFalse(SizeUnit.PIXEL.isAngular());
    assertThrows(IllegalStateException.class, () -> SizeUnit.PIXEL.toDegrees(1));
  }

  @Test
  void parsesUserNames() {
    assertEquals(SizeUnit.ARCSEC, SizeUnit.parse("arcsec"));
    assertEquals(SizeUnit.ARCMIN, SizeUnit.parse("ARCMIN"));
    assertEquals(SizeUnit.DEG, SizeUnit.parse("degrees"));
    assertEquals(SizeUnit.PIXEL, SizeUnit.parse("px"));
    assertThrows(IllegalArgumentException.class, () -> SizeUnit.parse("mas"));
  }
}
