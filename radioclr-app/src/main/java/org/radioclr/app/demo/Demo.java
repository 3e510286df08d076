package org.radioclr.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.cutout.CutoutSummary;
import org.radioclr.core.cutout.HulkConfig;
import org.radioclr.core.cutout.HulkCutter;
import org.radioclr.core.cutout.NoiseEstimate;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.ContactSheet;
import org.radioclr.core.image.Plane;
import org.radioclr.core.image.PngWriter;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.preprocess.BilinearResize;
import org.radioclr.core.preprocess.ChannelRecipe;
import org.radioclr.core.preprocess.Cube;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.report.HtmlReport;

/**
 * The demo job: makes the example map, cuts it into hulk frames, pre-processes every frame as the
 * model will see it, and writes previews and an HTML report into a fresh folder. Each step uses the
 * same classes as the corresponding command.
 */
public final class Demo {
  /** Frames shown on the contact sheet. */
  static final int SHEET_FRAMES = 24;

  /**
   * Demo settings.
   *
   * @param out fresh output folder (created; must not exist or be empty)
   * @param seed seed of the example map
   * @param mapSize side of the example map in pixels
   */
  public record Settings(Path out, long seed, int mapSize) {
    public Settings {
      if (mapSize < 256) {
        throw new IllegalArgumentException("map size must be >= 256, got " + mapSize);
      }
    }
  }

  /** What the demo wrote, for the caller to print. */
  public record Result(Path report, long frames, long skipped, int preprocessed, int rejected) {}

  private final Settings settings;
  private final ProgressListener progress;
  private final List<List<String>> steps = new ArrayList<>();

