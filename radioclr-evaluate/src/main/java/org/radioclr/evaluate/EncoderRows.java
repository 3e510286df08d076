package org.radioclr.evaluate;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.nn.features.ExtractionSummary;
import org.radioclr.nn.features.FeatureExtractor;

/**
 * An encoder's feature rows for a list of entries, through {@link FeatureExtractor} (the same
 * pre-processing and inference as {@code radioclr features}).
 *
 * @param rows {@code [entries][512]}; a row is null where the image was skipped
 * @param skipped the images that could not be read or pre-processed
 */
public record EncoderRows(float[][] rows, List<SkippedImages.Entry> skipped) {

  public EncoderRows {
    skipped = List.copyOf(skipped);
  }

  /** Runs the extractor on every entry, in order. */
  public static EncoderRows of(
      FeatureExtractor extractor, List<DatalistEntry> entries, ProgressListener progress) {
    Map<DatalistEntry, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      index.put(entries.get(i), i);
    }
    int dim = extractor.dimension();
    float[][] rows = new float[entries.size()][];
    ExtractionSummary summary =
        extractor.extract(
            entries.iterator(),
            (entry, features, offset) -> {
              float[] row = new float[dim];
              System.arraycopy(features, offset, row, 0, dim);
              rows[index.get(entry)] = row;
            },
            progress);
    return new EncoderRows(rows, summary.skipped());
  }
}
