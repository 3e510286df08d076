package org.radioclr.core.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The columns a {@link CatalogReader} actually used, as named in the table, for logs and reports.
 *
 * @param name the name column, empty when sources are named by row
 * @param position how positions were read (never {@link PositionKind#AUTO})
 * @param positionColumns ra, dec; or x, y; or xmin, xmax, ymin, ymax
 * @param pixelOrigin the pixel origin applied to pixel columns
 * @param size how sizes were read (never {@link SizeKind#AUTO})
 * @param sizeColumns xmin, xmax, ymin, ymax; or major (and minor); or none
 * @param sizeUnit the unit of axis columns
 * @param label the label column, if any
 */
public record ResolvedColumns(
    Optional<String> name,
    PositionKind position,
    List<String> positionColumns,
    int pixelOrigin,
    SizeKind size,
    List<String> sizeColumns,
    SizeUnit sizeUnit,
    Optional<String> label) {
  public ResolvedColumns {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    if (position == null || position == PositionKind.AUTO) {
      throw new IllegalArgumentException("resolved position must not be AUTO, got " + position);
    }
    if (size == null || size == SizeKind.AUTO) {
      throw new IllegalArgumentException("resolved size must not be AUTO, got " + size);
    }
    positionColumns = List.copyOf(positionColumns);
    sizeColumns = List.copyOf(sizeColumns);
    Objects.requireNonNull(sizeUnit, "sizeUnit");
  }

  /** One line, e.g. {@code name=Source_ID position=sky(RA, DEC) size=axes(Maj) arcsec label=-}. */
  @Override
  public String toString() {
    String pos = position.toString().toLowerCase(java.util.Locale.ROOT);
    String sz = size.toString().toLowerCase(java.util.Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    sb.append("name=").append(name.orElse("(row number)"));
    sb.append(" position=")
        .append(pos)
        .append('(')
        .append(String.join(", ", positionColumns))
        .append(')');
    if (position != PositionKind.SKY) {
      sb.append(" origin ").append(pixelOrigin);
    }
    sb.append(" size=").append(sz);
    if (size != SizeKind.NONE) {
      sb.append('(').append(String.join(", ", sizeColumns)).append(')');
    }
    if (size == SizeKind.AXES) {
      sb.append(' ').append(sizeUnit.toString().toLowerCase(java.util.Locale.ROOT));
    }
    sb.append(" label=").append(label.orElse("-"));
    return sb.toString();
  }
}
