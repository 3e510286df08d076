package org.radioclr.detect.eval;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.radioclr.core.io.Json;
import org.radioclr.formats.labels.DetectionClass;

/**
 * The outputs of a detection evaluation: {@code metrics.json} (per detector: SOURCE and per-class
 * completeness, reliability, F1, counts and the confusion matrix, with the thresholds used) and a
 * text table, one row per class and detector.
 */
public final class EvaluationReport {
  private EvaluationReport() {}

  /** Writes {@code dir/metrics.json} for the named detectors. */
  public static void write(Path dir, EvalConfig config, Map<String, DetectionMetrics> byDetector) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("score_threshold", config.scoreThreshold());
    root.put("iou_threshold", config.iouThreshold());
    root.put("merge_iou_threshold", config.mergeIouThreshold());
    Map<String, Object> d = new LinkedHashMap<>();
    byDetector.forEach((k, v) -> d.put(k, v.toMap()));
    root.put("detectors", d);
    Json.write(dir.resolve("metrics.json"), root);
  }

  /** The table: {@code class detector completeness reliability F1 n_true n_det}. */
  public static String table(Map<String, DetectionMetrics> byDetector) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-20s %-10s %12s %12s %6s %7s %6s%n",
            "class",
            "detector",
            "completeness",
            "reliability",
            "F1",
            "n_true",
            "n_det"));
    for (int c = -1; c < DetectionClass.values().length; c++) {
      for (Map.Entry<String, DetectionMetrics> e : byDetector.entrySet()) {
        DetectionMetrics m = e.getValue();
        if (c < 0) {
          sb.append(
              row(
                  "SOURCE",
                  e.getKey(),
                  m.sourceCompleteness(),
                  m.sourceReliability(),
                  m.sourceF1(),
                  m.sourceTrue(),
                  m.sourceDet()));
        } else {
          DetectionClass k = DetectionClass.values()[c];
          sb.append(
              row(
                  k.label(),
                  e.getKey(),
                  m.completeness(k),
                  m.reliability(k),
                  m.f1(k),
                  m.trueCount()[c],
                  m.detCount()[c]));
        }
      }
    }
    return sb.toString();
  }

  private static String row(String cls, String det, double c, double r, double f, int nt, int nd) {
    return String.format(
        Locale.ROOT,
        "%-20s %-10s %12s %12s %6s %7d %6d%n",
        cls,
        det,
        fmt(c),
        fmt(r),
        fmt(f),
        nt,
        nd);
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
