package org.radioclr.app;

import java.nio.file.Path;
import org.radioclr.nn.features.FeatureOptions;
import picocli.CommandLine.Option;

/**
 * The options of a feature extraction, shared by {@code radioclr features} and {@code radioclr
 * spark features} (a picocli mixin): model, datalist, output table, projection, batch, strict,
 * dihedral.
 */
public final class FeatureArgs {
  @Option(
      names = "--model",
      required = true,
      paramLabel = "RUN|CKPT",
      description = "A training run folder (its latest checkpoint is used) or a checkpoint folder.")
  Path model;

  @Option(names = "--datalist", required = true, paramLabel = "D.json", description = "Images.")
  Path datalist;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "F.parquet|F.csv",
      description = "Feature table to write (atomically).")
  Path out;

  @Option(names = "--projection", description = "Write the projection head's output instead.")
  boolean projection;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "Images per forward pass (default: " + FeatureOptions.DEFAULT_BATCH + ").")
  int batch = FeatureOptions.DEFAULT_BATCH;

  @Option(names = "--strict", description = "Fail on the first image that cannot be used.")
  boolean strict;

  @Option(names = "--dihedral", description = DIHEDRAL_DESCRIPTION)
  boolean dihedral;

  /** The help text of {@code --dihedral} (shared with {@code evaluate}). */
  static final String DIHEDRAL_DESCRIPTION =
      "Average each image's features over its 8 orientations (rotations by 90 degrees, with and"
          + " without a mirror flip): features a rotated or mirrored source does not change, at"
          + " 8 times the network's compute.";

  /** The run or checkpoint folder. */
  public Path model() {
    return model;
  }

  /** The datalist. */
  public Path datalist() {
    return datalist;
  }

  /** The table to write. */
  public Path out() {
    return out;
  }

  /** Whether the projection head's output is written. */
  public boolean projection() {
    return projection;
  }

  /**
   * The extraction settings with {@code workers} reader threads.
   *
   * @throws BadOptionException for a bad value
   */
  public FeatureOptions options(int workers) {
    return BadOptionException.check(
        () -> new FeatureOptions(projection, batch, workers, strict, dihedral));
  }
}
