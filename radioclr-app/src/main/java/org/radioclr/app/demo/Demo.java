package org.radioclr.app.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.cutout.HulkCutter;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.image.ContactSheet;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.preprocess.ChannelRecipe;
import org.radioclr.core.preprocess.Cube;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.report.HtmlReport;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.nn.features.ExtractionSummary;
import org.radioclr.nn.features.FeatureExtractor;
import org.radioclr.nn.features.FeatureOptions;
import org.radioclr.nn.train.EpochMetrics;
import org.radioclr.nn.train.SimclrTrainConfig;
import org.radioclr.nn.train.SimclrTrainer;
import org.radioclr.nn.train.TrainingListener;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.SimulationConfig;
import org.radioclr.sim.Simulator;
import org.radioclr.sim.model.SourceTruth;

/**
 * The demo job: simulates an EMU-pilot-like field with full ground truth, takes its hulk frames and
 * their §5.1 labels, pre-processes every frame as the model will see it, and writes previews and an
 * HTML report into a fresh folder. Each step uses the same classes as the corresponding command.
 */
public final class Demo {
  /** Frames shown on the contact sheet. */
  static final int SHEET_FRAMES = 24;

  /** The log of the commands the demo ran, in its output folder. */
  public static final String COMMANDS_LOG = "commands.log";

  /** The UMAP coordinates of the frame features, in the demo's {@code anomaly} folder. */
  public static final String UMAP_CSV = AnomalyDemo.UMAP + ".csv";

  /**
   * Demo settings.
   *
   * @param out fresh output folder (created; must not exist or be empty)
   * @param seed simulation seed
   * @param mapSize side of the simulated map in pixels
   * @param epochs SimCLR training epochs on the frames (0: no training)
   */
  public record Settings(Path out, long seed, int mapSize, int epochs) {
    public Settings {
      if (mapSize < 256) {
        throw new IllegalArgumentException("map size must be >= 256, got " + mapSize);
      }
      if (epochs < 0 || epochs > 1000) {
        throw new IllegalArgumentException("epochs must be in [0, 1000], got " + epochs);
      }
    }
  }

  /**
   * The demo's training: small images and batches (at most 32, at most the number of frames), so
   * that it runs in a minute on a CPU.
   */
  static SimclrTrainConfig trainConfig(Settings settings, int frames) {
    return SimclrTrainConfig.paper(settings.epochs())
        .withImageSize(64)
        .withSmallStem(false)
        .withBatchSize(Math.min(32, frames))
        .withLearningRate(1e-3)
        .withWarmupEpochs(settings.epochs() > 1 ? 1 : 0) // the warm-up must be shorter than the run
        .withSeed(settings.seed())
        .withCheckpoints(settings.epochs(), 1);
  }

  /** What the demo wrote, for the caller to print. */
  public record Result(Path report, int sources, long frames, int preprocessed, int rejected) {}

  private final Settings settings;
  private final ProgressListener progress;
  private final Commands commands;
  private final List<List<String>> steps = new ArrayList<>();

  /**
   * @param commands runs the downstream steps as radioclr commands (logged for the user)
   */
  public Demo(Settings settings, ProgressListener progress, Commands commands) {
    this.settings = settings;
    this.progress = progress;
    this.commands = commands;
  }

