package org.radioclr.core.wcs;

import org.radioclr.core.RadioclrException;

/**
 * A header whose celestial world coordinate system is missing, broken or unsupported. The message
 * is one line naming the problem ({@code unknown projection code 'XYZ' in CTYPE1 'RA---XYZ'}); the
 * caller adds the file name, e.g. by wrapping it in a {@link org.radioclr.core.BadInputException}.
 */
public class WcsException extends RadioclrException {
  private static final long serialVersionUID = 1L;

  public WcsException(String message) {
    super(message);
  }

  public WcsException(String message, Throwable cause) {
    super(message, cause);
  }
}
