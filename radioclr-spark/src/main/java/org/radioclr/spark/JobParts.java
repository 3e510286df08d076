package org.radioclr.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.radioclr.core.io.AtomicFiles;

/**
 * What the Spark jobs share about their partitions: how many, and the hidden folder beside the
 * output where their tasks write their part files.
 */
public final class JobParts {
  private JobParts() {}

  /**
   * Checks a requested number of partitions.
   *
   * @throws IllegalArgumentException when it is negative (0 means automatic)
   */
  public static int requireValid(int partitions) {
    if (partitions < 0) {
      throw new IllegalArgumentException(
          "partitions must be >= 0 (0: automatic), got " + partitions);
    }
    return partitions;
  }

  /**
   * The number of partitions for {@code items} work items: {@code requested}, or when it is 0 at
   * least {@code parallelism} (one per core) and at most {@code perPartition} items each; never
   * more than the items, never less than 1.
   */
  public static int count(int requested, int parallelism, long items, long perPartition) {
    long n =
        requested > 0
            ? requested
            : Math.max(parallelism, (items + perPartition - 1) / perPartition);
    return (int) Math.max(1, Math.min(n, items));
  }

  /** A new hidden folder {@code .NAME.parts-*} beside {@code out} for the part files. */
  public static Path folderBeside(Path out) {
    Path dir = out.toAbsolutePath().getParent();
    AtomicFiles.ensureDirectory(dir);
    try {
      return Files.createTempDirectory(dir, "." + out.getFileName() + ".parts-");
    } catch (IOException e) {
      throw AtomicFiles.writeFailure(out, e);
    }
  }
}
