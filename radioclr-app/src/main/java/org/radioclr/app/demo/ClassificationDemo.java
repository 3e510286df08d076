package org.radioclr.app.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.radioclr.classify.metrics.MeanAndError;
import org.radioclr.classify.metrics.MetricsJson;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.report.HtmlReport;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.checkpoint.ModelConfigJson;

/**
 * The demo's classification job (paper §3.2): a linear probe on frozen encoder features of
 * simulated source cutouts, the SimCLR encoder against the same network with random weights. Every
 * step is a radioclr command, logged so that a user can repeat it.
 */
final class ClassificationDemo {
  /** Balanced train/test draws of the probe (the paper's 5). */
  static final int SPLITS = 5;

  private final Path dir;
  private final Commands commands;

  ClassificationDemo(Path dir, Commands commands) {
    this.dir = dir;
    this.commands = commands;
  }

  /** Rows per class the balanced draws need at least. */
  static final int MIN_PER_CLASS = 4;

  /**
   * What the probe gave, for the steps table and the report.
   *
   * @param skipped why the probe did not run ({@code null} when it ran; then both are set)
   */
  record Result(MeanAndError simclr, MeanAndError random, String skipped) {
    String summary() {
      return skipped != null
          ? "skipped: " + skipped
          : "accuracy SimCLR " + simclr.accuracy() + ", random weights " + random.accuracy();
    }
  }

  /**
   * Simulates a field rich in radio galaxies, extracts features of its classification set with
   * {@code run} and with a random-weights twin, and probes both.
   *
   * @param run the SimCLR run; the random twin gets its network (stem, image size)
   */
  Result run(Path run, long seed, int mapSize) {
    ModelConfig trained =
        ModelConfigJson.read(Checkpoint.resolve(run).resolve(ModelConfigJson.FILE_NAME));
    Path sim = dir.resolve("simulation");
    commands.run(
        "simulate",
        "--out",
        sim.toString(),
        "--seed",
        String.valueOf(seed + 1),
        "--size",
        String.valueOf(mapSize),
        "--fields",
        "1",
        "--mix",
        "compact=0.4,radio-galaxy=0.6");
    Path sets = sim.resolve("sets/classification");
    String tooFew = tooFewSources(sets);
    if (tooFew != null) {
      return new Result(null, null, tooFew);
    }
    Path random = dir.resolve("random-encoder");
    commands.run(
        "model",
        "init",
        "--out",
        random.toString(),
        "--image-size",
        String.valueOf(trained.imageSize()),
        "--stem",
        trained.encoder().smallInputStem() ? "small" : "standard",
        "--seed",
        String.valueOf(seed));
    for (String encoder : List.of("simclr", "random")) {
      Path model = encoder.equals("simclr") ? run : random;
      for (String part : List.of("train", "test")) {
        commands.run(
            "features",
            "--model",
            model.toString(),
            "--datalist",
            sets.resolve(part + ".json").toString(),
            "--out",
            features(encoder, part).toString());
      }
      commands.run(
          "classify",
          "probe",
          "--features",
          "--train",
          features(encoder, "train").toString(),
          "--test",
          features(encoder, "test").toString(),
          "--splits",
          String.valueOf(SPLITS),
          "--seed",
          String.valueOf(seed),
          "--out",
          probe(encoder).toString());
    }
    commands.run(
        "project",
        "--features",
        features("simclr", "train").toString(),
        "--method",
        "umap",
        "--seed",
        String.valueOf(seed),
        "--out",
        umap().toString());
    return new Result(
        MetricsJson.readSummary(probe("simclr").resolve("metrics.json")),
        MetricsJson.readSummary(probe("random").resolve("metrics.json")),
        null);
  }

  /** Why the simulated set is too small for balanced draws (a small --map-size), or null. */
  private static String tooFewSources(Path sets) {
    Map<String, Integer> perClass = new TreeMap<>();
    for (String part : List.of("train", "test")) {
      for (DatalistEntry e : DatalistReader.readAll(sets.resolve(part + ".json"))) {
        e.labels().forEach(l -> perClass.merge(l, 1, Integer::sum));
      }
    }
    boolean enough =
        perClass.size() >= 2 && perClass.values().stream().allMatch(n -> n >= MIN_PER_CLASS);
    return enough
        ? null
        : "the simulated field gave too few sources per class for balanced draws "
            + perClass
            + " (use a larger --map-size)";
  }

  private Path features(String encoder, String part) {
    return dir.resolve(encoder + "-" + part + ".parquet");
  }

  private Path probe(String encoder) {
    return dir.resolve("probe-" + encoder);
  }

  private Path umap() {
    return dir.resolve("umap-simclr.png");
  }

  /** The report section. */
  void report(HtmlReport r, Result result) {
    r.heading("Classification: linear probe (paper §3.2)");
    if (result.skipped() != null) {
      r.paragraph("Skipped: " + result.skipped() + ".");
      return;
    }
    r.paragraph(
        "Source cutouts (1.5x the source box) of a second simulated field rich in radio"
            + " galaxies, classed by their radio-component / peak counts (RGZ classes"
            + " 1C-1P ... 3C-3P). Each encoder's 512 features go to a multinomial logistic"
            + " regression; "
            + SPLITS
            + " seeded class-balanced train/test draws, mean ± standard error. The random"
            + " encoder is the same network with seeded random weights (radioclr model init):"
            + " the baseline a self-supervised encoder has to beat.");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("encoder", "accuracy", "macro F1", "weighted F1"));
    rows.add(row("SimCLR (this demo's run)", result.simclr()));
    rows.add(row("random weights", result.random()));
    r.table(rows);
    r.figure(
        probe("simclr").resolve("confusion.png"),
        "Confusion matrix of the SimCLR probe, pooled over the draws.");
    r.figure(umap(), "UMAP of the SimCLR features of the training cutouts, by class.");
  }

  private static List<String> row(String name, MeanAndError m) {
    return List.of(
        name, m.accuracy().toString(), m.macroF1().toString(), m.figure("weighted_f1").toString());
  }
}
