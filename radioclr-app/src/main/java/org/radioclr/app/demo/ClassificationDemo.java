package org.radioclr.app.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.radioclr.classify.metrics.MeanAndError;
import org.radioclr.classify.metrics.MetricsJson;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.datalist.DatalistWriter;
import org.radioclr.core.datalist.LabelForm;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Json;
import org.radioclr.core.report.HtmlReport;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.checkpoint.ShippedEncoders;

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

  /** Epochs of the second, source-centred training step. */
  static final int CUTOUT_EPOCHS = 2;

  /** The pretrained encoder shipped with radioclr that the probe also measures. */
  static final String SHIPPED = ShippedEncoders.NAMES.get(0);

  /** The encoders compared, in report order: folder-name key and description. */
  static final Map<String, String> ENCODERS = encoders();

  private static Map<String, String> encoders() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("random", "random weights (same network)");
    m.put("frames", "SimCLR on the hulk frames");
    m.put("cutouts", "SimCLR on the hulk frames, then on source cutouts");
    m.put("shipped", "shipped encoder " + SHIPPED + " (SimCLR on VLA FIRST radio galaxies)");
    return Collections.unmodifiableMap(m);
  }

  /**
   * What the probe gave, for the steps table and the report.
   *
   * @param probes each encoder's figures, by {@link #ENCODERS} key ({@code null} when skipped)
   * @param skipped why the probe did not run ({@code null} when it ran)
   */
  record Result(Map<String, MeanAndError> probes, String skipped) {
    String summary() {
      if (skipped != null) {
        return "skipped: " + skipped;
      }
      StringBuilder sb = new StringBuilder("accuracy");
      probes.forEach(
          (k, m) -> sb.append(' ').append(k).append(' ').append(m.accuracy()).append(','));
      return sb.substring(0, sb.length() - 1);
    }
  }

  /**
   * Simulates a field rich in radio galaxies; continues the SimCLR {@code run} on its source
   * cutouts that the probe never uses (the paper's second, source-centred step); extracts the
   * features of the probe's cutouts with a random-weights twin, with {@code run} and with the
   * continued run; and probes all three.
   *
   * @param run the SimCLR run on the hulk frames; the twin and the continued run keep its network
   */
  Result run(Path run, long seed, int mapSize) {
    ModelConfig trained =
        Json.read(Checkpoint.resolve(run).resolve(ModelConfig.FILE_NAME), ModelConfig.class);
    String stem = trained.encoder().smallInputStem() ? "small" : "standard";
    String size = String.valueOf(trained.imageSize());
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
    List<DatalistEntry> probeEntries = new ArrayList<>();
    for (String part : List.of("train", "test")) {
      probeEntries.addAll(DatalistReader.readAll(sets.resolve(part + ".json")));
    }
    String tooFew = tooFewSources(probeEntries);
    if (tooFew != null) {
      return new Result(null, tooFew);
    }
    Map<String, Path> models = new LinkedHashMap<>();
    models.put("random", dir.resolve("random-encoder"));
    models.put("frames", run);
    models.put("cutouts", dir.resolve("simclr-cutouts"));
    models.put("shipped", Path.of(SHIPPED));
    commands.run(
        "model",
        "init",
        "--out",
        models.get("random").toString(),
        "--image-size",
        size,
        "--stem",
        stem,
        "--seed",
        String.valueOf(seed));
    Path pretrain = unlabelledOthers(sets, probeEntries);
    Path banner = dir.resolve("banner-config.json");
    AtomicFiles.writeString(banner, "{\"augmentation\": \"banner\"}\n");
    commands.run(
        "train",
        "simclr",
        "--datalist",
        pretrain.toString(),
        "--init",
        run.toString(),
        "--config",
        banner.toString(),
        "--epochs",
        String.valueOf(CUTOUT_EPOCHS),
        "--batch",
        "32",
        "--image-size",
        size,
        "--stem",
        stem,
        "--lr",
        "1e-3",
        "--warmup-epochs",
        "0",
        "--seed",
        String.valueOf(seed),
        "--out",
        models.get("cutouts").toString());
    Map<String, MeanAndError> probes = new LinkedHashMap<>();
    for (Map.Entry<String, Path> m : models.entrySet()) {
      String encoder = m.getKey();
      for (String part : List.of("train", "test")) {
        commands.run(
            "features",
            "--model",
            m.getValue().toString(),
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
      probes.put(encoder, MetricsJson.readSummary(probe(encoder).resolve("metrics.json")));
    }
    commands.run(
        "project",
        "--features",
        features("cutouts", "train").toString(),
        "--method",
        "umap",
        "--seed",
        String.valueOf(seed),
        "--out",
        umap().toString());
    return new Result(probes, null);
  }

  /**
   * Writes {@code pretrain.json}: the field's source cutouts that are in neither the probe's train
   * nor its test set, without their labels.
   */
  private Path unlabelledOthers(Path sets, List<DatalistEntry> probeEntries) {
    Set<String> probe = new HashSet<>();
    probeEntries.forEach(e -> probe.add(e.sname()));
    List<DatalistEntry> others = new ArrayList<>();
    for (DatalistEntry e : DatalistReader.readAll(sets.resolve("datalist.json"))) {
      if (!probe.contains(e.sname())) {
        others.add(new DatalistEntry(e.files(), e.sname(), List.of(), List.of(), e.extras()));
      }
    }
    Path target = dir.resolve("pretrain.json");
    DatalistWriter.writeAll(target, others, LabelForm.SCALAR_WHEN_SINGLE);
    return target;
  }

  /** Why the simulated set is too small for balanced draws (a small --map-size), or null. */
  private static String tooFewSources(List<DatalistEntry> probeEntries) {
    Map<String, Integer> perClass = new TreeMap<>();
    for (DatalistEntry e : probeEntries) {
      e.labels().forEach(l -> perClass.merge(l, 1, Integer::sum));
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
    return dir.resolve("umap-cutouts.png");
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
            + " the baseline a self-supervised encoder has to beat. The last encoder continues"
            + " the frames run for "
            + CUTOUT_EPOCHS
            + " epochs on the field's other source cutouts, none of the probe's images, with the"
            + " banner augmentations (the paper's second, source-centred step). The shipped"
            + " encoder was trained once on real VLA FIRST radio galaxies (docs/models/"
            + SHIPPED
            + ".md) and never saw these simulated sources: it shows what a trained encoder"
            + " gives without any training here.");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("encoder", "accuracy", "macro F1", "weighted F1"));
    result.probes().forEach((k, m) -> rows.add(row(ENCODERS.get(k), m)));
    r.table(rows);
    r.figure(
        probe("cutouts").resolve("confusion.png"),
        "Confusion matrix of the probe on the frames-then-cutouts encoder, pooled over the draws.");
    r.figure(
        umap(),
        "UMAP of the frames-then-cutouts encoder's features of the training cutouts, by class.");
  }

  private static List<String> row(String name, MeanAndError m) {
    return List.of(
        name, m.accuracy().toString(), m.macroF1().toString(), m.figure("weighted_f1").toString());
  }
}
