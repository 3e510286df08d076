package org.radioclr.app;

import org.radioclr.detect.islands.IslandConfig;
import picocli.CommandLine.Option;

/** The island finder's thresholds, shared by {@code detect islands} and {@code detect evaluate}. */
final class IslandOptions {
  @Option(
      names = "--seed-sigma",
      paramLabel = "K",
      description = "Island finder: seed threshold in rms (default: 5).")
  double seedSigma = IslandConfig.DEFAULT.seedSigma();

  @Option(
      names = "--flood-sigma",
      paramLabel = "K",
      description = "Island finder: flood threshold in rms (default: 3).")
  double floodSigma = IslandConfig.DEFAULT.floodSigma();

  @Option(
      names = "--compact-factor",
      paramLabel = "F",
      description =
          "Island finder: COMPACT up to this many beam FWHMs (flux-weighted major axis),"
              + " EXTENDED above (default: 1.5).")
  double compactFactor = IslandConfig.DEFAULT.compactFactor();

  /**
   * The settings.
   *
   * @throws BadOptionException naming the bad value
   */
  IslandConfig resolve() {
    return BadOptionException.check(
        () ->
            new IslandConfig(
                seedSigma,
                floodSigma,
                IslandConfig.DEFAULT.boxBeams(),
                compactFactor,
                IslandConfig.DEFAULT.minPixels()));
  }
}
