package org.radioclr.nn.train;

import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The SimCLR learning-rate schedule per optimizer step: linear warm-up to the target, then cosine
 * decay to 0 (paper section 2.3: warm-up for 10 epochs, then cosine), built from DJL's {@link
 * WarmUpTracker} and {@link ai.djl.training.tracker.CosineTracker}.
 *
 * <p>With {@code W} warm-up steps of {@code T}, DJL's tracker {@code u -> W > u ? target * u / W :
 * cosine(u - W)} (cosine over {@code T - W} updates from the target to 0) is read at {@code u = s +
 * 1} during the warm-up and at {@code u = s} after it: step {@code s} (0-based) uses {@code target
 * * (s + 1) / W} for {@code s < W} (no step is wasted at rate 0, step {@code W - 1} reaches the
 * target), then {@code target * (1 + cos(pi * (s - W) / (T - W))) / 2}, which starts at the target
 * and is small but positive at the last step (so even a one-step run learns).
 *
 * <p>A warm-up of {@code W >= T} steps leaves no decay: the rate rises to the last step. New runs
 * refuse it ({@link SimclrTrainConfig#requireDecayingSchedule()}); the class still computes it, so
 * that runs started before that check resume exactly.
 */
public final class LearningRateSchedule {
  private final Tracker tracker;
  private final double target;
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
    this.target = target;
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
    return tracker.getNewValue(step < warmupSteps ? step + 1 : step);
  }

  /** Warm-up steps. */
  public int warmupSteps() {
    return warmupSteps;
  }

  /** All steps. */
  public int totalSteps() {
    return totalSteps;
  }

  /** Whether the rate decays after the warm-up (the warm-up is shorter than the run). */
  public boolean decays() {
    return warmupSteps < totalSteps;
  }

  /**
   * One line describing the schedule, e.g. {@code linear warm-up to 0.001 over 9 steps (1 epoch),
   * then cosine decay to 0 over 81 steps (9 epochs); 90 steps in all}.
   *
   * @param stepsPerEpoch optimizer steps per epoch, to give the lengths in epochs too
   */
  public String describe(int stepsPerEpoch) {
    String lr = BigDecimal.valueOf(target).stripTrailingZeros().toPlainString();
    String tail = "; " + totalSteps + (totalSteps == 1 ? " step" : " steps") + " in all";
    if (warmupSteps == 0) {
      return "cosine decay from "
          + lr
          + " to 0 over "
          + span(totalSteps, stepsPerEpoch)
          + ", no warm-up"
          + tail;
    }
    if (!decays()) {
      return "linear warm-up to "
          + lr
          + " over "
          + span(warmupSteps, stepsPerEpoch)
          + ", not shorter than the run: the rate rises to the last step and never decays"
          + tail;
    }
    return "linear warm-up to "
        + lr
        + " over "
        + span(warmupSteps, stepsPerEpoch)
        + ", then cosine decay to 0 over "
        + span(totalSteps - warmupSteps, stepsPerEpoch)
        + tail;
  }

  private static String span(int steps, int perEpoch) {
    String s = steps + (steps == 1 ? " step" : " steps");
    if (perEpoch < 1) {
      return s;
    }
    String epochs =
        steps % perEpoch == 0
            ? (steps / perEpoch) + (steps == perEpoch ? " epoch" : " epochs")
            : String.format(Locale.ROOT, "%.1f epochs", (double) steps / perEpoch);
    return s + " (" + epochs + ")";
  }
}
