package org.radioclr.nn.features;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An image left out of a feature table.
 *
 * @param sname the datalist entry's source name
 * @param file the file that failed
 * @param problem why, in one line
 */
public record SkippedImage(String sname, Path file, String problem) {
  /** Validates the fields. */
  public SkippedImage {
    Objects.requireNonNull(sname, "sname");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(problem, "problem");
  }
}
