package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    assertTrue(r.out().contains("  kNN acc "), r.out());
    assertTrue(Files.isRegularFile(run.resolve("metrics.png")));
    assertTrue(Files.isRegularFile(run.resolve("checkpoints/epoch-0001/simclr-0000.params")));
    assertTrue(Files.isRegularFile(run.resolve("config.json")));
    assertEquals(2, Files.readAllLines(run.resolve("metrics.csv")).size());

    CliRun again =
        CliRun.of("train", "simclr", "--datalist", list.toString(), "--out", run.toString());
    assertEquals(1, again.exitCode());
    assertTrue(again.err().contains("output folder is not empty"), again.err());

    CliRun done = CliRun.of("train", "simclr", "--resume", run.toString());
    assertEquals(1, done.exitCode());
    assertTrue(done.err().contains("the run is complete (1 of 1 epochs)"), done.err());

    CliRun mixed = CliRun.of("train", "simclr", "--resume", run.toString(), "--epochs", "3");
    assertEquals(
        "radioclr: --resume continues a run with its own settings; only --workers may be given\n",
        mixed.err());
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
    assertEquals(1, r.exitCode());
    assertTrue(
        r.err().startsWith("radioclr: a warm-up of 10 epochs is not shorter than the 10-epoch run"),
        r.err());
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
    assertEquals(1, r.exitCode());
    assertEquals("radioclr: image size must be >= 16 for the small stem, got 8\n", r.err());
  }
}
