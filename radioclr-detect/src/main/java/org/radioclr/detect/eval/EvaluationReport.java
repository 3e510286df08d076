package org.radioclr.detect.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Json;
import org.radioclr.core.report.Charts;
import org.radioclr.core.report.HtmlReport;
import org.radioclr.detect.Instance;
import org.radioclr.detect.data.Frame;
import org.radioclr.formats.labels.DetectionClass;

/**
 * The outputs of a detection evaluation: {@code metrics.json} (per detector: SOURCE and per-class
 * completeness, reliability, F1, counts and the confusion matrix, with the thresholds used), a text
 * table, one row per class and detector, and ({@link #writeReport}) {@code classes.png} ({@link
 * ClassPlot}), {@code overlays/<detector>_<frame>.png} ({@link FrameOverlay}) and {@code
 * report.html} holding them all.
 */
public final class EvaluationReport {
  /** Overlay enlargement of the sample frames. */
  private static final int OVERLAY_SCALE = 3;

  private EvaluationReport() {}

  /**
   * One frame drawn in the report.
   *
   * @param frame the frame's name
   * @param detector the detector's name
   * @param image the frame's pixels
   * @param truth its true objects
   * @param kept the detector's detections after the post-processing
   */
  public record Sample(
      String frame, String detector, Plane image, List<Instance> truth, List<Instance> kept) {}

  /**
   * Collects the first {@code perDetector} frames with at least one true object, per detector, as
   * {@link FrameEvaluation#run} hands them over.
   */
  public static final class Samples {
    private final int perDetector;
    private final List<Sample> samples = new ArrayList<>();

    public Samples(int perDetector) {
      this.perDetector = perDetector;
    }

    /** The sink of one detector's kept detections. */
    public BiConsumer<Frame, List<Instance>> sink(String detector) {
      return (f, kept) -> {
        long n = samples.stream().filter(s -> s.detector().equals(detector)).count();
        if (n < perDetector && !f.truth().isEmpty()) {
          samples.add(new Sample(f.name(), detector, f.image(), f.truth(), List.copyOf(kept)));
        }
      };
    }

    /** The samples so far. */
    public List<Sample> all() {
      return List.copyOf(samples);
    }
  }

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

  /**
   * Writes {@code metrics.json}, {@code classes.png}, the sample overlays and {@code report.html}.
   *
   * @param notes paragraphs written under the title (what was scored against what)
   */
  public static void writeReport(
      Path dir,
      EvalConfig config,
      Map<String, DetectionMetrics> byDetector,
      List<Sample> samples,
      List<String> notes) {
    write(dir, config, byDetector);
    Path plot = dir.resolve("classes.png");
    ClassPlot.write(plot, byDetector);
    HtmlReport html = new HtmlReport("radioclr detection evaluation");
    notes.forEach(html::paragraph);
    html.paragraph(
        String.format(
            Locale.ROOT,
            "caesar-mrcnn protocol: detections scoring below %s dropped, touching same-class"
                + " detections with mask IoU >= %s merged, each true object matched to the"
                + " detection of highest mask IoU >= %s.",
            config.scoreThreshold(),
            config.mergeIouThreshold(),
            config.iouThreshold()));
    html.heading("Completeness, reliability and F1").table(rows(byDetector));
    html.figure(plot, "Per class: completeness, reliability and F1 (no bar: not defined)");
    if (!samples.isEmpty()) {
      html.heading("Sample frames");
      html.paragraph("Outlines of the true objects in green, of the kept detections dashed red.");
      Path overlays = dir.resolve("overlays");
      AtomicFiles.ensureDirectory(overlays);
      for (Sample s : samples) {
        Path png = overlays.resolve(safe(s.detector() + "_" + s.frame()) + ".png");
        Charts.writePng(png, FrameOverlay.render(s.image(), s.truth(), s.kept(), OVERLAY_SCALE));
        html.figure(
            png,
            s.detector()
                + " on "
                + s.frame()
                + ": "
                + s.truth().size()
                + " true, "
                + s.kept().size()
                + " detected");
      }
    }
    html.write(dir.resolve("report.html"));
  }

  /** The table: {@code class detector completeness reliability F1 n_true n_det}. */
  public static String table(Map<String, DetectionMetrics> byDetector) {
    StringBuilder sb = new StringBuilder();
    for (List<String> r : rows(byDetector)) {
      sb.append(
          String.format(
              Locale.ROOT, "%-20s %-10s %12s %12s %6s %7s %6s%n", r.toArray(new Object[0])));
    }
    return sb.toString();
  }

  /** The table's rows, the header first. */
  static List<List<String>> rows(Map<String, DetectionMetrics> byDetector) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("class", "detector", "completeness", "reliability", "F1", "n_true", "n_det"));
    for (int c = -1; c < DetectionClass.values().length; c++) {
      for (Map.Entry<String, DetectionMetrics> e : byDetector.entrySet()) {
        DetectionMetrics m = e.getValue();
        if (c < 0) {
          rows.add(
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
          rows.add(
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
    return rows;
  }

  private static List<String> row(
      String cls, String det, double c, double r, double f, int nt, int nd) {
    return List.of(cls, det, fmt(c), fmt(r), fmt(f), Integer.toString(nt), Integer.toString(nd));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
