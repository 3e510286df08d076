package org.radioclr.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogFormatTest {
  @Test
  void formatFromExtension() {
    assertEquals(Optional.of(CatalogFormat.CSV), CatalogFormat.fromExtension(Path.of("a/b.CSV")));
    assertEquals(Optional.of(CatalogFormat.CSV), CatalogFormat.fromExtension(Path.of("b.csv.gz")));
    assertEquals(Optional.of(CatalogFormat.VOTABLE), CatalogFormat.fromExtension(Path.of("b.vot")));
    assertEquals(Optional.of(CatalogFormat.VOTABLE), CatalogFormat.fromExtension(Path.of("b.xml")));
    assertEquals(Optional.of(CatalogFormat.FITS), CatalogFormat.fromExtension(Path.of("b.fits")));
    assertEquals(Optional.of(CatalogFormat.FITS), CatalogFormat.fromExtension(Path.of("b.fit.gz")));
    assertEquals(Optional.empty(), CatalogFormat.fromExtension(Path.of("b.txt")));
    assertEquals(Optional.empty(), CatalogFormat.fromExtension(Path.of("catalogue")));
  }

  @Test
  void parseUserNames() {
    assertEquals(CatalogFormat.VOTABLE, CatalogFormat.parse(" VOT "));
    assertEquals(CatalogFormat.FITS, CatalogFormat.parse("fits"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CatalogFormat.parse("parquet"));
    assertEquals("catalogue format must be csv, votable or fits, got 'parquet'", e.getMessage());
  }
}
