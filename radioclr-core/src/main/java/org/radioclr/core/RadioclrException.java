package org.radioclr.core;

/**
 * Root of the radioclr exception family. Every failure a user can cause (bad input, bad
 * configuration, unwritable output) is reported as one of these, with a message that can be shown
 * on its own as one line; the cause stays attached for {@code --verbose} output.
 */
public class RadioclrException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RadioclrException(String message) {
    super(message);
  }

  public RadioclrException(String message, Throwable cause) {
    super(message, cause);
  }
}
