package org.radioclr.core.catalog;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A catalogue read by {@link CatalogReader}: its sources in table order and the columns used.
 *
 * @param file the catalogue file
 * @param format the format it was read as
 * @param columns the columns used
 * @param sources the sources, in table order, at least one
 */
public record Catalog(
    Path file, CatalogFormat format, ResolvedColumns columns, List<CatalogSource> sources) {
  public Catalog {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(columns, "columns");
    sources = List.copyOf(sources);
  }

  /** The number of sources. */
  public int size() {
    return sources.size();
  }

  /**
   * Names used by more than one source, sorted (cutouts named after sources would collide; the
   * builder decides whether to rename or refuse).
   */
  public Set<String> duplicateNames() {
    Set<String> seen = new HashSet<>();
    Set<String> dups = new TreeSet<>();
    for (CatalogSource s : sources) {
      if (!seen.add(s.name())) {
        dups.add(s.name());
      }
    }
    return dups;
  }
}
