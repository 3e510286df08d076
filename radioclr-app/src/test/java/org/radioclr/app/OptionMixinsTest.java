package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared options: a missing file or a bad count is a one-line usage error naming it. */
class OptionMixinsTest {
  @TempDir Path tmp;

  @Test
  void aMissingFeatureTableIsAUsageErrorInEveryCommandThatReadsOne() {
    String nope = tmp.resolve("nope.parquet").toString();
    String[][] commands = {
      {"anomaly", "score", "--features", nope, "--out", tmp.resolve("s.csv").toString()},
      {"anomaly", "scan", "--features", nope, "--out", tmp.resolve("scan").toString()},
      {"anomaly", "select", "--features", nope, "--out", tmp.resolve("sel").toString()},
      {"classify", "knn", "--features", nope},
      {"project", "--features", nope, "--out", tmp.resolve("p.png").toString()},
      {"similar", "--features", nope, "--query", "s0"},
    };
    for (String[] args : commands) {
      CliRun r = CliRun.of(args);
      String name =
          "radioclr "
              + String.join(" ", java.util.Arrays.copyOf(args, args[1].startsWith("--") ? 1 : 2));
      assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
      assertEquals(
          CliRun.usageError(name, "invalid value for option '--features': no such file: " + nope),
          r.err());
      assertTrue(r.out().isEmpty(), r.out());
    }
  }

  @Test
  void aNonEmptyOutFolderIsRefusedInOneLineByEveryCommandThatWritesOne() throws IOException {
    Path taken = Files.createDirectories(tmp.resolve("taken"));
    Path earlier = Files.writeString(taken.resolve("earlier.txt"), "an earlier run");
    Path features = Files.writeString(tmp.resolve("f.csv"), "sname,label,f0\na,X,1\nb,Y,2\n");
    Path scores = Files.writeString(tmp.resolve("s.csv"), "sname,score\na,0.5\n");
    Path datalist = Files.writeString(tmp.resolve("d.json"), "{\"data\":[]}");
    String out = taken.toString();
    String[][] commands = {
      {"anomaly", "select", "--features", features.toString(), "--out", out},
      {"anomaly", "evaluate", "--scores", scores.toString(), "--out", out},
      {
        "anomaly",
        "export",
        "--scores",
        scores.toString(),
        "--datalist",
        datalist + "",
        "--top",
        "3",
        "--out",
        out
      },
      // the feature-table probe wrote into a non-empty folder before the shared option
      {
        "classify",
        "probe",
        "--features",
        "--train",
        features + "",
        "--test",
        features + "",
        "--out",
        out
      },
      {"simulate", "--preset", "tiny", "--out", out},
    };
    for (String[] args : commands) {
      CliRun r = CliRun.of(args);
      assertEquals(1, r.exitCode(), String.join(" ", args) + ": " + r.err());
      assertTrue(
          r.err().contains(out + ": output folder is not empty; " + OutFolderOption.ADVICE)
              || r.err().contains(out + ": output folder is not empty; choose another --out"),
          String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertEquals(List.of(earlier), list(taken), String.join(" ", args));
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void aMissingLabelsDatalistIsAUsageError() throws IOException {
    Path features = Files.writeString(tmp.resolve("f.csv"), "sname,f0\na,1\nb,2\n");
    String nope = tmp.resolve("labels.json").toString();
    CliRun r =
        CliRun.of(
            "anomaly",
            "scan",
            "--features",
            features.toString(),
            "--labels",
            nope,
            "--out",
            tmp.resolve("scan").toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(
        CliRun.usageError(
            "radioclr anomaly scan", "invalid value for option '--labels': no such file: " + nope),
        r.err());
  }

  @Test
  void threadsMustBeAPositiveWholeNumber() throws IOException {
    Path features = Files.writeString(tmp.resolve("f.csv"), "sname,f0\na,1\nb,2\n");
    for (String bad : new String[] {"0", "-2", "two"}) {
      CliRun r =
          CliRun.of(
              "anomaly",
              "score",
              "--features",
              features.toString(),
              "--threads",
              bad,
              "--out",
              tmp.resolve("s.csv").toString());
      assertEquals(2, r.exitCode(), r.err());
      assertTrue(
          r.err().startsWith("radioclr anomaly score: invalid value for option '--threads': "),
          r.err());
      assertTrue(r.err().contains(bad), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
    }
    CliRun sim = CliRun.of("simulate", "--out", tmp.resolve("sim").toString(), "--threads", "0");
    assertEquals(
        CliRun.usageError(
            "radioclr simulate", "invalid value for option '--threads': must be >= 1, got 0"),
        sim.err());
  }

  @Test
  void theSeedDefaultsToOne() {
    SeedOption s = new SeedOption();
    assertEquals(1, s.orDefault());
    s.seed = 7L;
    assertEquals(7, s.orDefault());
  }
}
