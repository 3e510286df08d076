package org.radioclr.serve;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@code radioclr serve} runs.
 *
 * @param scores score table ({@code anomaly score})
 * @param features the feature table the scores came from, or null (no learned ranking)
 * @param datalist the datalist that made the features
 * @param host address to bind ({@code 127.0.0.1} unless asked otherwise)
 * @param port port, 0 for any free one
 * @param scratch folder for temporary files (PNG drawing, exports, uploads in transit)
 * @param seed seed of the learned ranking's forest
 */
public record ServeConfig(
    Path scores, Path features, Path datalist, String host, int port, Path scratch, long seed) {
  public ServeConfig {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(datalist, "datalist");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(scratch, "scratch");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0 to 65535, got " + port);
    }
  }
}
