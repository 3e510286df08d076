package org.radioclr.nn.features;

/**
 * Settings of a feature extraction.
 *
 * @param projection true for the projection head's output (e.g. 128 columns) instead of the
 *     encoder's 512 features
 * @param batchSize images per forward pass, &ge; 1
 * @param workers reader threads that load and pre-process batches ahead of the model, &ge; 1
 * @param strict true to fail on the first image that cannot be read or pre-processed, false to skip
 *     it and report it in the summary
 * @param dihedral true to average each image's output over its 8 orientations (the rotations by 0,
 *     90, 180 and 270 degrees, each with and without a mirror flip): features that do not change
 *     when a source is rotated by 90 degrees or mirrored, at 8 times the network's compute
 */
public record FeatureOptions(
    boolean projection, int batchSize, int workers, boolean strict, boolean dihedral) {
  /** Default images per forward pass. */
  public static final int DEFAULT_BATCH = 64;

  /** Validates the fields. */
  public FeatureOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
  }

  /** Encoder features, batches of 64, one reader per core (at most 4), skipping bad images. */
  public static FeatureOptions defaults() {
    return new FeatureOptions(
        false,
        DEFAULT_BATCH,
        Math.min(4, Runtime.getRuntime().availableProcessors()),
        false,
        false);
  }

  /** These options with the projection head's output switched on or off. */
  public FeatureOptions withProjection(boolean enabled) {
    return new FeatureOptions(enabled, batchSize, workers, strict, dihedral);
  }

  /** These options with another batch size. */
  public FeatureOptions withBatchSize(int size) {
    return new FeatureOptions(projection, size, workers, strict, dihedral);
  }

  /** These options with another number of reader threads. */
  public FeatureOptions withWorkers(int count) {
    return new FeatureOptions(projection, batchSize, count, strict, dihedral);
  }

  /** These options failing (or not) on the first bad image. */
  public FeatureOptions withStrict(boolean enabled) {
    return new FeatureOptions(projection, batchSize, workers, enabled, dihedral);
  }

  /** These options averaging (or not) over the 8 orientations of each image. */
  public FeatureOptions withDihedral(boolean enabled) {
    return new FeatureOptions(projection, batchSize, workers, strict, enabled);
  }
}
