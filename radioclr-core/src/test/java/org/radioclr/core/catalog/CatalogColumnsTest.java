package org.radioclr.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CatalogColumnsTest {
  @Test
  void defaultsFindEverything() {
    CatalogColumns d = CatalogColumns.defaults();
    assertEquals(PositionKind.AUTO, d.position());
    assertEquals(SizeKind.AUTO, d.size());
    assertEquals(1, d.pixelOrigin());
    assertEquals(SizeUnit.ARCSEC, d.sizeUnit());
    assertNull(d.name());
    assertTrue(d.readLabel());
    assertEquals("name", CatalogColumns.NAME_CANDIDATES.get(0));
  }

  @Test
  void withersSetOneThingAndTheKind() {
    CatalogColumns c =
        CatalogColumns.defaults()
            .withName(" src ")
            .withPixel("X", "Y")
            .withPixelOrigin(0)
            .withAxes("a", null)
            .withSizeUnit(SizeUnit.DEG)
            .withLabel("cls");
    assertEquals("src", c.name(), "names are trimmed");
    assertEquals(PositionKind.PIXEL, c.position());
    assertEquals("X", c.x());
    assertEquals(0, c.pixelOrigin());
    assertEquals(SizeKind.AXES, c.size());
    assertEquals("a", c.major());
    assertNull(c.minor());
    assertEquals(SizeUnit.DEG, c.sizeUnit());
    assertEquals("cls", c.label());
    CatalogColumns other = c.withSky(null, "d").withBox("a", "b", "c", "e").withoutLabel();
    assertEquals(PositionKind.SKY, other.position());
    assertEquals("d", other.dec());
    assertEquals(SizeKind.BOX, other.size());
    assertEquals("e", other.ymax());
    assertFalse(other.readLabel());
    assertNull(other.label());
    assertEquals(SizeKind.NONE, other.withoutSize().size());
    assertEquals(PositionKind.BOX_CENTRE, other.withBoxCentre().position());
  }

  @Test
  void rejectsBadValuesNamingThem() {
    IllegalArgumentException origin =
        assertThrows(
            IllegalArgumentException.class, () -> CatalogColumns.defaults().withPixelOrigin(2));
    assertEquals("pixelOrigin must be 0 or 1, got 2", origin.getMessage());
    IllegalArgumentException blank =
        assertThrows(
            IllegalArgumentException.class, () -> CatalogColumns.defaults().withSky(" ", null));
    assertTrue(blank.getMessage().startsWith("ra column name must be non-blank"));
    CatalogColumns d = CatalogColumns.defaults();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CatalogColumns(
                null,
                d.position(),
                null,
                null,
                null,
                null,
                1,
                d.size(),
                null,
                null,
                null,
                null,
                null,
                null,
                d.sizeUnit(),
                "label",
                false));
    assertThrows(NullPointerException.class, () -> d.withSizeUnit(null));
  }
}
