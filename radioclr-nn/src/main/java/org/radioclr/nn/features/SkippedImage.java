package org.radioclr.nn.features;

import java.nio.file.Path;
import java.util.Objects;
import org.radioclr.core.io.SkippedImages;

/**
 * An image left out of a feature table.
 *
 * @param sname the datalist entry's source name
 * @param file the file that failed
 * @param problem why, in one line
 * @param reason the reason it shares with images that failed alike ({@link
 *     SkippedImages#reasonOf}), e.g. {@code more than 30% of pixels blank or NaN}
 */
public record SkippedImage(String sname, Path file, String problem, String reason) {
  /** Validates the fields. */
  public SkippedImage {
    Objects.requireNonNull(sname, "sname");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(reason, "reason");
  }

  /** An image whose reason is its problem. */
  public SkippedImage(String sname, Path file, String problem) {
    this(sname, file, problem, problem);
  }

  /** The image left out because of {@code e}. */
  static SkippedImage of(String sname, Path file, Throwable e) {
    return new SkippedImage(sname, file, SkippedImages.detailOf(e), SkippedImages.reasonOf(e));
  }
}
