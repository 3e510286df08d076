package org.radioclr.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FluxFormatTest {
  private static final Optional<String> JY_BEAM = Optional.of("Jy/beam");

  @Test
  void janskyPerBeamPicksAReadableScale() {
    assertEquals("152.3 µJy/beam", FluxFormat.format(1.5234e-4, JY_BEAM));
    assertEquals("1.500 mJy/beam", FluxFormat.format(1.5e-3, JY_BEAM));
    assertEquals("-12.35 mJy/beam", FluxFormat.format(-0.012345, JY_BEAM));
    assertEquals("2.500 Jy/beam", FluxFormat.format(2.5, JY_BEAM));
    assertEquals("0.5000 µJy/beam", FluxFormat.format(5e-7, JY_BEAM));
    assertEquals("0 Jy/beam", FluxFormat.format(0.0, JY_BEAM));
  }

  @Test
  void roundingDoesNotLeaveAThousandOfTheSmallerUnit() {
    assertEquals("1.000 Jy/beam", FluxFormat.format(0.99999996, JY_BEAM));
    assertEquals("1.000 mJy/beam", FluxFormat.format(9.9999996e-4, JY_BEAM));
  }

  @Test
  void unitSpellingsOfJanskyAreRecognised() {
    assertEquals("152.3 µJy/beam", FluxFormat.format(1.5234e-4, Optional.of("JY/BEAM")));
    assertEquals("152.3 µJy/beam", FluxFormat.format(1.5234e-4, Optional.of(" Jy / Beam ")));
    assertEquals("3.000 mJy", FluxFormat.format(0.003, Optional.of("Jy")));
    assertEquals("3.000 mJy/pixel", FluxFormat.format(0.003, Optional.of("JY/PIXEL")));
  }

  @Test
  void otherUnitsAndNoUnitArePrintedAsGiven() {
    assertEquals("12.35 K", FluxFormat.format(12.345, Optional.of("K")));
    assertEquals("0.003000 MJy/sr", FluxFormat.format(0.003, Optional.of("MJy/sr")));
    assertEquals("1234", FluxFormat.format(1234.4, Optional.empty()));
    assertEquals("1.235e+07", FluxFormat.format(12345678, Optional.empty()));
    assertEquals("1.000e-05", FluxFormat.format(1e-5, Optional.empty()));
  }

  @Test
  void nonFiniteValues() {
    assertEquals("n/a", FluxFormat.format(Double.NaN, JY_BEAM));
    assertEquals("+inf Jy/beam", FluxFormat.format(Double.POSITIVE_INFINITY, JY_BEAM));
    assertEquals("-inf", FluxFormat.format(Double.NEGATIVE_INFINITY, Optional.empty()));
  }
}
