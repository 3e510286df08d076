package org.radioclr.core.fits;

import java.nio.file.Path;
import org.radioclr.core.BadInputException;

/**
 * A plane index the image does not have: beyond the planes of a cube, other than 0 for a 2-D image,
 * or negative. {@link #detail()} says what the image has, so a command can name its own option:
 * {@code map.fits: --plane 3: a 2-D image has only plane 0}.
 */
public final class NoSuchPlaneException extends BadInputException {
  private static final long serialVersionUID = 1L;

  private final long requested;
  private final String detail;

  NoSuchPlaneException(Path file, long requested, String detail) {
    super(file, "plane " + requested + " requested, but " + detail);
    this.requested = requested;
    this.detail = detail;
  }

  /** The plane index asked for. */
  public long requested() {
    return requested;
  }

  /** What the image has, e.g. {@code a 2-D image has only plane 0}. */
  public String detail() {
    return detail;
  }

  /** The same problem worded for the command-line option that chose the plane. */
  public BadInputException forOption(String option) {
    return new BadInputException(file(), option + " " + requested + ": " + detail, this);
  }
}
