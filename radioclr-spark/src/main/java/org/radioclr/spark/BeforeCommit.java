package org.radioclr.spark;

import java.io.Serializable;

/**
 * A check a Spark task runs with its partition once its output is written and before the task
 * commits it (renames its part into place, or returns its result). The jobs run none; tests inject
 * task failures here to check that a retried task leaves no duplicate rows or files.
 */
@FunctionalInterface
public interface BeforeCommit extends Serializable {
  /** Runs no check. */
  BeforeCommit NONE = partition -> {};

  /** May throw to fail the task. */
  void check(int partition);
}
