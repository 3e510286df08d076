package org.radioclr.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.spark.SparkFixtures;

class SparkScoreCommandTest {
  @TempDir Path tmp;

  private static String[] spark(Path features, Path model, Path out) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "spark",
                "score",
                "--master",
                "local[2]",
                "--features",
                features.toString(),
                "--model",
                model.toString(),
                "--out",
                out.toString()));
    SparkFixtures.conf().forEach((k, v) -> args.addAll(List.of("--conf", k + "=" + v)));
    return args.toArray(new String[0]);
  }

  /** 120 seeded rows of 3 features. */
  private Path table() throws IOException {
    SplittableRandom r = new SplittableRandom(4);
    StringBuilder sb = new StringBuilder("sname,f0,f1,f2\n");
    for (int i = 0; i < 120; i++) {
      sb.append("src").append(i);
      for (int j = 0; j < 3; j++) {
        sb.append(',').append(String.format(Locale.ROOT, "%.4f", r.nextGaussian()));
      }
      sb.append('\n');
    }
    return Files.writeString(tmp.resolve("f.csv"), sb);
  }

  @Test
  void scoresAsAnomalyScoreWithTheSavedModelDoes() throws IOException {
    Path features = table();
    Path fit = tmp.resolve("fit.csv");
    CliRun f =
        CliRun.of("anomaly", "score", "--features", features.toString(), "--out", fit.toString());
    assertEquals(0, f.code(), f.err());
    Path model = tmp.resolve("fit.csv.iforest");
    Path plain = tmp.resolve("plain.csv");
    CliRun p =
        CliRun.of(
            "anomaly",
            "score",
            "--features",
            features.toString(),
            "--model",
            model.toString(),
            "--out",
            plain.toString());
    assertEquals(0, p.code(), p.err());

    Path out = tmp.resolve("spark.csv");
    CliRun s = CliRun.of(spark(features, model, out));
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().contains("120 rows x 3 features scored with " + model), s.out());
    assertTrue(s.out().contains("wrote " + out), s.out());
    assertEquals(Files.readAllLines(plain), Files.readAllLines(out));
  }

  @Test
  void aMissingModelIsOneErrorNamingIt() throws IOException {
    Path missing = tmp.resolve("none.iforest");
    CliRun r = CliRun.of(spark(table(), missing, tmp.resolve("s.csv")));
    assertEquals(1, r.code(), r.err());
    String[] lines = r.err().strip().split("\n");
    String last = lines[lines.length - 1];
    assertTrue(last.startsWith("radioclr: ") && last.contains(missing.toString()), r.err());
    assertTrue(Files.notExists(tmp.resolve("s.csv")));
  }
}
