package org.radioclr.app;

import picocli.CommandLine.Option;

/** The {@code --seed} option: null when not given, {@link #orDefault()} then 1. */
final class SeedOption {
  /** The seed when none is given. */
  static final long DEFAULT = 1;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: 1).")
  Long seed;

  /** The seed given, or {@link #DEFAULT}. */
  long orDefault() {
    return seed == null ? DEFAULT : seed;
  }
}
