package org.radioclr.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.radioclr.app.demo.Demo;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr demo}: the main job on built-in data, end to end. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run radioclr end to end on a simulated EMU-pilot-like survey field with full ground"
          + " truth: simulate the map, its catalogue and the labelled 256x256 hulk frames,"
          + " pre-process every frame as the model sees it, train SimCLR briefly on the CPU,"
          + " extract features, then run the downstream jobs as radioclr commands (logged in"
          + " commands.log): a second, source-centred SimCLR step and linear probes of three"
          + " encoders (random weights, frames, frames then cutouts) on simulated source cutouts,"
          + " and the peculiar-frame search (LightGBM, Isolation Forest, evaluation, candidates)."
          + " Writes previews and an HTML report. Needs no data and no network; takes about 3.5"
          + " minutes on 2 cores.",
    },
    footer = {"", "Examples:", "  radioclr demo", "  radioclr demo --out my-demo --seed 7"})
final class DemoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Fresh output folder (default: demo-output/run-<date>-<time>).")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "Simulation seed (default: 42).")
  long seed = 42;

  @Option(
      names = "--map-size",
      paramLabel = "PIX",
      description = "Side of the simulated map (default: 2304, about 250 frames).")
  int mapSize = 2304;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description =
          "SimCLR training epochs on the frames, 64 px on the CPU (default: 10; 0 skips training"
              + " and the downstream jobs).")
  int epochs = 10;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    Path folder =
        out != null
            ? out
            : Path.of(
                "demo-output",
                "run-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    stdout.println("radioclr demo: writing into " + folder.toAbsolutePath());
    stdout.flush();
    PrintWriter stderr = spec.commandLine().getErr();
    Demo.Result r =
        new Demo(
                BadOptionException.check(() -> new Demo.Settings(folder, seed, mapSize, epochs)),
                ConsoleProgress.onStderr(stderr),
                args -> runLogged(folder.resolve(Demo.COMMANDS_LOG), stderr, args))
            .run();
    stdout.printf(
        "simulated sources: %d; hulk frames: %d; pre-processed: %d, rejected: %d%n",
        r.sources(), r.frames(), r.preprocessed(), r.rejected());
    stdout.println("report: " + r.report().toAbsolutePath());
    serveCommand(folder).ifPresent(c -> stdout.println("review the candidates: " + c));
    return 0;
  }

  /**
   * The one command line that opens the demo's anomaly search in the review app: a token for the
   * user (printed), then {@code radioclr serve} on the scores, features, datalist and UMAP
   * coordinates, with the database in the demo folder; empty when the search did not run. The
   * launcher's path comes from the {@code radioclr.launcher} property the {@code radioclr} script
   * sets, so the line runs as printed from any folder.
   */
  static java.util.Optional<String> serveCommand(Path folder) {
    Path anomaly = folder.resolve("anomaly");
    Path scores = anomaly.resolve("scores.parquet");
    if (!Files.isRegularFile(scores)) {
      return java.util.Optional.empty();
    }
    String radioclr = quote(System.getProperty("radioclr.launcher", "radioclr"));
    String db = quote(folder.resolve("review.sqlite").toAbsolutePath().toString());
    Path umap = anomaly.resolve(org.radioclr.app.demo.Demo.UMAP_CSV);
    return java.util.Optional.of(
        radioclr
            + " serve token add \"${USER:-me}\" --db "
            + db
            + " && "
            + radioclr
            + " serve --scores "
            + quote(scores.toAbsolutePath().toString())
            + " --features "
            + quote(folder.resolve("features.parquet").toAbsolutePath().toString())
            + " --datalist "
            + quote(
                folder
                    .resolve("simulation/sets/anomaly")
                    .resolve(org.radioclr.core.cutout.HulkCutter.DATALIST)
                    .toAbsolutePath()
                    .toString())
            + (Files.isRegularFile(umap)
                ? " --projection " + quote(umap.toAbsolutePath().toString())
                : "")
            + " --db "
            + db);
  }

  /** A word for a POSIX shell: as is when plain, else in single quotes. */
  private static String quote(String word) {
    return word.matches("[\\w./:=,+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  /**
   * Runs one radioclr command in-process: its output goes to the log (after the command line), its
   * progress and errors to standard error.
   */
  private static void runLogged(Path log, PrintWriter stderr, String... args) {
    StringWriter output = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(output)) {
      code = Main.execute(o, stderr, args);
    }
    StringBuilder entry = new StringBuilder("$ radioclr");
    for (String a : args) {
      entry.append(' ').append(a.matches("[\\w./:=,+-]+") ? a : "'" + a + "'");
    }
    entry.append('\n').append(output).append('\n');
    try {
      Files.writeString(
          log, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new BadInputException(log, "cannot write: " + e.getMessage(), e);
    }
    if (code != 0) {
      throw new RadioclrException(
          "the demo step 'radioclr " + String.join(" ", args) + "' failed (see above)");
    }
  }
}
