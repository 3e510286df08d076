package org.radioclr.core;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A file that radioclr cannot use: not FITS, truncated, all blank, a catalogue missing a column,
 * and so on. The message always starts with the file name, so it reads as one line: {@code
 * map.fits: not a FITS file (no SIMPLE card)}.
 */
public class BadInputException extends RadioclrException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String problem;

  public BadInputException(Path file, String problem) {
    this(file, problem, null);
  }

  public BadInputException(Path file, String problem, Throwable cause) {
    super(
        Objects.requireNonNull(file, "file") + ": " + Objects.requireNonNull(problem, "problem"),
        cause);
    this.file = file;
    this.problem = problem;
  }

  /**
   * Runs a job on what {@code file} holds, when the job's {@link IllegalArgumentException} can only
   * be about that content (too few rows for the method, a class too small to split): such a
   * rejection is reported as the file's problem, with the job's message. Validate the settings
   * first, so that theirs are not mistaken for the file's.
   */
  public static <T> T check(Path file, Supplier<T> job) {
    try {
      return job.get();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file, String.valueOf(e.getMessage()), e);
    }
  }

  /** The offending file. */
  public Path file() {
    return file;
  }

  /** The problem alone, without the file name. */
  public String problem() {
    return problem;
  }
}
