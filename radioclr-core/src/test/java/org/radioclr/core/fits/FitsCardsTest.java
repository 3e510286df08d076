package org.radioclr.core.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import org.junit.jupiter.api.Test;

class FitsCardsTest {

  private static Header template() {
    Header h = new Header();
    h.addValue("SIMPLE", true, "");
    h.addValue("BITPIX", 16, "");
    h.addValue("NAXIS", 3, "");
    h.addValue("NAXIS1", 4, "");
    h.addValue("NAXIS2", 4, "");
    h.addValue("NAXIS3", 1, "");
    h.addValue("BLANK", -1, "");
    h.addValue("ZBITPIX", 16, "");
    h.addValue("ZNAXIS1", 4, "");
    h.addValue("ZTILE1", 4, "");
    h.addValue("TFORM1", "1PB", "");
    h.addValue("DATASUM", "0", "");
    h.addValue("CTYPE1", "GLON-CAR", "");
    h.addValue("CTYPE3", "FREQ", "");
    h.addValue("CRVAL3", 1.4e9, "");
    h.addValue("PC3_3", 1.0, "");
    h.addValue("PC1_2", 0.5, "");
    h.addValue("CD1_4", 0.0, "");
    h.addValue("CTYPE3A", "VRAD", "");
    h.addValue("WCSAXES", 3, "");
    h.addValue("OBJECT", "M31", "with a comment");
    h.addLine(new HeaderCard("ORIGIN", "x", "tab-free comment"));
    h.insertComment("commentary");
    h.insertHistory("history");
    return h;
  }

  private static List<String> keys(FitsCards cards, boolean cube) {
    Header out = new Header();
    cards.appendTo(out, cube, "1.2.3");
    List<String> keys = new ArrayList<>();
    out.iterator().forEachRemaining(c -> keys.add(c.getKey()));
    return keys;
  }

  @Test
  void copiesSensibleCardsAndDropsStructuralOnes() {
    assertEquals(
        List.of(
            "CTYPE1", "CTYPE3", "CRVAL3", "PC3_3", "PC1_2", "CD1_4", "CTYPE3A", "WCSAXES", "OBJECT",
            "ORIGIN", "RCLRVER"),
        keys(FitsCards.from(template()), false));
  }

  @Test
  void cubeDropsTheTemplatesAxis3And4CardsButKeepsTheCallers() {
    assertEquals(
        List.of("CTYPE1", "CTYPE3", "PC1_2", "OBJECT", "ORIGIN", "RCLRVER"),
        keys(FitsCards.from(template()).set("CTYPE3", "CHANNEL"), true));
  }

  @Test
  void setReplacesInPlaceRemoveRemoves() {
    FitsCards cards = FitsCards.from(template()).set("CTYPE1", "RA---TAN").remove("OBJECT");
    List<String> k = keys(cards, false);
    assertEquals(0, k.indexOf("CTYPE1"));
    assertFalse(k.contains("OBJECT"));
    Header out = new Header();
    cards.appendTo(out, false, "v");
    assertEquals("RA---TAN", out.getStringValue("CTYPE1"));
    assertEquals("v", out.getStringValue("RCLRVER"));
  }

  @Test
  void illegalCharactersAreReplaced() {
    Header h = new Header();
    // parsed from a card image, as a SkyView header can hold it
    h.addLine(HeaderCard.create(String.format("%-80s", "OBSERVER= 'ok'  / a\tb")));
    assertEquals("a\tb", h.findCard("OBSERVER").getComment(), "precondition: TAB kept");
    Header out = new Header();
    FitsCards.from(h).set("OBJECT", "caf\u00e9\tbar").history("x\ty").appendTo(out, false, "v");
    assertEquals("a b", out.findCard("OBSERVER").getComment());
    assertEquals("caf? bar", out.getStringValue("OBJECT"));
    assertEquals("x y", out.findCards("HISTORY")[0].getComment());
  }

  @Test
  void rejectsStructuralAndBadKeysAndValues() {
    FitsCards cards = FitsCards.create();
    for (String key : List.of("NAXIS1", "BITPIX", "BSCALE", "ZIMAGE", "RCLRVER")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> cards.set(key, 1.0));
      assertTrue(e.getMessage().startsWith(key), e.getMessage());
    }
    for (String key : List.of("toolongkey", "lower", "", "A B", "HISTORY")) {
      assertThrows(IllegalArgumentException.class, () -> cards.set(key, 1L), key);
    }
    assertThrows(IllegalArgumentException.class, () -> cards.set("CRPIX1", Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> cards.tanSky(0, 0, 1, 1, 0));
  }
}
