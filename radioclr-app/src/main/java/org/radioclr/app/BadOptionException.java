package org.radioclr.app;

import java.util.function.Supplier;
import org.radioclr.core.RadioclrException;

/**
 * A command line that picocli parsed but the command cannot use: an option value out of range, two
 * options that do not go together, a setting the command's configuration rejects. Reported like a
 * picocli usage error, as one line naming the command with a pointer to its help, exit code 2.
 */
public final class BadOptionException extends RadioclrException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the problem, naming the option as the user typed it where there is one, e.g.
   *     {@code "--k must be >= 1, got 0"}
   */
  public BadOptionException(String message) {
    super(message);
  }

  public BadOptionException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Builds settings from option values. Configuration records check their fields with an {@link
   * IllegalArgumentException}; here such a rejection is the user's (a bad option value), so it
   * becomes a {@link BadOptionException} with the same message. Build only from options inside
   * {@code settings}: any other failure of the same type would be mistaken for a bad option.
   */
  public static <T> T check(Supplier<T> settings) {
    try {
      return settings.get();
    } catch (IllegalArgumentException e) {
      throw new BadOptionException(e.getMessage(), e);
    }
  }
}
