package org.radioclr.core.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One catalogued source.
 *
 * @param row 0-based row index in the table (error messages count rows from 1)
 * @param name the source name (from the name column, or {@code row<N>} with N counted from 1 when
 *     the catalogue has none)
 * @param position sky position in degrees or 0-based pixel position
 * @param size pixel box, angular extent, or unknown
 * @param label the class label, when the catalogue has one for this row
 */
public record CatalogSource(
    long row, String name, SourcePosition position, SourceSize size, Optional<String> label) {
  public CatalogSource {
    if (row < 0) {
      throw new IllegalArgumentException("row must be >= 0, got " + row);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must be non-blank, got '" + name + "'");
    }
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(label, "label");
  }

  /** See {@link SourceSize#boxSidePixels(double)}. */
  public double boxSidePixels(double degPerPixel) {
    return size.boxSidePixels(degPerPixel);
  }
}
