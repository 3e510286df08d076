package org.radioclr.nn.train;

import java.nio.file.Path;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.nn.checkpoint.Checkpoint;

/**
 * The epoch listener that writes a run's checkpoints: {@code checkpoints/epoch-NNNN/} every {@code
 * every} epochs and whenever the trainer asks (the last epoch, a stop), keeping the newest {@code
 * keepLast}; a new one supersedes the run's {@code interrupted} checkpoint.
 */
final class EpochCheckpoints {
  /** Writes one run checkpoint of the given epoch into a folder. */
  @FunctionalInterface
  interface Writer {
    void write(Path folder, int epoch);
  }

  private final Path run;
  private final int every;
  private final int keepLast;
  private final Writer writer;
  private final TrainingListener listener;

  EpochCheckpoints(Path run, int every, int keepLast, Writer writer, TrainingListener listener) {
    this.run = run;
    this.every = every;
    this.keepLast = keepLast;
    this.writer = writer;
    this.listener = listener;
  }

  /**
   * An epoch ended.
   *
   * @param epoch 1-based, the epochs done
   * @param force save even off the {@code every} rhythm
   * @return the checkpoint written, or {@code null} when none was due
   */
  Path epochDone(int epoch, boolean force) {
    if (!force && epoch % every != 0) {
      return null;
    }
    Path folder = run.resolve(Checkpoint.CHECKPOINTS_DIR).resolve(Checkpoint.folderName(epoch));
    writer.write(folder, epoch);
    Checkpoint.prune(run, keepLast);
    OutputFolders.deleteTree(run.resolve(SimclrTrainer.INTERRUPTED_DIR)); // superseded
    listener.checkpointSaved(folder);
    return folder;
  }
}
