package org.radioclr.app;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.preprocess.PreprocessBenchmark;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.nn.Engines;
import org.radioclr.nn.features.ExtractionSummary;
import org.radioclr.nn.features.FeatureExtractor;
import org.radioclr.nn.features.FeatureOptions;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.SimclrModel;
import org.radioclr.nn.train.SimclrTrainConfig;
import org.radioclr.nn.train.TrainingBenchmark;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.SimulationConfig;
import org.radioclr.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radioclr bench}: throughput benchmarks that print a table. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Throughput benchmarks; each prints a table.",
    subcommands = {
      BenchCommand.Preprocess.class,
      BenchCommand.Simulate.class,
      BenchCommand.Features.class,
      BenchCommand.Train.class,
      BenchSimilarCommand.class,
      BenchIforestCommand.class,
      BenchDetectCommand.class
    })
final class BenchCommand {

  @Command(
      name = "preprocess",
      mixinStandardHelpOptions = true,
      description = {
        "Read FITS cutouts from disk and run the paper's 3-channel pre-processing"
            + " (256x256 -> 3x224x224 by default), for 1 thread up to --threads; prints"
            + " cutouts/s and the speed-up over 1 thread.",
        "Without inputs, it simulates an EMU-pilot-like map and cuts 256x256 frames from it"
            + " into a temporary folder first (--keep-frames DIR: into DIR, kept, e.g. for"
            + " scripts/peers/preprocess.py)."
      },
      footer = {
        "",
        "Examples:",
        "  radioclr bench preprocess",
        "  radioclr bench preprocess --keep-frames bench-frames",
        "  radioclr bench preprocess --threads 8 --seconds 10 hulk/frames/*.fits"
      })
  static final class Preprocess implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "CUTOUT.fits", description = "Cutouts to read.")
    List<Path> files = new ArrayList<>();

    @Option(
        names = "--threads",
        paramLabel = "N",
        description = "Most worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
        names = "--seconds",
        paramLabel = "S",
        description = "Measured time per row (default: 5), after a warm-up of S/2.")
    double seconds = 5;

    @Option(
        names = "--keep-frames",
        paramLabel = "DIR",
        description =
            "Without inputs: simulate and cut the example frames into DIR (new or empty) and"
                + " keep them there (the frames are DIR/hulk/frames/*.fits).")
    Path keepFrames;

    @Mixin PreprocessOptions options;

    @Override
    public Integer call() throws IOException {
      if (threads < 1) {
        throw new BadOptionException("--threads must be >= 1, got " + threads);
      }
      if (!(seconds > 0)) {
        throw new BadOptionException("--seconds must be > 0, got " + seconds);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (keepFrames != null && !files.isEmpty()) {
        throw new BadOptionException("--keep-frames is for the example frames: give no inputs");
      }
      PreprocessConfig config = options.resolve();
      Path tmp = null;
      try {
        List<Path> inputs = files;
        if (inputs.isEmpty() && keepFrames != null) {
          OutputFolders.requireEmpty(keepFrames, "choose another --keep-frames folder");
          Files.createDirectories(keepFrames);
          inputs = BenchFrames.exampleCutouts(keepFrames);
          spec.commandLine()
              .getErr()
              .printf(
                  "radioclr: %d example frames kept in %s%n",
                  inputs.size(), keepFrames.resolve("hulk").resolve("frames"));
        } else if (inputs.isEmpty()) {
          tmp = Files.createTempDirectory("radioclr-bench-");
          inputs = BenchFrames.exampleCutouts(tmp);
        }
        // Read once up front so a bad file fails fast with its own message.
        inputs.forEach(FitsReader::read);
        List<Path> paths = List.copyOf(inputs);
        out.printf(
            "pre-processing %d FITS cutouts read from disk, %s -> %dx%dx%d, %.0f s per row%n",
            paths.size(),
            shape(paths.get(0)),
            config.channelCount(),
            config.outputHeight(),
            config.outputWidth(),
            seconds);
        out.printf("%8s %10s %12s %9s%n", "threads", "cutouts", "cutouts/s", "speed-up");
        double base = 0;
        for (int t : threadCounts(threads)) {
          PreprocessBenchmark.Result r =
              PreprocessBenchmark.run(
                  i -> FitsReader.read(paths.get(i)).plane(),
                  paths.size(),
                  config,
                  t,
                  Duration.ofMillis((long) (seconds * 500)),
                  Duration.ofMillis((long) (seconds * 1000)));
          if (t == 1) {
            base = r.cutoutsPerSecond();
          }
          out.printf(
              "%8d %10d %12.1f %8.2fx%n",
              t, r.cutouts(), r.cutoutsPerSecond(), r.cutoutsPerSecond() / base);
          out.flush();
        }
        return 0;
      } finally {
        if (tmp != null) {
          OutputFolders.deleteTree(tmp);
        }
      }
    }

    private static String shape(Path file) {
      var image = FitsReader.read(file);
      return image.width() + "x" + image.height();
    }

    /** 1, 2, 4, ... below {@code max}, then {@code max}. */
    static List<Integer> threadCounts(int max) {
      TreeSet<Integer> counts = new TreeSet<>();
      for (int t = 1; t < max; t *= 2) {
        counts.add(t);
      }
      counts.add(max);
      return List.copyOf(counts);
    }
  }

  @Command(
      name = "simulate",
      mixinStandardHelpOptions = true,
      description = {
        "Simulate whole fields (sky, map written to FITS, ground truth and catalogue; no"
            + " benchmark sets) into a temporary folder and print megapixels/s for 1 thread up"
            + " to --threads."
      },
      footer = {
        "",
        "Examples:",
        "  radioclr bench simulate",
        "  radioclr bench simulate --preset smgps --size 8192 --threads 2"
      })
  static final class Simulate implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME", description = "Preset (default: emu-pilot).")
    String preset = "emu-pilot";

    @Option(names = "--size", paramLabel = "PIX", description = "Map side (default: 4096).")
    int size = 4096;

    @Option(
        names = "--threads",
        paramLabel = "N",
        description = "Most worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws IOException {
      if (threads < 1) {
        throw new BadOptionException("--threads must be >= 1, got " + threads);
      }
      SimPreset p =
          BadOptionException.check(() -> SimPreset.named(preset).withSize(size).withFields(1));
      PrintWriter out = spec.commandLine().getOut();
      out.printf("simulating one %s field of %dx%d pixels with its truth%n", p.name(), size, size);
      out.printf("%8s %10s %9s %10s%n", "threads", "sources", "seconds", "Mpx/s");
      for (int t : Preprocess.threadCounts(threads)) {
        Path tmp = Files.createTempDirectory("radioclr-bench-sim-");
        try {
          long t0 = System.nanoTime();
          Simulator.Result r =
              new Simulator(new SimulationConfig(p, 1, false, false, t), ProgressListener.NONE)
                  .run(tmp);
          double seconds = (System.nanoTime() - t0) / 1e9;
          out.printf(
              "%8d %10d %9.2f %10.1f%n",
              t, r.fields().get(0).truths().size(), seconds, (double) size * size / 1e6 / seconds);
          out.flush();
        } finally {
          OutputFolders.deleteTree(tmp);
        }
      }
      return 0;
    }
  }

  @Command(
      name = "features",
      mixinStandardHelpOptions = true,
      description = {
        "Feature-extraction throughput of a randomly initialised SimCLR ResNet18 (no checkpoint"
            + " needed; the small stem at <= 32 px): img/s of the model alone on pre-processed"
            + " batches, and end to end (read FITS + pre-process on reader threads + model), on"
            + " 256x256 frames cut from a simulated EMU-pilot-like map."
      },
      footer = {
        "",
        "Examples:",
        "  radioclr bench features",
        "  radioclr bench features --image-size 224 --batch 32 --count 128"
      })
  static final class Features implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--image-size",
        paramLabel = "PIX",
        description = "Network input (default: 64).")
    int imageSize = 64;

    @Option(
        names = "--batch",
        paramLabel = "B",
        description = "Images per forward pass (default: " + FeatureOptions.DEFAULT_BATCH + ").")
    int batch = FeatureOptions.DEFAULT_BATCH;

    @Option(
        names = "--stem",
        paramLabel = "STEM",
        description = StemChoice.DESCRIPTION + " Default: auto.")
    StemChoice stem = StemChoice.auto;

    @Option(names = "--count", paramLabel = "N", description = "Images per row (default: 256).")
    int count = 256;

    @Option(
        names = "--workers",
        paramLabel = "N",
        description = "Reader threads (default: cores, <= 4).")
    int workers = FeatureOptions.defaults().workers();

    @Override
    public Integer call() throws IOException {
      if (imageSize < 8 || imageSize > 1024) {
        throw new BadOptionException("--image-size must be in [8, 1024], got " + imageSize);
      }
      if (count < 1) {
        throw new BadOptionException("--count must be >= 1, got " + count);
      }
      FeatureOptions options =
          BadOptionException.check(() -> new FeatureOptions(false, batch, workers, true, false));
      PrintWriter out = spec.commandLine().getOut();
      Path dir = Files.createTempDirectory("radioclr-bench-features");
      try {
        List<Path> frames = BenchFrames.exampleCutouts(dir);
        List<DatalistEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          entries.add(DatalistEntry.unlabelled(frames.get(i % frames.size()), "c" + i));
        }
        boolean smallStem =
            stem == StemChoice.auto
                ? imageSize <= SimclrTrainConfig.SMALL_STEM_MAX_SIZE
                : stem.smallStem().booleanValue();
        Model model = Model.newInstance("simclr", Engines.bestDevice(), Engines.PYTORCH);
        SimclrModel block = SimclrModel.paper(smallStem);
        try {
          model.setBlock(block);
          block.initialize(
              model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, imageSize, imageSize));
        } catch (RuntimeException e) {
          model.close();
          throw e;
        }
        PreprocessConfig preprocess = PreprocessConfig.paper().withOutputSize(imageSize, imageSize);
        try (FeatureExtractor fx =
            FeatureExtractor.of(
                model, preprocess, options, ProjectionHeadConfig.paper().outputDim())) {
          out.printf(
              "features: SimCLR ResNet18 (%s stem) on %s, 3x%dx%d, batch %d, %d reader threads,"
                  + " %d cutouts (%d distinct simulated 256x256 frames), %d cores%n",
              smallStem ? "small" : "torchvision",
              model.getNDManager().getDevice(),
              imageSize,
              imageSize,
              batch,
              workers,
              count,
              frames.size(),
              Runtime.getRuntime().availableProcessors());
          float[] images = new float[batch * fx.imageFloats()];
          Preprocessor pre = new Preprocessor(preprocess);
          for (int i = 0; i < batch; i++) {
            pre.processInto(
                FitsReader.read(frames.get(i % frames.size())).plane(),
                images,
                i * fx.imageFloats());
          }
          fx.infer(images, batch); // warm-up
          long t0 = System.nanoTime();
          for (int done = 0; done < count; done += batch) {
            fx.infer(images, Math.min(batch, count - done));
          }
          double modelSeconds = (System.nanoTime() - t0) / 1e9;
          long[] rows = new long[1];
          ExtractionSummary s =
              fx.extract(entries.iterator(), (e, f, o) -> rows[0]++, ProgressListener.NONE);
          out.printf("%-36s %8s %9s %9s%n", "stage", "images", "seconds", "img/s");
          out.printf(
              "%-36s %8d %9.2f %9.1f%n", "model only", count, modelSeconds, count / modelSeconds);
          out.printf(
              "%-36s %8d %9.2f %9.1f%n",
              "end-to-end (read+preprocess+model)", s.rows(), s.seconds(), s.rate());
        }
      } finally {
        OutputFolders.deleteTree(dir);
      }
      return 0;
    }
  }

  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "SimCLR training throughput of a randomly initialised ResNet18 + projection head (the"
            + " small stem at <= 32 px) on 256x256 frames cut from a simulated EMU-pilot-like map,"
            + " with the hulk augmentations: img/s of the data pipeline alone (read FITS,"
            + " pre-process, augment two views on worker threads), of the model step alone"
            + " (forward + NT-Xent + backward + Adam on one fixed batch) and of whole training"
            + " steps (pipeline feeding the model). An image is a pair of views; views/s counts"
            + " the images the network sees (as a plain PyTorch SimCLR loop usually counts)."
      },
      footer = {
        "",
        "Examples:",
        "  radioclr bench train",
        "  radioclr bench train --image-size 64 --stem standard",
        "  radioclr bench train --image-size 224 --batch 32 --steps 5"
      })
  static final class Train implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--image-size",
        paramLabel = "PIX",
        description = "Network input side, e.g. 64 or 224 (default: 64).")
    int imageSize = 64;

    @Option(names = "--batch", paramLabel = "B", description = "Images per step (default: 32).")
    int batch = 32;

    @Option(
        names = "--stem",
        paramLabel = "STEM",
        description = StemChoice.DESCRIPTION + " Default: auto.")
    StemChoice stem = StemChoice.auto;

    @Option(
        names = "--steps",
        paramLabel = "N",
        description = "Timed steps per measurement, after one warm-up step (default: 10).")
    int steps = 10;

    @Option(
        names = "--workers",
        paramLabel = "N",
        description = "Data-pipeline threads (default: half the processors).")
    Integer workers;

    @Override
    public Integer call() throws IOException {
      if (steps < 1) {
        throw new BadOptionException("--steps must be >= 1, got " + steps);
      }
      SimclrTrainConfig config =
          BadOptionException.check(
              () -> {
                SimclrTrainConfig c =
                    SimclrTrainConfig.paper(1)
                        .withImageSize(imageSize)
                        .withBatchSize(batch)
                        .withSmallStem(stem.smallStem())
                        .withLearningRate(1e-3);
                return workers == null ? c : c.withWorkers(workers);
              });
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path dir = Files.createTempDirectory("radioclr-bench-train");
      try {
        List<Path> frames = BenchFrames.exampleCutouts(dir);
        out.printf(
            "train: SimCLR ResNet18 (%s stem) on %s, 2 views x 3x%dx%d, batch %d, %d steps,"
                + " %d pipeline threads, %d distinct simulated 256x256 frames, %d cores%n",
            config.useSmallStem() ? "small" : "torchvision",
            Engines.bestDevice(),
            imageSize,
            imageSize,
            batch,
            steps,
            config.workers(),
            frames.size(),
            Runtime.getRuntime().availableProcessors());
        out.flush();
        List<TrainingBenchmark.Rate> rates =
            TrainingBenchmark.run(
                frames,
                config,
                steps,
                m -> {
                  synchronized (err) {
                    err.println("radioclr: warning: " + m);
                  }
                });
        out.printf("%-32s %8s %9s %9s %9s%n", "stage", "images", "seconds", "img/s", "views/s");
        for (TrainingBenchmark.Rate r : rates) {
          out.printf(
              "%-32s %8d %9.2f %9.1f %9.1f%n",
              r.stage(), r.images(), r.seconds(), r.imagesPerSecond(), 2 * r.imagesPerSecond());
        }
      } finally {
        OutputFolders.deleteTree(dir);
      }
      return 0;
    }
  }
}
