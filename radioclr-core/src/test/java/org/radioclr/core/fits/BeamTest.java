package org.radioclr.core.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Test;

class BeamTest {

  @Test
  void validatesAndNamesTheBadValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Beam(-1e-3, 1e-3, 0));
    assertTrue(e.getMessage().contains("-0.001"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Beam(1e-3, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Beam(Double.NaN, 1e-3, 0));
    assertThrows(IllegalArgumentException.class, () -> new Beam(1e-3, 1e-3, Double.NaN));
  }

  @Test
  void arcsecondsAndCircular() {
    Beam b = Beam.circularArcsec(5.4);
    assertEquals(0.0015, b.major(), 1e-15);
    assertEquals(5.4, b.minorArcsec(), 1e-12);
    assertEquals(6.5, new Beam(6.5 / 3600, 5.0 / 3600, 10).majorArcsec(), 1e-12);
  }

  @Test
  void fromHeader() {
    Header h = new Header();
    assertEquals(Optional.empty(), Beam.fromHeader(h));
    h.addValue("BMAJ", 2e-3, "");
    assertEquals(Optional.empty(), Beam.fromHeader(h), "BMIN missing");
    h.addValue("BMIN", 1e-3, "");
    assertEquals(Optional.of(new Beam(2e-3, 1e-3, 0)), Beam.fromHeader(h), "BPA defaults to 0");
    h.addValue("BPA", 45.0, "");
    assertEquals(Optional.of(new Beam(2e-3, 1e-3, 45)), Beam.fromHeader(h));
    h.addValue("BMIN", 0.0, "");
    assertEquals(Optional.empty(), Beam.fromHeader(h), "a zero BMIN is no beam");
  }
}
