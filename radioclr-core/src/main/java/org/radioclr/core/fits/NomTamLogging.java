package org.radioclr.core.fits;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps nom-tam-fits' java.util.logging warnings (for example "Premature file end", "Junk detected
 * where header was expected", with a stack trace) off the console: radioclr reports those problems
 * itself, as one {@link org.radioclr.core.BadInputException} line. A level configured for {@code
 * nom.tam} by the user (a logging.properties file) is left alone, so the warnings can still be
 * turned back on for debugging.
 */
final class NomTamLogging {
  /** Held strongly: java.util.logging forgets the level of a logger that is garbage collected. */
  private static final Logger NOM_TAM = Logger.getLogger("nom.tam");

  static {
    if (NOM_TAM.getLevel() == null) {
      NOM_TAM.setLevel(Level.OFF);
    }
  }

  private NomTamLogging() {}

  /** Makes sure the static initializer has run. */
  static void quiet() {
    // the work is done once, in the static initializer
  }
}
