package org.radioclr.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.spark.EncoderCache;
import org.radioclr.spark.SparkFixtures;

class SparkFeaturesCommandTest {
  @TempDir Path tmp;

  @AfterAll
  static void release() {
    EncoderCache.closeAll();
  }

  private static String[] spark(Path model, Path datalist, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "spark",
                "features",
                "--master",
                "local[2]",
                "--model",
                model.toString(),
                "--datalist",
                datalist.toString(),
                "--out",
                out.toString(),
                "--batch",
                "4"));
    SparkFixtures.conf().forEach((k, v) -> args.addAll(List.of("--conf", k + "=" + v)));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  @Test
  void writesATableTheOtherCommandsReadAndListsTheSkippedImage() throws Exception {
    Path model = SparkFixtures.checkpoint(tmp.resolve("ckpt"));
    Path datalist = SparkFixtures.dataset(tmp.resolve("data"), 6, 2);
    Path table = tmp.resolve("f.parquet");
    CliRun r = CliRun.of(spark(model, datalist, table));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("wrote " + table + ": 5 rows x 512 features"), r.out());
    assertTrue(r.err().contains("radioclr: warning: skipped 1 of 6 images"), r.err());
    List<String> skipped = Files.readAllLines(tmp.resolve("f.skipped.csv"));
    assertEquals(2, skipped.size(), skipped.toString());
    assertTrue(
        skipped.get(1).contains("img2.fits") && skipped.get(1).contains("src2"), skipped.get(1));

    Path plot = tmp.resolve("p.png");
    CliRun p =
        CliRun.of(
            "project",
            "--features",
            table.toString(),
            "--method",
            "pca",
            "--color",
            "rms",
            "--out",
            plot.toString());
    assertEquals(0, p.code(), p.err());
    assertTrue(Files.size(plot) > 0);

    CliRun strict = CliRun.of(spark(model, datalist, tmp.resolve("g.parquet"), "--strict"));
    assertEquals(1, strict.code(), strict.err());
    String[] lines = strict.err().strip().split("\n");
    String last = lines[lines.length - 1];
    assertTrue(last.startsWith("radioclr: ") && last.contains("img2.fits"), strict.err());
    assertTrue(last.contains("not a FITS file"), last);
  }

  @Test
  void aCsvTableIsAUsageError() {
    CliRun r =
        CliRun.of("spark", "features", "--model", "m", "--datalist", "d.json", "--out", "f.csv");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("use .parquet"), r.err());
  }
}
