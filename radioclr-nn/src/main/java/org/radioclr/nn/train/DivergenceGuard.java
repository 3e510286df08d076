package org.radioclr.nn.train;

import java.util.Objects;
import java.util.function.Consumer;
import org.radioclr.core.RadioclrException;

/**
 * The step listener that handles skipped steps, shared by every trainer: an {@link OptimiserStep}
 * returns a non-finite loss when it skipped a batch; the guard warns once per skipped step and
 * stops the run with a {@link RadioclrException} after {@code maxInARow} skipped steps in a row
 * (counted across epochs; a trained step resets the count).
 */
public final class DivergenceGuard {
  /** Skipped steps in a row before a run stops, unless a trainer says otherwise. */
  public static final int MAX_IN_A_ROW = 5;

  private final int maxInARow;
  private final String advice;
  private final Consumer<String> warnings;
  private int inARow;

  /**
   * A guard.
   *
   * @param maxInARow skipped steps in a row that stop the run, {@code >= 1}
   * @param advice what to try instead, ending the message of a stopped run (e.g. {@code "try a
   *     smaller --lr"})
   * @param warnings receives one line per skipped step
   */
  public DivergenceGuard(int maxInARow, String advice, Consumer<String> warnings) {
    if (maxInARow < 1) {
      throw new IllegalArgumentException("maxInARow must be >= 1, got " + maxInARow);
    }
    this.maxInARow = maxInARow;
    this.advice = Objects.requireNonNull(advice, "advice");
    this.warnings = Objects.requireNonNull(warnings, "warnings");
  }

  /**
   * A step ended.
   *
   * @param loss its loss (non-finite when it was skipped)
   * @param epoch 0-based
   * @param batch 0-based index in the epoch
   * @return whether the step trained (its loss counts)
   * @throws RadioclrException when too many steps in a row were skipped
   */
  public boolean stepDone(float loss, int epoch, int batch) {
    if (Float.isFinite(loss)) {
      inARow = 0;
      return true;
    }
    if (++inARow >= maxInARow) {
      throw new RadioclrException(
          "training diverged: "
              + inARow
              + " steps in a row with a non-finite loss or gradients, at epoch "
              + (epoch + 1)
              + " ("
              + advice
              + ")");
    }
    warnings.accept(
        "epoch "
            + (epoch + 1)
            + ", batch "
            + (batch + 1)
            + ": non-finite loss or gradients; step skipped, weights unchanged");
    return false;
  }
}
