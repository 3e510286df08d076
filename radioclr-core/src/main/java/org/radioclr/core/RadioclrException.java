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

  /**
   * The first non-blank message in {@code e}'s cause chain, or {@code e}'s simple class name when
   * none has one: the problem part of a one-line message about a failed read.
   */
  public static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    return e.getClass().getSimpleName();
  }
}
