package org.radioclr.serve.jobs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for {@code radioclr} in job tests: {@code copy --in=F --out=F2} copies a file and
 * reports progress, {@code sleep --seconds=N} prints 50% then waits, {@code fail} exits with 3;
 * {@code score --features=F --out=F2} copies F and {@code export --scores=F --out=DIR} copies F to
 * {@code DIR/candidates.csv} (the review's run forms, with the real apps' options).
 */
public final class FakeApp {
  private FakeApp() {}

  public static void main(String[] args) throws Exception {
    String in = null;
    String out = null;
    long seconds = 0;
    for (String a : args) {
      if (a.startsWith("--in=") || a.startsWith("--features=") || a.startsWith("--scores=")) {
        in = a.substring(a.indexOf('=') + 1);
      } else if (a.startsWith("--out=")) {
        out = a.substring(6);
      } else if (a.startsWith("--seconds=")) {
        seconds = Long.parseLong(a.substring(10));
      }
    }
    switch (args[0]) {
      case "copy" -> {
        System.out.println("copying 0%");
        Path target = Path.of(out);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(Path.of(in), target);
        System.out.println("copying 100%");
      }
      case "score" -> {
        System.out.println("scoring 0%");
        Files.copy(Path.of(in), Path.of(out));
        System.out.println("scoring 100%");
      }
      case "export" -> {
        Files.createDirectories(Path.of(out));
        Files.copy(Path.of(in), Path.of(out, "candidates.csv"));
        System.out.println("exporting 100%");
      }
      case "sleep" -> {
        System.out.println("sleeping 50%");
        System.out.flush();
        Thread.sleep(seconds * 1000);
      }
      default -> {
        System.err.println("fake: failing as asked");
        System.exit(3);
      }
    }
  }
}