  /** Runs every step. */
  public Result run() {
    Path out = settings.out();
    OutputFolders.requireEmpty(out, "the demo writes into a fresh one");
    AtomicFiles.ensureDirectory(out);
    steps.add(List.of("step", "result", "seconds"));

    long t = System.nanoTime();
    SimPreset preset = SimPreset.EMU_PILOT.withSize(settings.mapSize()).withFields(1);
    Path simDir = out.resolve("simulation");
    Simulator.Result sim =
        new Simulator(
                new SimulationConfig(
                    preset,
                    settings.seed(),
                    true,
                    true,
                    Runtime.getRuntime().availableProcessors()),
                progress)
            .run(simDir);
    Simulator.Field field = sim.fields().get(0);
    step(
        "simulated EMU-pilot field",
        String.format(
            Locale.ROOT,
            "%dx%d px, %d sources (%d above 3 sigma), %d hulk frames with labels",
            preset.size(),
            preset.size(),
            field.truths().size(),
            field.detected(),
            sim.sets().hulkFrames()),
        t);

    t = System.nanoTime();
    Path anomaly = simDir.resolve("sets/anomaly").resolve(HulkCutter.DATALIST);
    List<DatalistEntry> frames = DatalistReader.readAll(anomaly);
    PreprocessConfig config = PreprocessConfig.paper();
    List<Processed> processed = preprocess(frames, config);
    int rejected = frames.size() - processed.size();
    step(
        "pre-processing (3 channels, 224 px)",
        processed.size() + " frames, " + rejected + " rejected",
        t);

    Path run = out.resolve("simclr-run");
    List<EpochMetrics> metrics = List.of();
    ClassificationDemo classification =
        new ClassificationDemo(out.resolve("classification"), commands);
    ClassificationDemo.Result probe = null;
    AnomalyDemo anomalySearch = new AnomalyDemo(out.resolve("anomaly"), commands);
    AnomalyDemo.Result search = null;
    Path features = out.resolve("features.parquet");
    if (settings.epochs() > 0 && frames.size() >= 2) {
      t = System.nanoTime();
      SimclrTrainConfig tc = trainConfig(settings, frames.size());
      metrics = SimclrTrainer.train(tc, anomaly, run, null, trainingProgress());
      step(
          "SimCLR training ("
              + settings.epochs()
              + " epochs, 64 px, standard stem, batch "
              + tc.batchSize()
              + ")",
          String.format(
              Locale.ROOT,
              "loss %.3f -> %.3f",
              metrics.get(0).loss(),
              metrics.get(metrics.size() - 1).loss()),
          t);
      t = System.nanoTime();
      try (FeatureExtractor fx = FeatureExtractor.open(run, FeatureOptions.defaults())) {
        ExtractionSummary fs = fx.extract(anomaly, features, progress);
        step("features (512 per frame)", fs.rows() + " rows in " + features.getFileName(), t);
      }
      t = System.nanoTime();
      probe = classification.run(run, settings.seed(), settings.mapSize());
      step(
          "source-centred SimCLR step, linear probes of 4 encoders on source cutouts",
          probe.summary(),
          t);
      t = System.nanoTime();
      search = anomalySearch.run(features, anomaly, settings.seed());
      step("peculiar-object search (LightGBM + Isolation Forest)", search.summary(), t);
    }

    DetectionDemo detection = new DetectionDemo(out.resolve("detection"), commands);
    DetectionDemo.Result found = null;
    Path detectionList = simDir.resolve("sets/detection/datalist.json");
    if (Files.isRegularFile(detectionList)) {
      t = System.nanoTime();
      found = detection.run(field.map(), detectionList);
      step(
          "source detection: shipped detector and island finder against the true masks",
          found.summary(),
          t);
    }

    t = System.nanoTime();
    Path sheet = out.resolve("frames-contact-sheet.png");
    Path channels = out.resolve("frame-channels.png");
    List<Processed> shown = showcase(processed);
    if (!shown.isEmpty()) {
      int w = shown.get(0).cube().width();
      int h = shown.get(0).cube().height();
      ContactSheet.write(sheet, shown.stream().map(p -> p.cube().data()).toList(), w, h, 6);
      ContactSheet.write(channels, channelTiles(shown.get(0).cube()), w, h, 3);
    }
    step("previews", "contact sheet of " + shown.size() + " frames, channel view", t);

    Path report = out.resolve("report.html");
    HtmlReport html =
        buildReport(preset, field, sim, processed, shown, config, simDir, sheet, channels);
    if (found != null) {
      detection.report(html, found);
    }
    if (!metrics.isEmpty()) {
      appendTraining(html, run, metrics, features);
      classification.report(html, probe);
      anomalySearch.report(html, search);
      html.paragraph(
          "Every downstream step above ran as a radioclr command; "
              + COMMANDS_LOG
              + " lists them with their output, to repeat or vary.");
    }
    html.write(report);
    return new Result(
        report, field.truths().size(), sim.sets().hulkFrames(), processed.size(), rejected);
  }

  /** One pre-processed frame with its labels. */
  record Processed(DatalistEntry entry, Cube cube) {
    boolean has(String label) {
      return entry.labels().contains(label);
    }
  }

  private List<Processed> preprocess(List<DatalistEntry> frames, PreprocessConfig config) {
    ThreadLocal<Preprocessor> workers = ThreadLocal.withInitial(() -> new Preprocessor(config));
    progress.start("pre-processing frames", frames.size());
    try {
      return frames.parallelStream()
          .map(
              e -> {
                try {
                  Path f = e.files().get(0);
                  return new Processed(e, workers.get().process(FitsReader.read(f).plane(), f));
                } catch (RadioclrException ex) {
                  return null; // counted as rejected: frames.size() - processed.size()
                } finally {
                  progress.advance(1);
                }
              })
          .filter(p -> p != null)
          .toList();
    } finally {
      progress.finish();
    }
  }

  /** Peculiar frames first, then radio galaxies, then the rest, in datalist order within each. */
  private static List<Processed> showcase(List<Processed> processed) {
    return processed.stream()
        .sorted(
            Comparator.comparingInt(
                (Processed p) -> p.has("PECULIAR") ? 0 : p.has("RADIO-GALAXY") ? 1 : 2))
        .limit(SHEET_FRAMES)
        .toList();
  }

  /** The three channels of one cube, each as a gray tile. */
  private static List<float[]> channelTiles(Cube cube) {
    List<float[]> tiles = new ArrayList<>();
    int n = cube.width() * cube.height();
    for (int c = 0; c < cube.channels(); c++) {
      float[] gray = new float[3 * n];
      for (int k = 0; k < 3; k++) {
        System.arraycopy(cube.data(), c * n, gray, k * n, n);
      }
      tiles.add(gray);
    }
    return tiles;
  }

