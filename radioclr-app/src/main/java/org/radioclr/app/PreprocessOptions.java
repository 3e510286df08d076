package org.radioclr.app;

import java.nio.file.Path;
import org.radioclr.core.io.Json;
import org.radioclr.core.preprocess.PreprocessConfig;
import picocli.CommandLine.Option;

/**
 * Pre-processing options shared by the commands that pre-process: a JSON config file (every
 * parameter of the paper's recipe, see {@code docs/preprocess-config.md}) with flags on top.
 */
final class PreprocessOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "JSON pre-processing config (channels, sigmas, zscale contrasts, size).")
  Path config;

  @Option(
      names = "--size",
      paramLabel = "N",
      description = "Output side in pixels (default: 224, or the config's).")
  Integer size;

  @Option(names = "--no-resize", description = "Keep the input size.")
  boolean noResize;

  @Option(
      names = "--max-blank",
      paramLabel = "F",
      description = "Reject images with more than this fraction of blank/NaN pixels (default 0.3).")
  Double maxBlank;

  /**
   * The paper's configuration, or the config file's, with the flags applied.
   *
   * @throws BadOptionException naming the flag when its value is out of range
   */
  PreprocessConfig resolve() {
    if (size != null && size < 1) {
      throw new BadOptionException("--size must be >= 1 pixel, got " + size);
    }
    if (maxBlank != null && !(maxBlank >= 0 && maxBlank < 1)) {
      throw new BadOptionException("--max-blank must be in [0, 1), got " + maxBlank);
    }
    PreprocessConfig c =
        config == null ? PreprocessConfig.paper() : Json.read(config, PreprocessConfig.class);
    if (size != null) {
      c = c.withOutputSize(size, size);
    }
    if (noResize) {
      c = c.withResize(false);
    }
    if (maxBlank != null) {
      c = c.withMaxInvalidFraction(maxBlank);
    }
    return c;
  }
}
