package org.radioclr.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SexagesimalTest {

  @Test
  void rightAscensionMatchesAstropy() {
    // astropy 5.2.1: Angle(ra * u.deg).to(u.hourangle).to_string(sep=':', precision=2, pad=True)
    assertEquals("10:00:00.00", Sexagesimal.ra(150.0));
    assertEquals("14:08:32.40", Sexagesimal.ra(212.135));
    assertEquals("17:01:47.91", Sexagesimal.ra(255.449637133));
    assertEquals("00:00:00.00", Sexagesimal.ra(0.0));
  }

  @Test
  void declinationMatchesAstropy() {
    // astropy: Angle(dec * u.deg).to_string(sep=':', precision=1, alwayssign=True, pad=True)
    assertEquals("-30:00:00.0", Sexagesimal.dec(-30.0));
    assertEquals("+00:31:33.9", Sexagesimal.dec(0.526091));
    assertEquals("-41:51:45.0", Sexagesimal.dec(-41.8624876175));
    assertEquals("+90:00:00.0", Sexagesimal.dec(90.0));
    assertEquals("-90:00:00.0", Sexagesimal.dec(-90.0));
  }

  @Test
  void negativeDeclinationsAboveMinusOneDegreeKeepTheirSign() {
    assertEquals("-00:30:00.0", Sexagesimal.dec(-0.5));
    assertEquals("-00:00:36.0", Sexagesimal.dec(-0.01));
    assertEquals("-00:59:59.9", Sexagesimal.dec(-(59 * 60 + 59.9) / 3600.0));
    // rounds to zero: no "-0"
    assertEquals("+00:00:00.0", Sexagesimal.dec(-1e-6));
  }

  @Test
  void secondsRoundingCarriesIntoMinutesAndHours() {
    // 00:00:59.995 h -> 00:01:00.00, never 00:00:60.00
    assertEquals("00:01:00.00", Sexagesimal.ra(59.995 / 240.0));
    assertEquals("00:00:59.99", Sexagesimal.ra(59.994 / 240.0));
    // 01:59:59.995 -> 02:00:00.00
    assertEquals("02:00:00.00", Sexagesimal.ra((7199.995) / 240.0));
    // 23:59:59.995 wraps to 00:00:00.00
    assertEquals("00:00:00.00", Sexagesimal.ra(86399.995 / 240.0));
    // Dec: 59.95" -> 00:01:00.0, and -10:59:59.95 -> -11:00:00.0
    assertEquals("+00:01:00.0", Sexagesimal.dec(59.95 / 3600.0));
    assertEquals("-11:00:00.0", Sexagesimal.dec(-(10 + 59 / 60.0 + 59.95 / 3600.0)));
  }

  @Test
  void rightAscensionWrapsAnyFiniteAngle() {
    assertEquals("23:00:00.00", Sexagesimal.ra(-15.0));
    assertEquals("01:00:00.00", Sexagesimal.ra(375.0));
    assertEquals("00:00:00.00", Sexagesimal.ra(360.0));
  }

  @Test
  void decimalsAreChosen() {
    assertEquals("10:00:00", Sexagesimal.ra(150.0, 0));
    assertEquals("14:08:32.4000", Sexagesimal.ra(212.135, 4));
    assertEquals("-00:30:00", Sexagesimal.dec(-0.5, 0));
    assertEquals("+00:31:33.928", Sexagesimal.dec(0.526091, 3));
  }

  @Test
  void badInputIsRefusedNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Sexagesimal.ra(Double.NaN));
    assertEquals("RA must be finite, got NaN", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Sexagesimal.dec(90.5));
    assertEquals("Dec must be in [-90, 90] degrees, got 90.5", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Sexagesimal.dec(Double.NEGATIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> Sexagesimal.ra(10, 7));
    assertThrows(IllegalArgumentException.class, () -> Sexagesimal.dec(10, -1));
  }
}
