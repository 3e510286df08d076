package org.radioclr.core.batch;

/**
 * Runs on the worker thread once a batch's items are read, before the batch is handed over: e.g. to
 * close the gaps left by rejected items in a layout that is not row-major.
 */
@FunctionalInterface
public interface BatchFinisher {
  /** No change. */
  BatchFinisher NONE = (buffer, rows) -> {};

  /**
   * @param buffer the batch buffer
   * @param rows the number of kept items
   */
  void finish(float[] buffer, int rows);
}
