package org.radioclr.nn.train;

import org.radioclr.core.RadioclrException;

/**
 * The step listener that handles skipped steps: an {@link OptimiserStep} returns a non-finite loss
 * when it skipped a batch; the guard warns once per skipped step and stops the run with a {@link
 * RadioclrException} after {@link SimclrTrainer#MAX_SKIPPED_IN_A_ROW} skipped steps in a row.
 */
final class DivergenceGuard {
  private final int maxInARow;
  private final TrainingListener listener;
  private int inARow;

  DivergenceGuard(int maxInARow, TrainingListener listener) {
    this.maxInARow = maxInARow;
    this.listener = listener;
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
  boolean stepDone(float loss, int epoch, int batch) {
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
              + " (try a smaller --lr; the paper's 0.1 is large for Adam)");
    }
    listener.warning(
        "epoch "
            + (epoch + 1)
            + ", batch "
            + (batch + 1)
            + ": non-finite loss or gradients; step skipped, weights unchanged");
    return false;
  }
}
