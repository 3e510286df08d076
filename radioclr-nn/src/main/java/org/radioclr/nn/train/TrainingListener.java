package org.radioclr.nn.train;

import org.radioclr.core.io.SkippedImages;

/**
 * Receives the progress of a training run. All methods have empty defaults; {@link #imageSkipped}
 * may be called from data-pipeline threads, the others from the training thread.
 */
public interface TrainingListener {
  /** Listens to nothing. */
  TrainingListener NONE = new TrainingListener() {};

  /**
   * An epoch starts.
   *
   * @param epoch 1-based
   * @param epochs the run's total
   * @param images images the epoch will train on (full batches)
   */
  default void epochStarted(int epoch, int epochs, long images) {}

  /**
   * The epoch just started continues one stopped in its middle: {@code images} of it were trained
   * before the stop (called right after {@link #epochStarted}).
   */
  default void epochResumed(long images) {}

  /**
   * The learning-rate schedule of the run, once before the first epoch (also when resuming).
   *
   * @param stepsPerEpoch optimizer steps per epoch (for {@link LearningRateSchedule#describe})
   */
  default void schedule(LearningRateSchedule schedule, int stepsPerEpoch) {}

  /**
   * The network the run trains, one line, before the first step, e.g. {@code encoder: ResNet18,
   * standard stem (7x7 stride 2 + max-pool) at 64 px (--stem auto)}.
   */
  default void encoder(String description) {}

  /** A step finished on {@code pairs} images with this loss. */
  default void stepDone(int pairs, float loss) {}

  /** An epoch finished. */
  default void epochDone(EpochMetrics metrics) {}

  /** A checkpoint was written. */
  default void checkpointSaved(java.nio.file.Path folder) {}

  /**
   * Something non-fatal happened; one line. Images that cannot be read or pre-processed come as one
   * summary line at the end of the run (how many, the main reasons, where the list is), each one
   * also through {@link #imageSkipped}.
   */
  default void warning(String message) {}

  /**
   * An image was left out (once per image, possibly from a data-pipeline thread); for a {@code
   * --verbose} listing, the summary comes through {@link #warning} at the end.
   */
  default void imageSkipped(SkippedImages.Entry image) {}

  /**
   * Something the user should know that is not a problem, one line: leftovers of a crash removed
   * from the run folder, a resume that restarts from the first step.
   */
  default void note(String message) {}

  /**
   * Asked after every step: when {@code true} the trainer stops, saving where it is first (the
   * run's {@code interrupted} checkpoint in the middle of an epoch, the epoch's checkpoint at its
   * end), so that a resume continues exactly.
   */
  default boolean stopRequested() {
    return false;
  }

  /**
   * The trainer stopped on request.
   *
   * @param checkpoint the checkpoint it saved, from which a resume continues
   * @param epoch the 1-based epoch it was in
   * @param batch batches of that epoch done
   */
  default void stopped(java.nio.file.Path checkpoint, int epoch, int batch) {}
}
