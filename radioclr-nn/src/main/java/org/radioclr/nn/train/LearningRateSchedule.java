package org.radioclr.nn.train;

import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;

/**
 * The SimCLR learning-rate schedule per optimizer step: linear warm-up to the target, then cosine
 * decay to 0 (paper section 2.3: warm-up for 10 epochs, then cosine), built from DJL's {@link
 * WarmUpTracker} and {@link ai.djl.training.tracker.CosineTracker}.
 *
 * <p>Step {@code s} (0-based) of {@code T} uses {@code tracker(s + 1)}: {@code target * (s + 1) /
 * W} for the {@code W} warm-up steps (so the first step is not wasted at 0 and step {@code W - 1}
 * reaches the target), then {@code target * (1 + cos(pi * (s + 1 - W) / (T - W))) / 2}, which falls
 * to 0 at the last step.
 */
public final class LearningRateSchedule {
  private final Tracker tracker;
  private final int warmupSteps;
  private final int totalSteps;

  /**
   * @param target peak learning rate, &gt; 0
   * @param warmupSteps steps of linear warm-up, &ge; 0
   * @param totalSteps all steps of the run, &ge; 1
   */
  public LearningRateSchedule(double target, int warmupSteps, int totalSteps) {
    if (!(target > 0) || !Double.isFinite(target)) {
      throw new IllegalArgumentException("target learning rate must be > 0, got " + target);
    }
    if (warmupSteps < 0 || totalSteps < 1) {
      throw new IllegalArgumentException(
          "need warm-up steps >= 0 and total steps >= 1, got " + warmupSteps + ", " + totalSteps);
    }
    this.warmupSteps = warmupSteps;
    this.totalSteps = totalSteps;
    Tracker cosine =
        Tracker.cosine()
            .setBaseValue((float) target)
            .optFinalValue(0f)
            .setMaxUpdates(Math.max(1, totalSteps - warmupSteps))
            .build();
    this.tracker =
        warmupSteps == 0
            ? cosine
            : Tracker.warmUp()
                .setMainTracker(cosine)
                .optWarmUpSteps(warmupSteps)
                .optWarmUpBeginValue(0f)
                .build();
  }

  /** The learning rate of step {@code step} (0-based). */
  public float at(int step) {
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0, got " + step);
    }
    return tracker.getNewValue(step + 1);
  }

  /** Warm-up steps. */
  public int warmupSteps() {
    return warmupSteps;
  }

  /** All steps. */
  public int totalSteps() {
    return totalSteps;
  }
}