  private HtmlReport buildReport(
      SimPreset preset,
      Simulator.Field field,
      Simulator.Result sim,
      List<Processed> processed,
      List<Processed> shown,
      PreprocessConfig config,
      Path simDir,
      Path sheet,
      Path channels) {
    HtmlReport r = new HtmlReport("radioclr demo");
    r.paragraph(
        String.format(
            Locale.ROOT,
            "Simulated EMU-pilot-like field (seed %d): %dx%d pixels of %.1f\", %.0f\"x%.0f\" beam,"
                + " %.0f µJy/beam noise at %.0f MHz. Every source, mask and frame label is known"
                + " (radioclr simulate).",
            settings.seed(),
            preset.size(),
            preset.size(),
            preset.pixelArcsec(),
            preset.beamMajArcsec(),
            preset.beamMinArcsec(),
            preset.rmsJy() * 1e6,
            preset.frequencyHz() / 1e6));
    r.heading("Steps").table(steps);

    r.heading("Simulated sky");
    Map<DetectionClass, Integer> classes = new EnumMap<>(DetectionClass.class);
    for (SourceTruth s : field.truths()) {
      if (s.detected()) {
        classes.merge(s.detectionClass(), 1, Integer::sum);
      }
    }
    List<List<String>> classRows = new ArrayList<>();
    classRows.add(List.of("detection class (paper §4.2)", "sources above 3 sigma"));
    classes.forEach((c, n) -> classRows.add(List.of(c.label(), String.valueOf(n))));
    r.table(classRows);
    r.figure(
        simDir.resolve(field.name()).resolve("map-preview.png"),
        "The map (zscale) with every detected source's box, coloured by detection class.");
    r.figure(
        simDir.resolve(field.name()).resolve("sources.png"),
        "Sample sources of each morphology, cut from the map.");

    r.heading("Hulk frames and their labels (paper §2.2, §5.1)");
    List<List<String>> labelRows = new ArrayList<>();
    labelRows.add(List.of("frame label", "frames"));
    sim.sets()
        .frameLabels()
        .forEach((l, n) -> labelRows.add(List.of(l.label(), String.valueOf(n))));
    r.paragraph(
            sim.sets().hulkFrames()
                + " frames of 256x256 pixels with 50% overlap; a frame may carry several labels.")
        .table(labelRows);

    r.heading("Pre-processing (paper §2.3)");
    List<List<String>> recipe = new ArrayList<>();
    recipe.add(List.of("channel", "name", "recipe"));
    for (int c = 0; c < config.channels().size(); c++) {
      ChannelRecipe ch = config.channels().get(c);
      recipe.add(List.of(String.valueOf(c + 1), ch.name(), ch.describe()));
    }
    r.table(recipe);
    r.paragraph(capitalised(config.describeSize()) + "; " + config.describeLimit() + ".");
    if (!shown.isEmpty()) {
      r.figure(
          sheet,
          shown.size()
              + " frames as the model sees them (RGB = channels 1-3), peculiar and radio-galaxy"
              + " frames first.");
      r.figure(
          channels,
          "Channels 1-3 of "
              + shown.get(0).entry().sname()
              + " "
              + shown.get(0).entry().labels()
              + ": sigma-clipped, zscale 0.25, zscale 0.4.");
    }
    r.paragraph(processed.size() + " frames pre-processed.");
    return r;
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The training section of the report. */
  private static void appendTraining(
      HtmlReport r, Path run, List<EpochMetrics> metrics, Path features) {
    r.heading("SimCLR training (paper §2.4)")
        .paragraph(
            "A short CPU run on the hulk frames: ResNet18 (torchvision stem) at 64 px, projection"
                + " head 512-256-128, NT-Xent (temperature 0.1), Adam with one warm-up epoch (none"
                + " in a one-epoch run) then cosine decay, the paper's hulk augmentations. The paper trains 100+ epochs at"
                + " 224 px on a GPU; this shows the machinery, not a converged model.");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("epoch", "loss", "learning rate", "img/s"));
    for (EpochMetrics m : metrics) {
      rows.add(
          List.of(
              String.valueOf(m.epoch()),
              String.format(Locale.ROOT, "%.4f", m.loss()),
              String.format(Locale.ROOT, "%.2e", m.learningRate()),
              String.format(Locale.ROOT, "%.1f", m.imagesPerSecond())));
    }
    r.table(rows);
    r.figure(run.resolve(SimclrTrainer.PLOT_FILE), "Loss and learning rate per epoch.");
    r.paragraph(
        "Encoder features (512 per frame, with the frame labels) were written to "
            + features.getFileName()
            + " for the downstream jobs.");
  }

  /** Shows training progress on the same bar as the other steps. */
  private TrainingListener trainingProgress() {
    return new TrainingListener() {
      @Override
      public void epochStarted(int epoch, int epochs, long images) {
        progress.start("training epoch " + epoch + "/" + epochs, images);
      }

      @Override
      public void stepDone(int pairs, float loss) {
        progress.advance(pairs);
      }

      @Override
      public void epochDone(EpochMetrics metrics) {
        progress.finish();
      }
    };
  }

  private void step(String name, String result, long startNanos) {
    steps.add(
        List.of(
            name,
            result,
            String.format(Locale.ROOT, "%.2f", (System.nanoTime() - startNanos) / 1e9)));
  }
}
