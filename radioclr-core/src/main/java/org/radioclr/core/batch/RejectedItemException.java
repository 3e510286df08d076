package org.radioclr.core.batch;

import java.util.Objects;

/**
 * Thrown by an {@link ItemReader} to leave an item out of its batch (an unreadable or unusable
 * image); the pipeline goes on and reports the item, with this reason, in {@link Batch#rejected()}.
 * Any other exception stops the pipeline.
 */
public final class RejectedItemException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param reason why the item was left out (its message is the reason told to the user)
   */
  public RejectedItemException(Throwable reason) {
    super(Objects.requireNonNull(reason, "reason").getMessage(), reason);
  }

  /** The problem that made the item unusable. */
  public Throwable reason() {
    return getCause();
  }
}
