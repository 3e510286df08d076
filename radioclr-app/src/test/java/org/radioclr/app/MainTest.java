package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import picocli.CommandLine;

class MainTest {
  @TempDir Path dir;

  @Test
  void versionNamesTheProjectAndTheJvm() {
    CliRun r = CliRun.of("--version");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("radioclr "), r.out());
    assertTrue(r.out().contains("JVM"), r.out());
  }

  @Test
  void everyCommandHasHelp() {
    List<List<String>> commands = allCommands(new CommandLine(new Main()), List.of());
    assertTrue(commands.size() >= 8, "commands found: " + commands);
    for (List<String> c : commands) {
      String[] args =
          java.util.stream.Stream.concat(c.stream(), java.util.stream.Stream.of("--help"))
              .toArray(String[]::new);
      CliRun r = CliRun.of(args);
      assertEquals(0, r.exitCode(), "help of " + c);
      assertTrue(r.out().contains("Usage: radioclr"), "help of " + c + ": " + r.out());
    }
  }

  private static List<List<String>> allCommands(CommandLine cl, List<String> prefix) {
    List<List<String>> out = new java.util.ArrayList<>();
    out.add(prefix);
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals("help")) {
                List<String> p = new java.util.ArrayList<>(prefix);
                p.add(name);
                out.addAll(allCommands(sub, p));
              }
            });
    return out;
  }

  @Test
  void badInputIsOneLineNamingTheFileWithoutStackTrace() throws IOException {
    Path notFits = dir.resolve("notes.fits");
    Files.writeString(notFits, "hello");
    CliRun r =
        CliRun.of("preprocess", notFits.toString(), "--out", dir.resolve("o.fits").toString());
    assertEquals(1, r.exitCode());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains(notFits.toString()), r.err());
    assertFalse(r.err().contains("at org."), r.err());
    assertFalse(Files.exists(dir.resolve("o.fits")));
  }

  @Test
  void verboseShowsTheStackTrace() throws IOException {
    Path notFits = dir.resolve("notes.fits");
    Files.writeString(notFits, "hello");
    CliRun r =
        CliRun.of(
            "preprocess",
            notFits.toString(),
            "--out",
            dir.resolve("o.fits").toString(),
            "--verbose");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("at org.radioclr"), r.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun r = CliRun.of("cutouts", "hulk", "map.fits", "--out", dir.toString(), "--bogus");
    assertNotEquals(0, r.exitCode());
    assertTrue(r.err().contains("--bogus"), r.err());
  }

  /** Asserts a usage error: exit code 2 and one line naming the command and its help. */
  private static void assertUsageError(CliRun r, String command, String problem) {
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals(
        command + ": " + problem + "; see '" + command + " --help'", r.err().strip(), r.err());
  }

  /** A file for --features to name: the option checks that it exists before the command runs. */
  private String someFile() throws IOException {
    return Files.writeString(dir.resolve("f.parquet"), "").toString();
  }

  @Test
  void commandLineMisuseIsOneLineWithTheProblemAndWhereTheHelpIs() throws IOException {
    assertUsageError(
        CliRun.of("train", "simclr", "--epoch", "3"),
        "radioclr train simclr",
        "unknown option '--epoch' (did you mean --epochs?)");
    assertUsageError(
        CliRun.of("cutouts", "hulk", "map.fits"),
        "radioclr cutouts hulk",
        "missing required option: '--out=DIR'");
    assertUsageError(
        CliRun.of("similar", "--features", someFile(), "--query", "a", "--k", "many"),
        "radioclr similar",
        "invalid value for option '--k': 'many' is not an int");
    CliRun typo = CliRun.of("trian");
    assertEquals(2, typo.exitCode(), typo.err());
    assertTrue(
        typo.err().startsWith("radioclr: unknown command 'trian' (did you mean train"), typo.err());
    assertTrue(typo.err().strip().endsWith("; see 'radioclr --help'"), typo.err());
  }

  @Test
  void anOptionValueTheCommandRejectsIsAUsageErrorNamingTheOption() throws IOException {
    assertUsageError(
        CliRun.of("similar", "--features", someFile(), "--query", "a", "--k", "0"),
        "radioclr similar",
        "--k must be >= 1, got 0");
    assertUsageError(
        CliRun.of("preprocess", "in.fits", "--out", "out.fits", "--max-blank", "2"),
        "radioclr preprocess",
        "--max-blank must be in [0, 1), got 2.0");
    // a value the configuration record rejects: its own words, as a usage error
    assertUsageError(
        CliRun.of("cutouts", "hulk", "map.fits", "--out", dir.toString(), "--size", "4"),
        "radioclr cutouts hulk",
        "frame size must be >= 8 pixels, got 4");
  }

  @Test
  void aMissingCommandIsAUsageError() {
    assertUsageError(CliRun.of(), "radioclr", "missing command");
    assertUsageError(CliRun.of("classify"), "radioclr classify", "missing required subcommand");
  }

  private static int failed(Throwable ex, boolean verbose, StringWriter text) {
    try (PrintWriter err = new PrintWriter(text)) {
      return Main.failed(ex, new CommandLine(new Main()), verbose, err);
    }
  }

  @Test
  void anInternalFailureIsNotShownAsTheUsersMistake() {
    StringWriter text = new StringWriter();
    int code = failed(new IllegalArgumentException("row 3 has 2 values, expected 4"), false, text);
    assertEquals(1, code);
    assertEquals(
        "radioclr: internal error: IllegalArgumentException: row 3 has 2 values, expected 4"
            + " (run again with --verbose for the stack trace; please report it)",
        text.toString().strip());

    StringWriter verbose = new StringWriter();
    failed(new NullPointerException(), true, verbose);
    assertTrue(
        verbose.toString().startsWith("radioclr: internal error: NullPointerException ("),
        verbose.toString());
    assertTrue(verbose.toString().contains("at org.radioclr.app.MainTest"), verbose.toString());
  }

  @Test
  void aUserErrorIsItsMessageEvenWhenWrapped() {
    StringWriter text = new StringWriter();
    Throwable wrapped =
        new java.util.concurrent.ExecutionException(
            new BadInputException(Path.of("map.fits"), "not a FITS file"));
    assertEquals(1, failed(wrapped, false, text));
    assertEquals("radioclr: map.fits: not a FITS file", text.toString().strip());
  }

  @Test
  void runningOutOfMemorySaysHowMuchHeapThereWasAndHowToGiveMore() {
    StringWriter text = new StringWriter();
    Throwable oom = new RuntimeException("worker failed", new OutOfMemoryError("Java heap space"));
    assertEquals(1, failed(oom, false, text));
    String m = text.toString().strip();
    assertEquals(1, m.lines().count(), m);
    assertTrue(m.startsWith("radioclr: ran out of memory (Java heap space) with "), m);
    assertTrue(m.contains("RADIOCLR_JAVA_OPTS=-Xmx"), m);

    long gib = 1L << 30;
    OutOfMemoryError heap = new OutOfMemoryError("Java heap space");
    assertEquals(
        "ran out of memory (Java heap space) with 4.0 GiB of Java heap; give it more with"
            + " RADIOCLR_JAVA_OPTS=-Xmx8g, e.g. RADIOCLR_JAVA_OPTS=-Xmx8g ./radioclr bench similar"
            + " ...",
        Main.outOfMemory(heap, "radioclr bench similar", 4 * gib, 64 * gib));
    assertTrue(
        Main.outOfMemory(heap, "radioclr bench similar", 30 * gib, 32 * gib)
            .endsWith("about as much as this machine can give; make the job smaller"));
    assertTrue(
        Main.outOfMemory(heap, "radioclr x", 256L << 20, 0).contains("256 MiB of Java heap"));
  }

  @Test
  void aJobThatRunsOutOfHeapEndsWithTheAdviceNotAJvmTrace() throws Exception {
    // A real run in a JVM of its own, with a heap too small for the benchmark's 400 MB table.
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "bench",
                "similar",
                "--rows",
                "200000",
                "--dim",
                "512",
                "--seconds",
                "0.01")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    assertEquals(1, p.exitValue(), output);
    assertTrue(output.contains("radioclr: ran out of memory (Java heap space) with "), output);
    assertTrue(output.contains("MiB of Java heap"), output);
    assertTrue(output.contains("RADIOCLR_JAVA_OPTS=-Xmx2g"), output);
    assertTrue(output.contains("./radioclr bench similar ..."), output);
    assertFalse(output.contains("Exception in thread"), output);
    assertFalse(output.contains("\tat "), output);
  }
}
