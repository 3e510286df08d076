package org.radioclr.nn.train;

/**
 * The epoch listener that validates the current weights after each epoch and keeps the latest
 * result: SimCLR's kNN accuracy of the validation images ({@link KnnValidation}), a classifier's
 * predictions on its test set. The validation runs in inference mode: it changes nothing in the
 * training (weights, batch-norm statistics, losses and checkpoints are those of a run without it).
 *
 * @param <R> what one validation gives
 */
public final class ValidationListener<R> {
  /** One validation with the current weights, in inference mode. */
  @FunctionalInterface
  public interface Validation<R> {
    /** Validates; never {@code null}. */
    R run();
  }

  private final Validation<R> validation;
  private R latest;

  /**
   * A listener.
   *
   * @param validation the validation, or {@code null} for none
   */
  public ValidationListener(Validation<R> validation) {
    this.validation = validation;
  }

  /** Whether there is a validation. */
  public boolean validates() {
    return validation != null;
  }

  /** An epoch ended: validates, or returns {@code null} without a validation. */
  public R epochDone() {
    if (validation != null) {
      latest = validation.run();
    }
    return latest;
  }

  /** The latest result, {@code null} before the first or without a validation. */
  public R latest() {
    return latest;
  }
}
