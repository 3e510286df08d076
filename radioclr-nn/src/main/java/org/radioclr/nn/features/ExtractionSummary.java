package org.radioclr.nn.features;

import java.util.List;
import org.radioclr.core.io.SkippedImages;

/**
 * What a feature extraction did.
 *
 * @param rows images written to the table
 * @param skipped images left out, in datalist order
 * @param seconds wall-clock time of the extraction
 */
public record ExtractionSummary(long rows, List<SkippedImages.Entry> skipped, double seconds) {
  /** Copies the list. */
  public ExtractionSummary {
    skipped = List.copyOf(skipped);
  }

  /** Images per second written. */
  public double rate() {
    return seconds > 0 ? rows / seconds : 0;
  }
}
