package org.radioclr.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogTest {
  private static CatalogSource source(long row, String name) {
    return new CatalogSource(
        row, name, new SourcePosition.Pixel(row, row), new SourceSize.Unknown(), Optional.empty());
  }

  private static final ResolvedColumns COLUMNS =
      new ResolvedColumns(
          Optional.of("name"),
          PositionKind.PIXEL,
          List.of("x", "y"),
          1,
          SizeKind.NONE,
          List.of(),
          SizeUnit.ARCSEC,
          Optional.empty());

  @Test
  void findsDuplicateNamesAndCopiesSources() {
    List<CatalogSource> list =
        new ArrayList<>(
            List.of(
                source(0, "b"), source(1, "a"), source(2, "b"), source(3, "a"), source(4, "c")));
    Catalog c = new Catalog(Path.of("c.csv"), CatalogFormat.CSV, COLUMNS, list);
    list.clear();
    assertEquals(5, c.size());
    assertEquals(Set.of("a", "b"), c.duplicateNames());
    assertEquals(List.of("a", "b"), List.copyOf(c.duplicateNames()), "sorted");
  }

  @Test
  void sourceValidates() {
    assertThrows(IllegalArgumentException.class, () -> source(-1, "a"));
    assertThrows(IllegalArgumentException.class, () -> source(0, " "));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ResolvedColumns(
                Optional.empty(),
                PositionKind.AUTO,
                List.of(),
                1,
                SizeKind.NONE,
                List.of(),
                SizeUnit.DEG,
                Optional.empty()));
  }
}
