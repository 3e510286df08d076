package org.radioclr.core.catalog;

import java.util.logging.Level;
import java.util.logging.Logger;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StoragePolicy;

/**
 * STIL set up for quiet, local reading.
 *
 * <ul>
 *   <li>STIL logs format guesses and storage choices at INFO through {@code java.util.logging}; the
 *       {@code uk.ac.starlink} logger is set to WARNING unless someone configured it already (the
 *       logger is held here so the setting is not garbage-collected).
 *   <li>Tables are opened from a {@code FileDataSource} or an input stream, never from a location
 *       string, so STIL never interprets a name as a URL or a scheme.
 *   <li>An XML parser would fetch the DTD named in a VOTable's DOCTYPE; STIL serves the standard
 *       VOTable DTDs itself, and the JAXP property {@code javax.xml.accessExternalDTD} is set to
 *       {@code file,jar} (unless already set) so that no other DTD is fetched over the network.
 *       This property is JVM-wide.
 *   <li>FITS and VOTable files are read as streams into memory (no memory-mapping, so no {@code
 *       sun.misc.Unsafe} warnings and no mapped files held open).
 * </ul>
 */
final class Stil {
  private static final Logger STARLINK = Logger.getLogger("uk.ac.starlink");
  static final String ACCESS_EXTERNAL_DTD = "javax.xml.accessExternalDTD";

  static {
    if (STARLINK.getLevel() == null) {
      STARLINK.setLevel(Level.WARNING);
    }
    if (System.getProperty(ACCESS_EXTERNAL_DTD) == null) {
      System.setProperty(ACCESS_EXTERNAL_DTD, "file,jar");
    }
  }

  private Stil() {}

  /** A table factory for one read: sequential access, rows kept in memory. */
  static StarTableFactory factory() {
    StarTableFactory factory = new StarTableFactory(false);
    factory.setStoragePolicy(StoragePolicy.PREFER_MEMORY);
    return factory;
  }
}
