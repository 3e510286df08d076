package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyActiveCommandTest {
  @TempDir Path tmp;

  Path features;
  Path scores;

  void scored() {
    features = AnomalyCommandTest.table(tmp.resolve("features.parquet"), 50);
    scores = tmp.resolve("scores.parquet");
    CliRun s =
        CliRun.of(
            "anomaly",
            "score",
            "--features",
            features.toString(),
            "--trees",
            "50",
            "--out",
            scores.toString());
    assertEquals(0, s.exitCode(), s.err());
  }

  /** {@code anomaly active} on the scored table with further options. */
  CliRun active(String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "anomaly",
                "active",
                "--scores",
                scores.toString(),
                "--features",
                features.toString()));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void printsAndWritesOneRowPerRound() throws IOException {
    scored();
    Path out = tmp.resolve("active");
    CliRun r = active("--rounds", "3", "--per-round", "4", "--k", "5,10", "--out", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    // the 5 PECULIAR frames of the table's own label column are the truth
    assertTrue(r.out().startsWith("50 frames, 5 true anomalies (PECULIAR); 4 rated per round"));
    assertTrue(r.out().contains("learned_top5  raw_top5  learned_top10  raw_top10"), r.out());
    List<String> csv = Files.readAllLines(out.resolve("rounds.csv"));
    assertEquals(4 + 1, csv.size());
    assertTrue(csv.get(4).startsWith("3,12,"), csv.get(4));
    assertTrue(Files.exists(out.resolve("rounds.png")));
    assertTrue(Files.exists(out.resolve("provenance.json")));
  }

  @Test
  void badInputIsOneLineAndWritesNothing() throws IOException {
    scored();
    Path labels = tmp.resolve("labels.json");
    Files.writeString(
        labels,
        "{\"data\": [{\"filepaths\": [\"a.fits\"], \"sname\": \"s1\", \"label\": \"COMPACT\"}]}");
    Path out = tmp.resolve("active");
    CliRun none = active("--labels", labels.toString(), "--out", out.toString());
    assertEquals(1, none.exitCode());
    assertEquals(
        "radioclr: "
            + labels
            + ": no scored frame is labelled PECULIAR, so there is nothing to find; labels seen:"
            + " COMPACT\n",
        none.err());
    assertFalse(Files.exists(out));

    CliRun all = active("--rounds", "10", "--per-round", "5", "--out", out.toString());
    assertEquals(2, all.exitCode());
    assertTrue(all.err().contains("--rounds x --per-round = 50 would rate every one"), all.err());
    assertFalse(Files.exists(out));

    CliRun k = active("--k", "50,20", "--out", out.toString());
    assertEquals(2, k.exitCode());
    assertTrue(k.err().contains("ascending and distinct"), k.err());
  }
}
