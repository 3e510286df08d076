package org.radioclr.core.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Test;
import org.radioclr.core.image.Plane;

class FitsImageTest {
  private static final Path SOURCE = Path.of("map.fits");

  @Test
  void axesAreCopiedAndMustMatchThePlane() {
    long[] axes = {3, 2, 1};
    FitsImage img = new FitsImage(SOURCE, Plane.zeros(3, 2), new Header(), -32, axes);
    axes[0] = 99;
    assertEquals(3, img.axes()[0]);
    img.axes()[0] = 77;
    assertEquals(3, img.axes()[0]);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FitsImage(SOURCE, Plane.zeros(3, 2), new Header(), -32, new long[] {2, 3}));
    assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new FitsImage(SOURCE, Plane.zeros(3, 2), new Header(), -32, new long[] {3}));
  }

  @Test
  void convenienceAccessors() {
    Header h = new Header();
    h.addValue("BUNIT", "  Jy/beam ", "");
    h.addValue("CTYPE1", "GLON-CAR", "");
    h.addValue("CTYPE3", "  ", "");
    FitsImage img = new FitsImage(SOURCE, Plane.zeros(4, 5), h, 16, new long[] {4, 5});
    assertEquals(Optional.of("Jy/beam"), img.unit());
    assertEquals(List.of("GLON-CAR", ""), img.skyCtypes());
    assertEquals(Optional.empty(), img.ctype(3));
    assertEquals(Optional.empty(), img.beam());
    assertEquals(4, img.width());
    assertEquals(5, img.height());
    assertThrows(IllegalArgumentException.class, () -> img.ctype(0));
    assertEquals(
        img, new FitsImage(SOURCE, img.plane(), h, 16, new long[] {4, 5}), "arrays by content");
  }
}
