package org.radioclr.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.io.Json;
import org.radioclr.core.report.HtmlReport;
import org.radioclr.detect.eval.EvalConfig;
import org.radioclr.detect.net.ShippedDetectors;
import org.radioclr.detect.output.MapRun;
import org.radioclr.formats.labels.DetectionClass;

/**
 * The demo's source detection (paper §4): the shipped detector ({@code radioclr-detect-sim-v1},
 * trained on simulated EMU-pilot-like fields of other seeds) and the classic island finder on the
 * detection set's frames, scored against their true masks with caesar-mrcnn's protocol ({@code
 * detect evaluate}), then both on the whole simulated field ({@code detect run}, {@code detect
 * islands}). No detector is trained here: a training long enough to mean anything takes half an
 * hour on a CPU, beyond the demo's budget. Every step is a radioclr command, logged for the user.
 */
final class DetectionDemo {
  /** The shipped detector the demo runs. */
  static final String DETECTOR = ShippedDetectors.NAMES.get(0);

  private final Path dir;
  private final Commands commands;

  DetectionDemo(Path dir, Commands commands) {
    this.dir = dir;
    this.commands = commands;
  }

  /**
   * What the detectors gave.
   *
   * @param frames detection frames scored
   * @param metrics {@code metrics.json}'s {@code detectors}: {@code detector} and {@code islands}
   * @param mapObjects objects found on the whole map by the detector
   * @param mapIslands objects found on the whole map by the island finder
   */
  record Result(int frames, JsonNode metrics, int mapObjects, int mapIslands) {
    String summary() {
      return String.format(
          Locale.ROOT,
          "%d frames, SOURCE F1: detector %s, islands %s; EXTENDED-MULTISLAND F1: detector %s,"
              + " islands %s; whole map: %d objects (detector), %d (islands)",
          frames,
          fmt(metrics.get("detector").get("SOURCE").get("f1")),
          fmt(metrics.get("islands").get("SOURCE").get("f1")),
          fmt(metrics.get("detector").get(MULTI).get("f1")),
          fmt(metrics.get("islands").get(MULTI).get("f1")),
          mapObjects,
          mapIslands);
    }
  }

  private static final String MULTI = DetectionClass.EXTENDED_MULTISLAND.label();

  /**
   * Scores both detectors on the frames of {@code detectionList}, then runs both on {@code map}.
   */
  Result run(Path map, Path detectionList) {
    int frames = DatalistReader.readAll(detectionList).size();
    commands.run(
        "detect",
        "evaluate",
        "--data",
        detectionList.toString(),
        "--model",
        DETECTOR,
        "--out",
        evaluation().toString());
    commands.run(
        "detect", "run", "--model", DETECTOR, map.toString(), "--out", mapDetector().toString());
    commands.run("detect", "islands", map.toString(), "--out", mapIslands().toString());
    JsonNode m = Json.read(evaluation().resolve("metrics.json"), JsonNode.class).get("detectors");
    String stem = MapRun.stem(map);
    return new Result(frames, m, objects(mapDetector(), stem), objects(mapIslands(), stem));
  }

  private static int objects(Path out, String stem) {
    return (int)
        Json.readText(out.resolve(stem).resolve("catalogue.csv"), "catalogue")
            .lines()
            .skip(1)
            .count();
  }

  private Path mapDetector() {
    return dir.resolve("map-detector");
  }

  private Path mapIslands() {
    return dir.resolve("map-islands");
  }

  private Path evaluation() {
    return dir.resolve("evaluation");
  }

  /** The report section. */
  void report(HtmlReport r, Result result) {
    r.heading("Source detection: the shipped detector beside the island finder (paper §4)");
    r.paragraph(
        String.format(
            Locale.ROOT,
            "The shipped detector %s (docs/models/%s.md: trained on simulated EMU-pilot-like"
                + " fields of other seeds) and the classic island finder (background and rms on a"
                + " coarse grid, 5-sigma seeds grown to 3 sigma, COMPACT or EXTENDED by size"
                + " against the beam) on the %d frames of this field's detection set, scored"
                + " against their true masks with caesar-mrcnn's protocol (score %s, match IoU"
                + " %s). Islands cannot join the separate lobes of a radio galaxy, so their"
                + " EXTENDED-MULTISLAND figures stay at zero. Both ran on the whole map too: a"
                + " catalogue (CSV, VOTable), DS9 regions and a label image each, in"
                + " detection/map-detector and detection/map-islands. No detector is trained in"
                + " the demo: that takes half an hour on a CPU (radioclr detect train).",
            DETECTOR,
            DETECTOR,
            result.frames(),
            EvalConfig.PAPER.scoreThreshold(),
            EvalConfig.PAPER.iouThreshold()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "class",
            "true",
            "detector: completeness",
            "reliability",
            "F1",
            "islands: completeness",
            "reliability",
            "F1"));
    List<String> classes = new ArrayList<>(List.of("SOURCE"));
    for (DetectionClass c : DetectionClass.values()) {
      classes.add(c.label());
    }
    for (String c : classes) {
      JsonNode d = result.metrics().get("detector").get(c);
      JsonNode i = result.metrics().get("islands").get(c);
      rows.add(
          List.of(
              c,
              d.get("n_true").asText(),
              fmt(d.get("completeness")),
              fmt(d.get("reliability")),
              fmt(d.get("f1")),
              fmt(i.get("completeness")),
              fmt(i.get("reliability")),
              fmt(i.get("f1"))));
    }
    r.table(rows);
    r.figure(evaluation().resolve("classes.png"), "Figures per class, both detectors.");
    Path overlays = evaluation().resolve("overlays");
    try (Stream<Path> files = Files.list(overlays)) {
      List<Path> detector =
          files.filter(p -> p.getFileName().toString().startsWith("detector_")).sorted().toList();
      if (!detector.isEmpty()) {
        String frame = detector.get(0).getFileName().toString().substring("detector_".length());
        r.figure(
            detector.get(0),
            "True masks (green) and the detector's objects (dashed) on frame " + frame);
        r.figure(
            overlays.resolve("islands_" + frame),
            "True masks (green) and the islands (dashed) on the same frame");
      }
    } catch (IOException e) {
      throw new BadInputException(overlays, "cannot list the overlays: " + e.getMessage(), e);
    }
  }

  private static String fmt(JsonNode v) {
    return v == null || v.isNull() ? "-" : String.format(Locale.ROOT, "%.3f", v.asDouble());
  }
}
