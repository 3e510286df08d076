package org.radioclr.sim.products;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.radioclr.sim.model.SourceTruth;

/**
 * One simulated field as the benchmark builders take it: its map, the truth of its sources and
 * where its mosaicking patterns are.
 *
 * @param name field name used in source names ({@code sim<name>_<id>}) and sub-folders; letters,
 *     digits, {@code -} and {@code _} only
 * @param map the map FITS file (with celestial WCS and beam)
 * @param truths the sources on the map
 * @param mosaicking its mosaicking regions ({@link MosaickingRegions#NONE} if none)
 */
public record BenchmarkField(
    String name, Path map, List<SourceTruth> truths, MosaickingRegions mosaicking) {

  public BenchmarkField {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "field name must be letters, digits, '-' or '_', got '" + name + "'");
    }
    Objects.requireNonNull(map, "map");
    truths = List.copyOf(truths);
    Objects.requireNonNull(mosaicking, "mosaicking");
  }
}
