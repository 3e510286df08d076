package org.radioclr.app.demo;

/** Runs a radioclr command line in-process, exactly as a user would type it. */
@FunctionalInterface
public interface Commands {
  /**
   * Runs {@code radioclr args...}.
   *
   * @throws org.radioclr.core.RadioclrException when the command fails (it has printed why)
   */
  void run(String... args);
}
