package org.radioclr.anomaly.scan;

import java.nio.file.Path;
import java.util.Locale;
import org.radioclr.anomaly.evaluate.FrameGroup;
import org.radioclr.anomaly.evaluate.GroupCounts;
import org.radioclr.anomaly.evaluate.ThresholdMetrics;
import org.radioclr.core.io.Csv;

/**
 * Writes a scan as CSV, one row per setting in grid order: {@code feature_set, columns,
 * max_samples, samples_per_tree, contamination, threshold}, the totals {@code labelled, peculiar},
 * the flagged rows {@code flagged} (all), {@code flagged_labelled}, {@code true_positives} (flagged
 * PECULIAR), then the {@link ThresholdMetrics} of the flag {@code recall, precision, precision_pc,
 * contamination_complex, contamination_ordinary, contamination_compact_only, unlabelled_share, f1},
 * the score's {@code average_precision} and {@code chosen} ({@code true} on the chosen row).
 * Undefined ratios (nothing labelled flagged) are empty cells.
 */
public final class ScanCsv {
  /** The header line. */
  public static final String HEADER =
      "feature_set,columns,max_samples,samples_per_tree,contamination,threshold,labelled,"
          + "peculiar,flagged,flagged_labelled,true_positives,recall,precision,precision_pc,"
          + "contamination_complex,contamination_ordinary,contamination_compact_only,"
          + "unlabelled_share,f1,average_precision,chosen";

  private ScanCsv() {}

  /** Writes {@code result} to {@code file} atomically. */
  public static void write(IforestScan.Result result, Path file) {
    Csv table = new Csv(HEADER.split(","));
    for (int i = 0; i < result.rows().size(); i++) {
      IforestScan.Row r = result.rows().get(i);
      ThresholdMetrics m = r.metrics();
      GroupCounts a = m.above();
      table.row(
          r.featureSet(),
          r.columns(),
          r.maxSamples(),
          r.samplesPerTree(),
          r.contamination(),
          String.format(Locale.ROOT, "%.6f", r.threshold()),
          m.totals().labelled(),
          m.totals().peculiar(),
          a.all(),
          a.labelled(),
          a.peculiar(),
          ratio(m.recall()),
          ratio(m.precision()),
          ratio(m.precisionPeculiarOrComplex()),
          ratio(m.contamination(FrameGroup.COMPLEX)),
          ratio(m.contamination(FrameGroup.ORDINARY)),
          ratio(m.contamination(FrameGroup.COMPACT_ONLY)),
          ratio(m.unlabelledShare()),
          ratio(m.f1()),
          ratio(r.averagePrecision()),
          i == result.chosen());
    }
    table.write(file);
  }

  /** A ratio with 6 decimals, or an empty cell when undefined. */
  private static String ratio(double v) {
    return Double.isNaN(v) ? null : String.format(Locale.ROOT, "%.6f", v);
  }
}