  public Demo(Settings settings, ProgressListener progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** Runs every step. */
  public Result run() {
    Path out = settings.out();
    requireFreshFolder(out);
    AtomicFiles.ensureDirectory(out);
    steps.add(List.of("step", "result", "seconds"));

    long t = System.nanoTime();
    ExampleSky.Field field = new ExampleSky(settings.mapSize(), settings.seed()).generate();
    Path map = out.resolve("example-map.fits");
    FitsWriter.write(
        map,
        field.plane(),
        FitsCards.from(field.header())
            .history("radioclr demo example map, seed " + settings.seed()));
    Path mapPng = out.resolve("example-map.png");
    writeMapPreview(field.plane(), mapPng);
    step(
        "example map",
        settings.mapSize() + "x" + settings.mapSize() + " px, " + map.getFileName(),
        t);

    t = System.nanoTime();
    Path hulk = out.resolve("hulk");
    CutoutSummary cut = new HulkCutter(HulkConfig.PAPER, progress).cut(List.of(map), hulk);
    step(
        "hulk cutouts (256 px, step 128)",
        cut.written() + " frames written, " + cut.skippedTotal() + " skipped (>30% blank)",
        t);

    t = System.nanoTime();
    List<DatalistEntry> frames = DatalistReader.readAll(hulk.resolve(HulkCutter.DATALIST));
    PreprocessConfig config = PreprocessConfig.paper();
    List<Processed> processed = preprocess(frames, config);
    int rejected = frames.size() - processed.size();
    step(
        "pre-processing (3 channels, 224 px)",
        processed.size() + " frames, " + rejected + " rejected",
        t);

    t = System.nanoTime();
    Path sheet = out.resolve("frames-contact-sheet.png");
    Path channels = out.resolve("frame-channels.png");
    List<Processed> shown =
        processed.stream()
            .sorted(Comparator.comparingDouble(Processed::peakSnr).reversed())
            .limit(SHEET_FRAMES)
            .toList();
    if (!shown.isEmpty()) {
      int w = shown.get(0).cube().width();
      int h = shown.get(0).cube().height();
      ContactSheet.write(sheet, shown.stream().map(p -> p.cube().data()).toList(), w, h, 6);
      ContactSheet.write(channels, channelTiles(shown.get(0).cube()), w, h, 3);
    }
    step("previews", "contact sheet of " + shown.size() + " frames, channel view", t);

    Path report = out.resolve("report.html");
    writeReport(report, field, cut, processed, shown, config, mapPng, sheet, channels);
    return new Result(report, cut.written(), cut.skippedTotal(), processed.size(), rejected);
  }

  /** One pre-processed frame with its brightest pixel in units of its noise. */
  record Processed(DatalistEntry entry, Cube cube, double peakSnr) {}

  private List<Processed> preprocess(List<DatalistEntry> frames, PreprocessConfig config) {
    ThreadLocal<Preprocessor> workers = ThreadLocal.withInitial(() -> new Preprocessor(config));
    progress.start("pre-processing frames", frames.size());
    try {
      return frames.parallelStream()
          .map(
              e -> {
                try {
                  Path f = e.files().get(0);
                  Plane plane = FitsReader.read(f).plane();
                  Cube cube = workers.get().process(plane, f);
                  return new Processed(e, cube, peak(plane) / NoiseEstimate.rms(plane));
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

  private static double peak(Plane p) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : p.data()) {
      if (v > max) {
        max = v;
      }
    }
    return max;
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

  /** The map at most 1024 px wide, stretched from -3 to +20 times its noise rms. */
  private static void writeMapPreview(Plane map, Path png) {
    double rms = NoiseEstimate.rms(map);
    int side = Math.min(1024, map.width());
    Plane small =
        side == map.width()
            ? map
            : BilinearResize.resize(map, side, side * map.height() / map.width());
    PngWriter.writeGray(png, small, -3 * rms, 20 * rms);
  }

  private void writeReport(
      Path report,
      ExampleSky.Field field,
      CutoutSummary cut,
      List<Processed> processed,
      List<Processed> shown,
      PreprocessConfig config,
      Path mapPng,
      Path sheet,
      Path channels) {
    double[] rms =
        processed.stream()
            .mapToDouble(p -> ((Number) p.entry().extras().get("rms")).doubleValue() * 1e6)
            .sorted()
            .toArray();
    HtmlReport r = new HtmlReport("radioclr demo");
    r.paragraph(
        String.format(
            Locale.ROOT,
            "Built-in example field (seed %d): %dx%d pixels of %.1f\", %.0f\" beam, %.0f µJy/beam"
                + " nominal noise, compact sources, double-lobed radio galaxies and diffuse blobs;"
                + " corners blanked like a mosaic border.",
            settings.seed(),
            field.plane().width(),
            field.plane().height(),
            ExampleSky.PIXEL_ARCSEC,
            ExampleSky.BEAM_ARCSEC,
            ExampleSky.RMS_JY * 1e6));
    r.heading("Steps").table(steps);
    r.heading("Example map").figure(mapPng, "Example map, linear stretch from -3 to +20 sigma.");
    r.heading("Hulk frames")
        .paragraph(
            "256x256 frames with 50% overlap (paper §2.2); frames more than 30% blank are skipped."
                + " Each frame keeps the map's WCS and beam; the datalist records map, origin,"
                + " centre RA/Dec and local noise.")
        .paragraph(cut.format().replace('\n', ';'));
    if (rms.length > 0) {
      r.table(
          List.of(
              List.of("frame noise rms (µJy/beam)", "min", "median", "max"),
              List.of(
                  "sigma-clipped",
                  fmt(rms[0]),
                  fmt(rms[rms.length / 2]),
                  fmt(rms[rms.length - 1]))));
    }
    r.heading("Pre-processing (paper §2.3)");
    List<List<String>> recipe = new ArrayList<>();
    recipe.add(List.of("channel", "recipe"));
    for (int c = 0; c < config.channels().size(); c++) {
      ChannelRecipe ch = config.channels().get(c);
      recipe.add(List.of(String.valueOf(c + 1), ch.name() + ": " + ch.stages()));
    }
    r.table(recipe);
    if (!shown.isEmpty()) {
      r.figure(
          sheet,
          "The "
              + shown.size()
              + " frames with the brightest sources as the model sees them (RGB = channels 1-3).");
      r.figure(
          channels,
          "Channels 1-3 of "
              + shown.get(0).entry().sname()
              + ": sigma-clipped, zscale 0.25, zscale 0.4.");
    }
    r.write(report);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private void step(String name, String result, long startNanos) {
    steps.add(
        List.of(
            name,
            result,
            String.format(Locale.ROOT, "%.2f", (System.nanoTime() - startNanos) / 1e9)));
  }

  private static void requireFreshFolder(Path out) {
    if (!Files.exists(out)) {
      return;
    }
    if (!Files.isDirectory(out)) {
      throw new BadInputException(out, "exists and is not a folder");
    }
    try (Stream<Path> s = Files.list(out)) {
      if (s.findAny().isPresent()) {
        throw new BadInputException(out, "folder is not empty; the demo writes into a fresh one");
      }
    } catch (IOException e) {
      throw new BadInputException(out, "cannot read folder: " + e.getMessage(), e);
    }
  }
}
