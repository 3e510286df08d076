package org.radioclr.core;

import java.nio.file.Path;
import java.util.Objects;

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

  /** The offending file. */
  public Path file() {
    return file;
  }

  /** The problem alone, without the file name. */
  public String problem() {
    return problem;
  }
}
