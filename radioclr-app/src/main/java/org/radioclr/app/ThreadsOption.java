package org.radioclr.app;

import picocli.CommandLine.Option;

/** The {@code --threads} option: worker threads, at least 1, all cores by default. */
final class ThreadsOption {
  @Option(
      names = "--threads",
      paramLabel = "N",
      converter = PositiveIntConverter.class,
      description = "Worker threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();
}
