package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.radioclr.app.demo.Demo;
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
          + " pre-process every frame as the model sees it, train SimCLR for a couple of epochs"
          + " on the CPU, extract features, write previews and an HTML report. Needs no data and"
          + " no network; takes about a minute.",
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
      description = "SimCLR training epochs on the frames, 32 px on the CPU (default: 2; 0 skips).")
  int epochs = 2;

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
    Demo.Result r =
        new Demo(
                new Demo.Settings(folder, seed, mapSize, epochs),
                ConsoleProgress.onStderr(spec.commandLine().getErr()))
            .run();
    stdout.printf(
        "simulated sources: %d; hulk frames: %d; pre-processed: %d, rejected: %d%n",
        r.sources(), r.frames(), r.preprocessed(), r.rejected());
    stdout.println("report: " + r.report().toAbsolutePath());
    return 0;
  }
}
