package org.radioclr.anomaly.scan;

import java.nio.file.Path;
import java.util.Locale;
import org.radioclr.core.io.AtomicFiles;

/**
 * Writes a scan as CSV: {@code feature_set, columns, max_samples, samples_per_tree, contamination,
 * threshold, labelled, peculiar, flagged, true_positives, precision, recall, f1, average_precision,
 * chosen} ({@code true} on the chosen row), one row per setting in grid order.
 */
public final class ScanCsv {
  /** The header line. */
  public static final String HEADER =
      "feature_set,columns,max_samples,samples_per_tree,contamination,threshold,labelled,"
          + "peculiar,flagged,true_positives,precision,recall,f1,average_precision,chosen";

  private ScanCsv() {}

  /** Writes {@code result} to {@code file} atomically. */
  public static void write(IforestScan.Result result, Path file) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < result.rows().size(); i++) {
      IforestScan.Row r = result.rows().get(i);
      DetectionMetrics m = r.metrics();
      sb.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%s,%d,%s,%.6f,%d,%d,%d,%d,%.6f,%.6f,%.6f,%.6f,%b\n",
              r.featureSet(),
              r.columns(),
              r.maxSamples(),
              r.samplesPerTree(),
              r.contamination(),
              r.threshold(),
              m.rows(),
              m.positives(),
              m.flagged(),
              m.truePositives(),
              m.precision(),
              m.recall(),
              m.f1(),
              m.averagePrecision(),
              i == result.chosen()));
    }
    AtomicFiles.writeString(file, sb);
  }
}
