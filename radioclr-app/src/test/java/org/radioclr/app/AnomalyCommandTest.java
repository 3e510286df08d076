package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.formats.table.FeatureColumns;
import org.radioclr.formats.table.FeatureTableWriter;

class AnomalyCommandTest {
  @TempDir Path tmp;

  /**
   * {@code rows} frames {@code s0..}, 4 features; s0..s4 are 6 sigma off in f1 and f2 and labelled
   * PECULIAR, s5..s39 labelled COMPACT; extras map (text) and rms (number).
   */
  static Path table(Path file, int rows) {
    SplittableRandom r = new SplittableRandom(3);
    try (FeatureTableWriter w =
        FeatureTableWriter.open(file, FeatureColumns.of(entry(0, "x", 1.0), 4))) {
      for (int i = 0; i < rows; i++) {
        float[] f = new float[4];
        for (int j = 0; j < 4; j++) {
          f[j] = (float) r.nextGaussian();
        }
        if (i < 5) {
          f[1] += 6;
          f[2] -= 6;
        }
        w.write(entry(i, "map" + (i % 2), 0.1 * i), f, 0);
      }
      w.commit();
    }
    return file;
  }

  private static DatalistEntry entry(int i, String map, double rms) {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("map", map);
    extras.put("rms", rms);
    List<String> labels = i < 5 ? List.of("PECULIAR") : i < 40 ? List.of("COMPACT") : List.of();
    return new DatalistEntry(
        List.of(Path.of("c" + i + ".fits")), "s" + i, List.of(), labels, extras);
  }

