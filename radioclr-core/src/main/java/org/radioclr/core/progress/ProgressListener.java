package org.radioclr.core.progress;

/**
 * Receives progress of a long job (cutting a survey, pre-processing a data set). Implementations
 * must be thread-safe: workers call {@link #advance(long)} concurrently.
 */
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void start(String task, long total) {}

        @Override
        public void advance(long done) {}

        @Override
        public void finish() {}
      };

  /**
   * A job starts.
   *
   * @param task short description shown to the user, e.g. {@code "cutting map.fits"}
   * @param total number of units of work, or {@code -1} when unknown
   */
  void start(String task, long total);

  /** {@code done} more units of work finished. */
  void advance(long done);

  /** The job ended (successfully or not). */
  void finish();
}
