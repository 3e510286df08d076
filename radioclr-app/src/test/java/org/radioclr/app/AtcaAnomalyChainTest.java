package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.testkit.RealData;

/**
 * The peculiar-frame chain on the real sky: hulk frames of the three ATCA SCORPIO maps (old NCP
 * projection), features of a random-weights encoder, an Isolation Forest, and the candidates in sky
 * coordinates. Skipped without ../shared/data.
 */
class AtcaAnomalyChainTest {
  @TempDir Path tmp;

  @Test
  void cutoutsFeaturesScoresAndRegionsOnTheAtcaMaps() throws IOException {
    List<String> maps = RealData.fitsFiles("atca-scorpio").stream().map(Path::toString).toList();
    String hulk = tmp.resolve("hulk").toString();
    List<String> args = new java.util.ArrayList<>(List.of("cutouts", "hulk"));
    args.addAll(maps);
    args.addAll(List.of("--out", hulk));
    run(args.toArray(String[]::new));
    String datalist = tmp.resolve("hulk/datalist.json").toString();
    String model = tmp.resolve("random").toString();
    run("model", "init", "--out", model, "--image-size", "64", "--stem", "standard");
    String features = tmp.resolve("f.parquet").toString();
    run("features", "--model", model, "--datalist", datalist, "--out", features);
    String scores = tmp.resolve("scores.parquet").toString();
    run("anomaly", "score", "--features", features, "--seed", "3", "--out", scores);
    Path out = tmp.resolve("cand");
    CliRun export =
        run(
            "anomaly",
            "export",
            "--scores",
            scores,
            "--top",
            "10",
            "--datalist",
            datalist,
            "--out",
            out.toString());
    assertTrue(export.out().startsWith("10 candidates"), export.out());

    List<String> regions =
        Files.readAllLines(out.resolve("candidates.reg")).stream()
            .filter(l -> l.startsWith("polygon("))
            .toList();
    assertEquals(10, regions.size());
    for (String r : regions) {
      // SCORPIO lies near RA 257 deg, Dec -43 deg; a frame of 256 x 1.5" spans about 0.1 deg
      String[] v = r.substring("polygon(".length(), r.indexOf(')')).split(",");
      assertEquals(8, v.length, r);
      for (int i = 0; i < 8; i += 2) {
        double ra = Double.parseDouble(v[i]);
        double dec = Double.parseDouble(v[i + 1]);
        assertTrue(ra > 254 && ra < 261 && dec > -46 && dec < -40, r);
      }
      double side = Math.abs(Double.parseDouble(v[5]) - Double.parseDouble(v[1]));
      assertEquals(256 * 1.5 / 3600, side, 0.01, "frame height in degrees: " + r);
    }
    assertEquals(11, Files.readAllLines(out.resolve("candidates.csv")).size(), "header + 10");
    assertTrue(Files.size(out.resolve("candidates.png")) > 1000);
  }

  private static CliRun run(String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r.err());
    return r;
  }
}
