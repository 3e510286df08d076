package org.radioclr.app.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.radioclr.anomaly.evaluate.AnomalyEvaluation;
import org.radioclr.anomaly.evaluate.EvaluationResult;
import org.radioclr.anomaly.evaluate.EvaluationWriter;
import org.radioclr.anomaly.evaluate.GroupCounts;
import org.radioclr.anomaly.labels.FrameLabels;
import org.radioclr.core.BadInputException;
import org.radioclr.core.report.HtmlReport;
import org.radioclr.formats.table.ScoreTable;

/**
 * The demo's peculiar-object search (paper §5): LightGBM feature selection on the labelled hulk
 * frames, an Isolation Forest on the top-10 features, the evaluation against the planted peculiar
 * frames, and the top candidates. Every step is a radioclr command, logged for the user.
 */
final class AnomalyDemo {
  /** Candidates exported and shown. */
  static final int CANDIDATES = 24;

  private final Path dir;
  private final Commands commands;

  AnomalyDemo(Path dir, Commands commands) {
    this.dir = dir;
    this.commands = commands;
  }

  /**
   * Labelled frames the demo needs: LightGBM's min_data_in_leaf of 20 on both sides of a split, in
   * the 80% it trains on, leaves no split to find with much fewer.
   */
  static final int MIN_LABELLED = 100;

  /**
   * What the search gave.
   *
   * @param skipped why it did not run ({@code null} when it ran; then the others are set)
   */
  record Result(EvaluationResult evaluation, double selectionAccuracy, String skipped) {
    String summary() {
      if (skipped != null) {
        return "skipped: " + skipped;
      }
      var c = evaluation.crossing();
      return String.format(
          Locale.ROOT,
          "peculiar recall %.0f%%, precision %s at score %.3f (%d of %d labelled frames"
              + " peculiar)",
          100 * c.recall(),
          Double.isNaN(c.precision())
              ? "n/a"
              : String.format(Locale.ROOT, "%.0f%%", 100 * c.precision()),
          c.threshold(),
          evaluation.totals().peculiar(),
          evaluation.totals().labelled());
    }
  }

  /**
   * Runs the search.
   *
   * @param features the hulk frames' feature table
   * @param labels the anomaly datalist that made it (frame labels and files)
   */
  Result run(Path features, Path labels, long seed) {
    FrameLabels frames = FrameLabels.fromDatalist(labels);
    long peculiar = frames.bySname().keySet().stream().filter(frames::isPeculiar).count();
    if (frames.size() < MIN_LABELLED || peculiar == 0) {
      return new Result(
          null,
          Double.NaN,
          "the simulated field gave "
              + frames.size()
              + " labelled frames, "
              + peculiar
              + " peculiar (needs "
              + MIN_LABELLED
              + " and 1; use a larger --map-size)");
    }
    commands.run(
        "anomaly",
        "select",
        "--features",
        features.toString(),
        "--labels",
        labels.toString(),
        "--seed",
        String.valueOf(seed),
        "--out",
        select().toString());
    // max-samples auto = min(256, rows): about the paper's 2% of its 13,000 frames
    commands.run(
        "anomaly",
        "score",
        "--features",
        features.toString(),
        "--columns",
        "top10",
        "--importance",
        select().toString(),
        "--trees",
        "200",
        "--max-samples",
        "auto",
        "--contamination",
        "auto",
        "--seed",
        String.valueOf(seed),
        "--out",
        scores().toString());
    commands.run(
        "anomaly",
        "evaluate",
        "--scores",
        scores().toString(),
        "--labels",
        labels.toString(),
        "--out",
        evaluation().toString());
    commands.run(
        "anomaly",
        "export",
        "--scores",
        scores().toString(),
        "--top",
        String.valueOf(CANDIDATES),
        "--datalist",
        labels.toString(),
        "--out",
        candidates().toString());
    // the review's embedding view: `radioclr serve --projection anomaly/umap.csv`
    commands.run(
        "project",
        "--features",
        features.toString(),
        "--method",
        "umap",
        "--seed",
        String.valueOf(seed),
        "--out",
        dir.resolve(UMAP + ".png").toString());
    EvaluationResult r = AnomalyEvaluation.evaluate(ScoreTable.read(scores()), frames);
    return new Result(r, selectionAccuracy(), null);
  }

  private double selectionAccuracy() {
    Path file = select().resolve("summary.json");
    try {
      Map<String, Object> m =
          new ObjectMapper().readValue(Files.readString(file), new TypeReference<>() {});
      return ((Number) m.get("validation_accuracy")).doubleValue();
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(file, "cannot read the selection summary: " + e.getMessage(), e);
    }
  }

  /** The UMAP of the frame features ({@code .png}) and its coordinates ({@code .csv}). */
  static final String UMAP = "umap";

  private Path select() {
    return dir.resolve("select");
  }

  private Path scores() {
    return dir.resolve("scores.parquet");
  }

  private Path evaluation() {
    return dir.resolve("evaluation");
  }

  private Path candidates() {
    return dir.resolve("candidates");
  }

  /** The report section. */
  void report(HtmlReport r, Result result) {
    r.heading("Peculiar-object search (paper §5)");
    if (result.skipped() != null) {
      r.paragraph("Skipped: " + result.skipped() + ".");
      return;
    }
    GroupCounts t = result.evaluation().totals();
    r.paragraph(
            String.format(
                Locale.ROOT,
                "LightGBM separates interesting (EXTENDED, DIFFUSE, DIFFUSE-LARGE) from ordinary"
                    + " frames on all 512 features (held-out accuracy %.1f%%); its 10 most"
                    + " important features feed an Isolation Forest (200 trees, %s), whose score"
                    + " ranks every frame (1 = most anomalous). Of %d frames, %d carry a planted"
                    + " peculiar source (ORC-like rings, X-shaped and other odd shapes), %d are"
                    + " complex, %d ordinary and %d unlabelled. Picking frames at random would"
                    + " find peculiar ones with %.0f%% precision. %s",
                100 * result.selectionAccuracy(),
                "max-samples auto",
                t.all(),
                t.peculiar(),
                t.complex(),
                t.ordinary(),
                t.unlabelled(),
                100.0 * t.peculiar() / Math.max(1, t.labelled()),
                EvaluationWriter.METRICS_TEXT))
        .table(EvaluationWriter.tableRows(result.evaluation()))
        .figure(select().resolve("importance.png"), "LightGBM gain importance, top features.")
        .figure(evaluation().resolve("histograms.png"), "Anomaly scores by frame group.")
        .figure(
            evaluation().resolve("curves.png"),
            "Recall and precision of peculiar frames, contamination by the other labelled groups"
                + " and the unlabelled share against the threshold.")
        .figure(
            dir.resolve(UMAP + ".png"),
            "UMAP of the frame features, coloured by label; its coordinates (anomaly/"
                + UMAP
                + ".csv) are the review app's embedding view.")
        .figure(
            candidates().resolve("candidates.png"),
            "The "
                + CANDIDATES
                + " highest-scoring frames, best first (also as CSV, VOTable and DS9 regions in"
                + " anomaly/candidates).");
  }
}
