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
 * @param projection 2-D coordinates written by {@code radioclr project} ({@code sname,x,y} CSV) for
 *     the embedding view, or null (the view computes a PCA of the features)
 * @param publicRead whether GET requests are served without a token (read only: no ratings are
 *     shown, every write still needs a token)
 */
public record ServeConfig(
    Path scores,
    Path features,
    Path datalist,
    String host,
    int port,
    Path scratch,
    long seed,
    Path projection,
    boolean publicRead) {
  /** A configuration without a projection file, every request needing a token. */
  public ServeConfig(
      Path scores, Path features, Path datalist, String host, int port, Path scratch, long seed) {
    this(scores, features, datalist, host, port, scratch, seed, null, false);
  }

  public ServeConfig {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(datalist, "datalist");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(scratch, "scratch");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0 to 65535, got " + port);
    }
  }

  /** The same configuration with read-only access without a token on or off. */
  public ServeConfig withPublicRead(boolean on) {
    return new ServeConfig(scores, features, datalist, host, port, scratch, seed, projection, on);
  }

  /** The same configuration with the embedding view's coordinates read from {@code file}. */
  public ServeConfig withProjection(Path file) {
    return new ServeConfig(scores, features, datalist, host, port, scratch, seed, file, publicRead);
  }
}