  /** The rows of a score table as lists of cell texts, header first. */
  static List<List<String>> read(Path file) throws SQLException {
    String from =
        file.toString().endsWith(".csv")
            ? "read_csv('" + file + "', header = true, all_varchar = true)"
            : "read_parquet('" + file + "')";
    List<List<String>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + from)) {
      List<String> header = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      for (int i = 1; i <= n; i++) {
        header.add(rs.getMetaData().getColumnName(i));
      }
      out.add(header);
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  @Test
  void helpExplainsTheCommands() {
    CliRun top = CliRun.of("anomaly", "--help");
    assertEquals(0, top.exitCode());
    assertTrue(top.out().contains("score") && top.out().contains("scan"), top.out());
    CliRun score = CliRun.of("anomaly", "score", "--help");
    assertEquals(0, score.exitCode());
    assertTrue(score.out().contains("--max-samples"), score.out());
    assertTrue(score.out().contains("score_samples"), score.out());
    CliRun scan = CliRun.of("anomaly", "scan", "--help");
    assertEquals(0, scan.exitCode());
    assertTrue(scan.out().contains("--feature-sets"), scan.out());
    CliRun bench = CliRun.of("bench", "iforest", "--help");
    assertEquals(0, bench.exitCode());
    assertTrue(bench.out().contains("--rows"), bench.out());
  }

  @Test
  void scoreWritesASortedTableAndAModelThatScoresAgain() throws Exception {
    Path features = table(tmp.resolve("features.parquet"), 400);
    Path out = tmp.resolve("scores.parquet");
    CliRun r =
        CliRun.of(
            "anomaly",
            "score",
            "--features",
            features.toString(),
            "--columns",
            "f0,f1,f2,f3",
            "--trees",
            "100",
            "--contamination",
            "0.02",
            "--seed",
            "4",
            "--threads",
            "2",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("400 rows x 4 features"), r.out());
    assertTrue(r.out().contains("8 flagged"), r.out());
    List<List<String>> rows = read(out);
    assertEquals(List.of("sname", "id", "label", "map", "rms", "score", "outlier"), rows.get(0));
    assertEquals(401, rows.size());
    List<String> top5 = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      top5.add(rows.get(i).get(0));
    }
    top5.sort(null);
    assertEquals(List.of("s0", "s1", "s2", "s3", "s4"), top5);
    assertEquals("PECULIAR", rows.get(1).get(2));
    for (int i = 2; i < rows.size(); i++) {
      assertTrue(
          Double.parseDouble(rows.get(i - 1).get(5)) >= Double.parseDouble(rows.get(i).get(5)));
    }
    assertEquals(8, rows.stream().skip(1).filter(x -> x.get(6).equals("true")).count());

    Path model = tmp.resolve("scores.parquet.iforest");
    assertTrue(Files.isRegularFile(model));
    Path again = tmp.resolve("again.csv");
    CliRun s =
        CliRun.of(
            "anomaly",
            "score",
            "--features",
            features.toString(),
            "--model",
            model.toString(),
            "--out",
            again.toString());
    assertEquals(0, s.exitCode(), s.err());
    List<List<String>> rows2 = read(again);
    assertEquals(rows.get(0), rows2.get(0));
    for (int i = 1; i < rows.size(); i++) {
      assertEquals(rows.get(i).get(0), rows2.get(i).get(0));
      assertEquals(
          Double.parseDouble(rows.get(i).get(5)), Double.parseDouble(rows2.get(i).get(5)), 1e-12);
      assertEquals(rows.get(i).get(6), rows2.get(i).get(6));
    }
  }

  @Test
  void topKColumnsComeFromTheRanking() throws IOException {
    Path features = table(tmp.resolve("features.csv"), 300);
    Files.writeString(tmp.resolve("importance.csv"), "rank,feature,gain\n1,f2,5\n2,f1,3\n3,f0,1\n");
    Path out = tmp.resolve("s.csv");
    CliRun r =
        CliRun.of(
            "anomaly",
            "score",
            "--features",
            features.toString(),
            "--columns",
            "top2",
            "--importance",
            tmp.toString(),
            "--trees",
            "50",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("300 rows x 2 features (top2)"), r.out());
  }

  @Test
  void badInputIsOneLineNamingTheFile() throws IOException {
    Path features = table(tmp.resolve("features.parquet"), 50);
    Path out = tmp.resolve("s.parquet");
    CliRun missing =
        CliRun.of(
            "anomaly",
            "score",
            "--features",
            features.toString(),
            "--columns",
            "f1,f9",
            "--out",
            out.toString());
    assertEquals(1, missing.exitCode());
    assertEquals(
        "radioclr: " + features + ": no feature column(s) f9; the table has 4 feature columns\n",
        missing.err());
    assertTrue(!Files.exists(out));

    Path empty = table(tmp.resolve("empty.parquet"), 0);
    CliRun e =
        CliRun.of("anomaly", "score", "--features", empty.toString(), "--out", out.toString());
    assertEquals(1, e.exitCode());
    assertEquals("radioclr: " + empty + ": the table has no rows\n", e.err());

    Path labels = tmp.resolve("labels.json");
    Files.writeString(
        labels,
        "{\"data\": [{\"filepaths\": [\"a.fits\"], \"sname\": \"s1\", \"label\": \"PECULIAR\"},"
            + " {\"filepaths\": [\"b.fits\"], \"sname\": \"nope\", \"label\": \"COMPACT\"}]}");
    CliRun unknown =
        CliRun.of(
            "anomaly",
            "scan",
            "--features",
            features.toString(),
            "--labels",
            labels.toString(),
            "--out",
            tmp.resolve("scan").toString());
    assertEquals(1, unknown.exitCode());
    assertTrue(
        unknown.err().startsWith("radioclr: " + labels + ": 1 labelled frame(s) are not in"));
    assertEquals(1, unknown.err().lines().count(), unknown.err());

    // a model whose columns the table lacks
    Path big = tmp.resolve("big.csv");
    Files.writeString(big, "sname,f0,f1,f2,f3,f4\na,1,2,3,4,5\nb,2,3,4,5,6\nc,0,0,0,0,1\n");
    CliRun fit =
        CliRun.of(
            "anomaly",
            "score",
            "--features",
            big.toString(),
            "--columns",
            "f4",
            "--trees",
            "5",
            "--out",
            tmp.resolve("big-scores.csv").toString());
    assertEquals(0, fit.exitCode(), fit.err());
    CliRun wrong =
        CliRun.of(
            "anomaly",
            "score",
            "--features",
            features.toString(),
            "--model",
            tmp.resolve("big-scores.csv.iforest").toString(),
            "--out",
            out.toString());
    assertEquals(1, wrong.exitCode());
    assertTrue(wrong.err().startsWith("radioclr: " + features + ": no column(s) f4"), wrong.err());
  }

  @Test
  void scanWritesTheGridAndMarksTheChosenRow() throws IOException {
    Path features = table(tmp.resolve("features.parquet"), 600);
    Path dir = tmp.resolve("scan");
    CliRun r =
        CliRun.of(
            "anomaly",
            "scan",
            "--features",
            features.toString(),
            "--max-samples",
            "auto,0.5",
            "--contamination",
            "auto,0.01",
            "--trees",
            "50",
            "--threads",
            "2",
            "--out",
            dir.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("40 labelled frames, 5 PECULIAR"), r.out());
    assertEquals(1, r.out().lines().filter(l -> l.startsWith("*")).count(), r.out());
    assertTrue(r.out().contains("chosen: all"), r.out());
    List<String> csv = Files.readAllLines(dir.resolve("scan.csv"));
    assertEquals(5, csv.size());
  }

  @Test
  void benchPrintsATable() {
    CliRun r =
        CliRun.of(
            "bench",
            "iforest",
            "--rows",
            "20000",
            "--cols",
            "4",
            "--trees",
            "20",
            "--threads",
            "2");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("rows/s"), r.out());
    assertTrue(r.out().contains("100/100"), r.out());
  }

  @Test
  void fitSavesAModelOfASeededSampleThatScoresTheTable() throws IOException {
    Path features = table(tmp.resolve("features.parquet"), 600);
    Path model = tmp.resolve("forest.iforest");
    CliRun fit =
        CliRun.of(
            "anomaly",
            "fit",
            "--features",
            features.toString(),
            "--sample",
            "200",
            "--trees",
            "50",
            "--seed",
            "4",
            "--out",
            model.toString());
    assertEquals(0, fit.exitCode(), fit.err());
    assertTrue(
        fit.out().startsWith("200 of 600 rows (seeded sample, seed 4) x 4 features (all), 50"),
        fit.out());
    assertTrue(fit.out().contains("wrote " + model), fit.out());
    Path scores = tmp.resolve("s.csv");
    CliRun score =
        CliRun.of(
            "anomaly",
            "score",
            "--features",
            features.toString(),
            "--model",
            model.toString(),
            "--out",
            scores.toString());
    assertEquals(0, score.exitCode(), score.err());
    assertTrue(score.out().startsWith("600 rows x 4 features scored"), score.out());

    CliRun bad =
        CliRun.of(
            "anomaly",
            "fit",
            "--features",
            features.toString(),
            "--sample",
            "1",
            "--out",
            model.toString());
    assertEquals(2, bad.exitCode());
    assertEquals(
        CliRun.usageError("radioclr anomaly fit", "sample must be >= 2 rows (0: every row), got 1"),
        bad.err());
  }
}
