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
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.io.Json;
import org.radioclr.core.report.HtmlReport;
import org.radioclr.detect.eval.EvalConfig;
import org.radioclr.formats.labels.DetectionClass;

/**
 * The demo's source detection (paper §4): the classic island finder ({@code detect islands}) on the
 * simulated field and on the detection set's frames, the frames scored against their true masks
 * with caesar-mrcnn's protocol ({@code detect evaluate --pred}). No detector is trained here: a
 * training long enough to mean anything takes minutes on a CPU, beyond the demo's budget. Every
 * step is a radioclr command, logged for the user.
 */
final class DetectionDemo {
  private final Path dir;
  private final Commands commands;

  DetectionDemo(Path dir, Commands commands) {
    this.dir = dir;
    this.commands = commands;
  }

  /**
   * What the baseline gave.
   *
   * @param frames detection frames scored
   * @param metrics the {@code pred} entry of {@code metrics.json}
   * @param mapObjects objects found on the whole map
   */
  record Result(int frames, JsonNode metrics, int mapObjects) {
    String summary() {
      JsonNode s = metrics.get("SOURCE");
      return String.format(
          Locale.ROOT,
          "islands on %d frames: SOURCE completeness %s, reliability %s, F1 %s; %d objects on"
              + " the whole map",
          frames,
          fmt(s.get("completeness")),
          fmt(s.get("reliability")),
          fmt(s.get("f1")),
          mapObjects);
    }
  }

  /**
   * Runs the island finder on {@code map} and on the frames of {@code detectionList} and scores the
   * frames.
   */
  Result run(Path map, Path detectionList) {
    List<DatalistEntry> frames = DatalistReader.readAll(detectionList);
    List<String> args = new ArrayList<>(List.of("detect", "islands"));
    frames.forEach(e -> args.add(e.files().get(0).toString()));
    args.add("--out");
    args.add(frameIslands().toString());
    commands.run(args.toArray(new String[0]));
    commands.run(
        "detect",
        "evaluate",
        "--pred",
        frameIslands().toString(),
        "--truth",
        detectionList.toString(),
        "--out",
        evaluation().toString());
    commands.run("detect", "islands", map.toString(), "--out", mapIslands().toString());
    JsonNode m =
        Json.read(evaluation().resolve("metrics.json"), JsonNode.class)
            .get("detectors")
            .get("pred");
    String stem = map.getFileName().toString().replaceFirst("(?i)\\.fits?$", "");
    int objects =
        (int)
            Json.readText(mapIslands().resolve(stem).resolve("catalogue.csv"), "catalogue")
                .lines()
                .skip(1)
                .count();
    return new Result(frames.size(), m, objects);
  }

  private Path frameIslands() {
    return dir.resolve("frame-islands");
  }

  private Path mapIslands() {
    return dir.resolve("map-islands");
  }

  private Path evaluation() {
    return dir.resolve("evaluation");
  }

  /** The report section. */
  void report(HtmlReport r, Result result) {
    r.heading("Source detection: the island-finder baseline (paper §4)");
    r.paragraph(
        String.format(
            Locale.ROOT,
            "The classic island finder (background and rms on a coarse grid, 5-sigma seeds grown"
                + " to 3 sigma, COMPACT or EXTENDED by size against the beam) on the %d frames of"
                + " the simulated detection set, scored against their true masks with"
                + " caesar-mrcnn's protocol (score %s, match IoU %s). Islands cannot join the"
                + " separate lobes of a radio galaxy: EXTENDED-MULTISLAND stays at zero, the gap a"
                + " trained detector (radioclr detect train) closes. No detector is trained in the"
                + " demo: that takes minutes on a CPU. The whole map's islands, with a catalogue"
                + " (CSV, VOTable) and DS9 regions, are in detection/map-islands.",
            result.frames(),
            EvalConfig.PAPER.scoreThreshold(),
            EvalConfig.PAPER.iouThreshold()));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("class", "completeness", "reliability", "F1", "true", "detected"));
    List<String> classes = new ArrayList<>(List.of("SOURCE"));
    for (DetectionClass c : DetectionClass.values()) {
      classes.add(c.label());
    }
    for (String c : classes) {
      JsonNode e = result.metrics().get(c);
      rows.add(
          List.of(
              c,
              fmt(e.get("completeness")),
              fmt(e.get("reliability")),
              fmt(e.get("f1")),
              e.get("n_true").asText(),
              e.get("n_det").asText()));
    }
    r.table(rows);
    r.figure(evaluation().resolve("classes.png"), "Island finder: figures per class.");
    Path overlays = evaluation().resolve("overlays");
    try (Stream<Path> files = Files.list(overlays)) {
      files
          .sorted()
          .limit(2)
          .forEach(
              png ->
                  r.figure(
                      png,
                      "True masks (green) and islands (dashed red) on frame "
                          + png.getFileName().toString().replaceFirst("^pred_", "")));
    } catch (IOException e) {
      throw new BadInputException(overlays, "cannot list the overlays: " + e.getMessage(), e);
    }
  }

  private static String fmt(JsonNode v) {
    return v == null || v.isNull() ? "-" : String.format(Locale.ROOT, "%.3f", v.asDouble());
  }
}
