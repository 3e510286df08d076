package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
