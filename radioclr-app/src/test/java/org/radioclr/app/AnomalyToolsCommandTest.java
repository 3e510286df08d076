package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;

/** anomaly select / evaluate / export and similar, end to end on small synthetic tables. */
class AnomalyToolsCommandTest {
  @TempDir Path dir;

  /** 120 frames x 8 features; DIFFUSE frames have f3 shifted; every 10th frame is PECULIAR. */
  private Path features() throws Exception {
    SplittableRandom r = new SplittableRandom(4);
    StringBuilder sb = new StringBuilder("sname,id,label,f0,f1,f2,f3,f4,f5,f6,f7\n");
    for (int i = 0; i < 120; i++) {
      boolean diffuse = i % 3 == 0;
      String label = i % 10 == 0 ? "PECULIAR" : diffuse ? "COMPACT;DIFFUSE" : "COMPACT";
      sb.append("fr").append(i).append(",,").append(label);
      for (int j = 0; j < 8; j++) {
        double v = r.nextGaussian() + (j == 3 && diffuse ? 2 : 0) + 3;
        sb.append(',').append((float) v);
      }
      sb.append('\n');
    }
    Path f = dir.resolve("features.csv");
    Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void selectRanksThePlantedFeatureAndWritesItsFiles() throws Exception {
    Path out = dir.resolve("sel");
    CliRun r =
        CliRun.of(
            "anomaly", "select", "--features", features().toString(), "--out", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("120 labelled frames (36 interesting"), r.out());
    assertTrue(r.out().contains("top 8 features: f3,"), r.out());
    assertEquals("rank,feature,gain", Files.readAllLines(out.resolve("importance.csv")).get(0));
    assertEquals("f3", Files.readAllLines(out.resolve("top2.txt")).get(0));
    for (String f :
        List.of(
            "importance.png", "selection.json", "summary.json", "model.txt", "provenance.json")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    CliRun bad =
        CliRun.of(
            "anomaly",
            "select",
            "--features",
            features().toString(),
            "--positive",
            "RING",
            "--out",
            dir.resolve("sel2").toString());
    assertEquals(1, bad.exitCode());
    assertEquals(
        "radioclr: "
            + dir.resolve("features.csv")
            + ": positive label 'RING' is not among the labels seen: COMPACT, DIFFUSE, PECULIAR\n",
        bad.err());
  }

  @Test
  void evaluateExportAndSimilarWork() throws Exception {
    Path feats = features();
    // frames as FITS files with a WCS, listed in a datalist
    StringBuilder dl = new StringBuilder("{\"data\": [");
    StringBuilder scores = new StringBuilder("sname,id,label,score,outlier\n");
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 120; i++) {
      float[] px = new float[24 * 24];
      for (int p = 0; p < px.length; p++) {
        px[p] = (float) r.nextGaussian();
      }
      FitsWriter.write(
          dir.resolve("fr" + i + ".fits"),
          new Plane(24, 24, px),
          FitsCards.create().tanSky(10 + 0.01 * i, -30, 12.5, 12.5, 0.0005));
      dl.append(i > 0 ? "," : "")
          .append("{\"filepaths\": [\"fr" + i + ".fits\"], \"sname\": \"fr" + i + "\"}");
      String label = i % 10 == 0 ? "PECULIAR" : i % 3 == 0 ? "COMPACT;DIFFUSE" : "COMPACT";
      double score = i % 10 == 0 ? 0.8 + 0.001 * i : 0.7 * r.nextDouble();
      scores.append("fr" + i + ",," + label + "," + score + ",false\n");
    }
    Path datalist = dir.resolve("d.json");
    Files.writeString(datalist, dl.append("]}").toString());
    Path s = dir.resolve("scores.csv");
    Files.writeString(s, scores.toString());

    CliRun ev =
        CliRun.of(
            "anomaly", "evaluate", "--scores", s.toString(), "--out", dir.resolve("ev").toString());
    assertEquals(0, ev.exitCode(), ev.err());
    // the twelve peculiar frames score highest: recall = precision = 1 at the 12th score
    assertTrue(ev.out().contains("100.0"), ev.out());
    assertTrue(ev.out().contains("recall and precision cross at 0.8"), ev.out());
    assertTrue(Files.exists(dir.resolve("ev/report.html")));

    CliRun ex =
        CliRun.of(
            "anomaly",
            "export",
            "--scores",
            s.toString(),
            "--top",
            "5",
            "--datalist",
            datalist.toString(),
            "--tile-size",
            "24",
            "--out",
            dir.resolve("ex").toString());
    assertEquals(0, ex.exitCode(), ex.err());
    assertEquals(6, Files.readAllLines(dir.resolve("ex/candidates.csv")).size());
    assertTrue(Files.readString(dir.resolve("ex/candidates.reg")).contains("# text={#1 0.910}"));
    assertTrue(Files.size(dir.resolve("ex/candidates.png")) > 0);
    assertTrue(Files.size(dir.resolve("ex/candidates.vot")) > 0);

    CliRun sim =
        CliRun.of(
            "similar",
            "--features",
            feats.toString(),
            "--query",
            "fr3",
            "--k",
            "4",
            "--datalist",
            datalist.toString(),
            "--sheet",
            dir.resolve("nn.png").toString(),
            "--out",
            dir.resolve("nn.csv").toString());
    assertEquals(0, sim.exitCode(), sim.err());
    assertTrue(sim.out().startsWith("query fr3 (COMPACT;DIFFUSE):"), sim.out());
    assertEquals(5, Files.readAllLines(dir.resolve("nn.csv")).size());
    assertTrue(Files.size(dir.resolve("nn.png")) > 0);
    CliRun missing = CliRun.of("similar", "--features", feats.toString(), "--query", "nope");
    assertEquals(1, missing.exitCode());
    assertEquals("radioclr: " + feats + ": no frame named 'nope'\n", missing.err());
  }

  @Test
  void aQueryWithoutADirectionIsNamedWithItsTable() throws Exception {
    Path feats = dir.resolve("zero.csv");
    Files.writeString(feats, "sname,f0,f1\na,1,2\nblank,0,0\nhole,3,\nc,2,1\n");
    CliRun zero = CliRun.of("similar", "--features", feats.toString(), "--query", "blank");
    assertEquals(1, zero.exitCode(), zero.err());
    assertEquals(
        "radioclr: "
            + feats
            + ": query frame 'blank' (row 1): every feature is 0, so it is like no other frame"
            + " (cosine similarity 0)\n",
        zero.err());
    CliRun hole = CliRun.of("similar", "--features", feats.toString(), "--query", "a,hole");
    assertEquals(1, hole.exitCode(), hole.err());
    assertEquals(
        "radioclr: "
            + feats
            + ": query frame 'hole' (row 2): f1 is empty or NaN; cosine similarity needs numbers\n",
        hole.err());
  }

  @Test
  void aFeatureThatIsNotANumberIsNamedWithItsTable() throws Exception {
    Path feats = dir.resolve("nan.csv");
    Files.writeString(feats, "sname,f0,f1\na,1,2\nb,3,NaN\nc,2,1\n");
    CliRun r =
        CliRun.of(
            "project",
            "--features",
            feats.toString(),
            "--method",
            "pca",
            "--out",
            dir.resolve("p.png").toString());
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("radioclr: " + feats + ": row 1 (b): f1 is empty or NaN\n", r.err());
  }
}
