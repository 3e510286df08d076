package org.radioclr.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.radioclr.app.demo.ExampleSky;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.cutout.HulkConfig;
import org.radioclr.core.cutout.HulkCutter;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.preprocess.PreprocessBenchmark;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.progress.ProgressListener;
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
    subcommands = {BenchCommand.Preprocess.class})
final class BenchCommand {

  @Command(
      name = "preprocess",
      mixinStandardHelpOptions = true,
      description = {
        "Read FITS cutouts from disk and run the paper's 3-channel pre-processing"
            + " (256x256 -> 3x224x224 by default), for 1 thread up to --threads; prints"
            + " cutouts/s and the speed-up over 1 thread.",
        "Without inputs, it cuts 256x256 frames from the built-in example map into a temporary"
            + " folder first."
      },
      footer = {
        "",
        "Examples:",
        "  radioclr bench preprocess",
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

    @Mixin PreprocessOptions options;

    @Override
    public Integer call() throws IOException {
      if (threads < 1) {
        throw new RadioclrException("--threads must be >= 1, got " + threads);
      }
      if (!(seconds > 0)) {
        throw new RadioclrException("--seconds must be > 0, got " + seconds);
      }
      PrintWriter out = spec.commandLine().getOut();
      PreprocessConfig config = options.resolve();
      Path tmp = null;
      try {
        List<Path> inputs = files;
        if (inputs.isEmpty()) {
          tmp = Files.createTempDirectory("radioclr-bench-");
          inputs = exampleCutouts(tmp);
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
          deleteTree(tmp);
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

    /** 256x256 frames cut from the built-in example map. */
    private static List<Path> exampleCutouts(Path dir) {
      ExampleSky.Field field = new ExampleSky(1280, 7).generate();
      Path map = dir.resolve("example-map.fits");
      FitsWriter.write(map, field.plane(), FitsCards.from(field.header()));
      Path cut = dir.resolve("hulk");
      new HulkCutter(HulkConfig.PAPER, ProgressListener.NONE).cut(List.of(map), cut);
      return DatalistReader.readAll(cut.resolve(HulkCutter.DATALIST)).stream()
          .map(DatalistEntry::files)
          .map(f -> f.get(0))
          .toList();
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
