package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;

class TrainCommandTest {
  private static Path datalist(Path dir, int n) throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    StringBuilder sb = new StringBuilder("{\"data\": [");
    for (int i = 0; i < n; i++) {
      float[] data = new float[24 * 24];
      for (int p = 0; p < data.length; p++) {
        int x = p % 24 - 12;
        int y = p / 24 - 12;
        data[p] = (float) (random.nextGaussian() + 20 * Math.exp(-(x * x + y * y) / (2.0 + i)));
      }
      FitsWriter.write(dir.resolve("f" + i + ".fits"), new Plane(24, 24, data));
      sb.append(i == 0 ? "" : ",").append("{\"filepaths\": [\"f").append(i).append(".fits\"]}");
    }
    Path list = dir.resolve("list.json");
    Files.writeString(list, sb.append("]}"));
    return list;
  }

  @Test
  void trainsOneEpochThenRefusesToOverwriteOrResumeAFinishedRun(@TempDir Path dir)
      throws IOException {
    Path list = datalist(dir, 4);
    Path val = dir.resolve("val.json");
    Files.writeString(
        val,
        "{\"data\": [{\"filepaths\": [\"f0.fits\"], \"label\": \"a\"},"
            + " {\"filepaths\": [\"f1.fits\"], \"label\": \"b\"},"
            + " {\"filepaths\": [\"f2.fits\"], \"label\": \"a\"}]}");
    Path run = dir.resolve("run");
    CliRun r =
        CliRun.of(
            "train",
            "simclr",
            "--datalist",
            list.toString(),
            "--val",
            val.toString(),
            "--out",
            run.toString(),
            "--epochs",
            "1",
            "--batch",
            "4",
            "--image-size",
            "16",
            "--lr",
            "1e-3",
            "--workers",
            "1");
    assertEquals(0, r.exitCode(), r.err());
    // one epoch of one step: the automatic warm-up (a tenth of the run) is none
    assertTrue(
        r.out()
            .contains(
                "learning rate: cosine decay from 0.001 to 0 over 1 step (1 epoch), no warm-up;"
                    + " 1 step in all"),
        r.out());
    assertTrue(r.out().contains("epoch 1  loss "), r.out());
    assertTrue(
        r.out()
            .contains(
                "encoder: ResNet18, small stem (3x3 stride 1, no max-pool) at 16 px (--stem auto)"),
        r.out());
    assertTrue(r.out().contains("  kNN acc "), r.out());
    assertTrue(Files.isRegularFile(run.resolve("metrics.png")));
    assertTrue(Files.isRegularFile(run.resolve("checkpoints/epoch-0001/simclr-0000.params")));
    assertTrue(Files.isRegularFile(run.resolve("config.json")));
    assertEquals(2, Files.readAllLines(run.resolve("metrics.csv")).size());

    CliRun again =
        CliRun.of("train", "simclr", "--datalist", list.toString(), "--out", run.toString());
    assertEquals(1, again.exitCode());
    Path abs = run.toAbsolutePath();
    assertEquals(
        "radioclr: "
            + abs
            + ": output folder is not empty: it holds a training run; continue it with --resume "
            + abs
            + " (or use another --out folder)\n",
        again.err());

    CliRun done = CliRun.of("train", "simclr", "--resume", run.toString());
    assertEquals(1, done.exitCode());
    assertTrue(done.err().contains("the run is complete (1 of 1 epochs)"), done.err());

    CliRun mixed = CliRun.of("train", "simclr", "--resume", run.toString(), "--epochs", "3");
    assertEquals(2, mixed.exitCode());
    assertEquals(
        CliRun.usageError(
            "radioclr train simclr",
            "--resume takes no --epochs: the run's own settings are used; only --workers may be"
                + " given"),
        mixed.err());
    CliRun two =
        CliRun.of(
            "train", "simclr", "--lr", "1e-2", "--resume", run.toString(), "--out", "x", "-v");
    assertEquals(2, two.exitCode());
    assertEquals(
        CliRun.usageError(
                "radioclr train simclr",
                "--resume takes no --lr, --out: the run's own settings are used; only --workers"
                    + " may be given")
            .strip(),
        two.err().lines().findFirst().orElseThrow());

    // killed before its first checkpoint, while writing it: --resume starts it again
    deleteTree(run.resolve("checkpoints"));
    Files.createDirectories(run.resolve("checkpoints/.epoch-0001.tmp-5150"));
    CliRun restarted = CliRun.of("train", "simclr", "--resume", run.toString(), "--workers", "1");
    assertEquals(0, restarted.exitCode(), restarted.err());
    assertTrue(
        restarted
            .err()
            .contains(
                "radioclr: removed a temporary leftover of an interrupted run from "
                    + abs
                    + ": checkpoints/.epoch-0001.tmp-5150\n"
                    + "radioclr: the run has no checkpoint yet: starting it again from its first"
                    + " step\n"),
        restarted.err());
    assertTrue(restarted.out().contains("epoch 1  loss "), restarted.out());
    assertTrue(Files.isRegularFile(run.resolve("checkpoints/epoch-0001/simclr-0000.params")));
    assertTrue(Files.notExists(run.resolve("checkpoints/.epoch-0001.tmp-5150")));
  }

  @Test
  void resumeAndNewRunOptionsAreExclusiveBeforeAnythingRuns(@TempDir Path dir) {
    String nope = dir.resolve("nope").toString();
    // options in either order: one line naming the new-run options, exit 2, no run touched
    for (String[] args :
        new String[][] {
          {"train", "simclr", "--resume", nope, "--epochs", "3", "--seed=4"},
          {"train", "simclr", "--epochs", "3", "--resume", nope, "--seed=4", "--workers", "1"}
        }) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.exitCode(), r.err());
      assertEquals(
          CliRun.usageError(
              "radioclr train simclr",
              "--resume takes no --epochs, --seed: the run's own settings are used; only"
                  + " --workers may be given"),
          r.err());
    }
    CliRun neither = CliRun.of("train", "simclr", "--workers", "1");
    assertEquals(2, neither.exitCode(), neither.err());
    assertEquals(
        CliRun.usageError(
            "radioclr train simclr", "--datalist and --out are required (or --resume RUN)"),
        neither.err());
  }

  @Test
  void helpListsResumeAndTheNewRunOptions() {
    CliRun help = CliRun.of("train", "simclr", "--help");
    assertEquals(0, help.exitCode(), help.err());
    assertTrue(help.out().contains("--resume=RUN"), help.out());
    assertTrue(help.out().contains("New run:"), help.out());
    assertTrue(help.out().contains("--datalist=FILE"), help.out());
    assertTrue(help.out().contains("--workers=N"), help.out());
  }

  private static void deleteTree(Path root) throws IOException {
    try (java.util.stream.Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void skippedImagesAreOneSummaryLineAndAListInTheRun(@TempDir Path dir) throws IOException {
    Path list = datalist(dir, 8);
    for (int i : new int[] {1, 4, 6}) { // half blank: the pre-processing rejects them
      Plane p = FitsReader.read(dir.resolve("f" + i + ".fits")).plane();
      for (int k = 0; k < p.size() / 2; k++) {
        p.data()[k] = Float.NaN;
      }
      FitsWriter.write(dir.resolve("f" + i + ".fits"), p);
    }
    Path run = dir.resolve("run");
    String[] args = {
      "train",
      "simclr",
      "--datalist",
      list.toString(),
      "--out",
      run.toString(),
      "--epochs",
      "2",
      "--batch",
      "4",
      "--image-size",
      "16",
      "--lr",
      "1e-3",
      "--workers",
      "1"
    };
    CliRun r = CliRun.of(args);
    assertEquals(0, r.exitCode(), r.err());
    Path skipped = run.resolve("skipped.csv");
    assertEquals(
        List.of(
            "radioclr: warning: skipped 3 of 8 images (more than 30% of pixels blank or NaN: 3);"
                + " the list with reasons is in "
                + skipped),
        r.err().lines().filter(l -> l.startsWith("radioclr:")).toList(),
        r.err());
    List<String> rows = Files.readAllLines(skipped);
    assertEquals("file,sname,reason,detail", rows.get(0));
    assertEquals(4, rows.size(), rows.toString());
    assertTrue(
        rows.get(1)
            .endsWith(
                ",,more than 30% of pixels blank or NaN,50.0% of pixels are blank or NaN (limit 30%)"),
        rows.get(1));

    // --verbose adds one line per image
    String[] verbose = args.clone();
    verbose[5] = dir.resolve("run2").toString();
    CliRun v = CliRun.of(concat(verbose, "--verbose"));
    assertEquals(0, v.exitCode(), v.err());
    assertEquals(
        3, v.err().lines().filter(l -> l.contains("warning: skipping image ")).count(), v.err());
    assertEquals(
        1, v.err().lines().filter(l -> l.contains("warning: skipped 3 of 8")).count(), v.err());
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }

  @Test
  void aWarmUpAsLongAsTheRunIsOneLineNamingBothOptions(@TempDir Path dir) throws IOException {
    Path list = datalist(dir, 4);
    CliRun r =
        CliRun.of(
            "train",
            "simclr",
            "--datalist",
            list.toString(),
            "--out",
            dir.resolve("run").toString(),
            "--epochs",
            "10",
            "--warmup-epochs",
            "10");
    assertEquals(2, r.exitCode());
    assertTrue(
        r.err()
            .startsWith(
                "radioclr train simclr: a warm-up of 10 epochs is not shorter than the 10-epoch"
                    + " run"),
        r.err());
    assertTrue(r.err().endsWith("; see 'radioclr train simclr --help'\n"), r.err());
    assertTrue(r.err().contains("--warmup-epochs") && r.err().contains("--epochs"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(Files.exists(dir.resolve("run")));
  }

  @Test
  void tooSmallImagesAreOneLine(@TempDir Path dir) throws IOException {
    Path list = datalist(dir, 4);
    CliRun r =
        CliRun.of(
            "train",
            "simclr",
            "--datalist",
            list.toString(),
            "--out",
            dir.resolve("run").toString(),
            "--image-size",
            "8");
    assertEquals(2, r.exitCode());
    assertEquals(
        CliRun.usageError(
            "radioclr train simclr", "image size must be >= 16 for the small stem, got 8"),
        r.err());
  }
}
