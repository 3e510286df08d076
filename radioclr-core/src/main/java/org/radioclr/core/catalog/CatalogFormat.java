package org.radioclr.core.catalog;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The table formats a catalogue may come in, each read by its STIL handler. */
public enum CatalogFormat {
  /** Comma-separated values with a header line (STIL's {@code csv} handler). */
  CSV("csv"),
  /** IVOA VOTable, any serialisation (STIL's {@code votable} handler). */
  VOTABLE("votable"),
  /** FITS binary or ASCII table, first table extension (STIL's {@code fits} handler). */
  FITS("fits");

  private final String stilHandler;

  CatalogFormat(String stilHandler) {
    this.stilHandler = stilHandler;
  }

  /** The STIL handler name. */
  public String stilHandler() {
    return stilHandler;
  }

  /**
   * The format a file name implies, ignoring a trailing {@code .gz}: {@code .csv}; {@code .vot},
   * {@code .votable}, {@code .xml}; {@code .fits}, {@code .fit}, {@code .fts}. Empty for other
   * names (the reader then looks at the content).
   */
  public static Optional<CatalogFormat> fromExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    return switch (ext) {
      case "csv" -> Optional.of(CSV);
      case "vot", "votable", "xml" -> Optional.of(VOTABLE);
      case "fits", "fit", "fts" -> Optional.of(FITS);
      default -> Optional.empty();
    };
  }

  /**
   * Parses a format name as a user types it ({@code csv}, {@code votable}/{@code vot}, {@code
   * fits}).
   */
  public static CatalogFormat parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "csv" -> CSV;
      case "votable", "vot", "xml" -> VOTABLE;
      case "fits", "fit" -> FITS;
      default ->
          throw new IllegalArgumentException(
              "catalogue format must be csv, votable or fits, got '" + name + "'");
    };
  }
}
