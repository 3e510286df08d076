package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.MetricsJson;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.model.SimclrModel;

class ClassifyNetCommandTest {
  private static final int SIZE = 16;

  /** {@code n} 16 px cutouts alternating a compact source (POINT, id 0) and two (DOUBLE, id 1). */
  private static Path datalist(Path dir, String name, int n, long seed) throws IOException {
    Files.createDirectories(dir);
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("{\"data\": [");
    for (int i = 0; i < n; i++) {
      boolean dbl = i % 2 == 1;
      float[] data = new float[SIZE * SIZE];
      for (int p = 0; p < data.length; p++) {
        int x = p % SIZE;
        int y = p / SIZE;
        double v = random.nextGaussian();
        for (int s = 0; s < (dbl ? 2 : 1); s++) {
          double cx = dbl ? (s == 0 ? 4 : 11) : 8;
          v += 30 * Math.exp(-((x - cx) * (x - cx) + (y - 8) * (y - 8)) / 2.0);
        }
        data[p] = (float) (1e-3 * v);
      }
      FitsWriter.write(dir.resolve(name + i + ".fits"), new Plane(SIZE, SIZE, data));
      sb.append(i == 0 ? "" : ",")
          .append("{\"filepaths\": [\"")
          .append(name)
          .append(i)
          .append(".fits\"], \"sname\": \"")
          .append(name)
          .append(i)
          .append("\", \"id\": ")
          .append(dbl ? 1 : 0)
          .append(", \"label\": \"")
          .append(dbl ? "DOUBLE" : "POINT")
          .append("\"}");
    }
    Path list = dir.resolve(name + ".json");
    Files.writeString(list, sb.append("]}"));
    return list;
  }

  private static Path checkpoint(Path dir) {
    ModelConfig config =
        new ModelConfig(ResNet18Config.encoder(true), ProjectionHeadConfig.paper(), SIZE, null);
    Engines.pytorch().setRandomSeed(3);
    try (Model model = Model.newInstance("simclr", Engines.bestDevice(), Engines.PYTORCH)) {
      SimclrModel block = config.newModel();
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
      Checkpoint.save(dir, model, config, new Provenance("test"));
    }
    return dir;
  }

  @Test
  void probeThenPredictThenALabelFractionStudy(@TempDir Path dir) throws IOException {
    Path train = datalist(dir.resolve("data"), "train", 6, 1);
    Path test = datalist(dir.resolve("data"), "test", 4, 2);
    Path ckpt = checkpoint(dir.resolve("ckpt"));
    Path probe = dir.resolve("probe");
    CliRun r =
        CliRun.of(
            "classify",
            "probe",
            "--model",
            ckpt.toString(),
            "--train",
            train.toString(),
            "--test",
            test.toString(),
            "--out",
            probe.toString(),
            "--epochs",
            "2",
            "--batch",
            "4",
            "--workers",
            "1");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("probe: small-stem ResNet18, 16 px"), r.out());
    assertTrue(r.out().contains("epoch 2  loss "), r.out());
    assertTrue(Files.isRegularFile(probe.resolve("classifier/classifier.json")));
    // the shared scores: printed, in metrics.json, and those of predictions.csv
    ClassificationMetrics m = MetricsJson.read(probe.resolve("metrics.json"));
    assertEquals(4, m.rows());
    assertTrue(r.out().contains(printed("test set (4 images): ", m)), r.out());
    assertTrue(r.out().contains("  DOUBLE "), r.out());
    assertEquals(m.accuracy(), csvAccuracy(probe.resolve("predictions.csv")), 1e-12);
    assertTrue(Files.size(probe.resolve("confusion.png")) > 0);
    String html = Files.readString(probe.resolve("report.html"));
    assertEquals(2, html.split("data:image/png;base64,", -1).length - 1, "confusion + curves");

    Path csv = dir.resolve("p.csv");
    CliRun p =
        CliRun.of(
            "classify",
            "predict",
            "--classifier",
            probe.toString(),
            "--datalist",
            test.toString(),
            "--out",
            csv.toString());
    assertEquals(0, p.exitCode(), p.err());
    assertTrue(p.out().contains("4 images -> "), p.out());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("sname,truth,predicted,p_POINT,p_DOUBLE", lines.get(0));
    assertEquals(5, lines.size());
    // the predictions equal those of the run's own test evaluation, and so do their scores
    assertEquals(Files.readAllLines(probe.resolve("predictions.csv")), lines);
    assertEquals(m, MetricsJson.read(dir.resolve("p.metrics.json")));
    assertTrue(Files.size(dir.resolve("p.confusion.png")) > 0);
    assertTrue(p.out().contains(printed("", m)), p.out());

    // unlabelled: probabilities only
    Path unlabelled = dir.resolve("data/unlabelled.json");
    Files.writeString(
        unlabelled, Files.readString(test).replaceAll(", \"id\": \\d+, \"label\": \"[A-Z]+\"", ""));
    Path u = dir.resolve("u.csv");
    CliRun pu =
        CliRun.of(
            "classify",
            "predict",
            "--classifier",
            probe.toString(),
            "--datalist",
            unlabelled.toString(),
            "--out",
            u.toString());
    assertEquals(0, pu.exitCode(), pu.err());
    assertFalse(pu.out().contains("accuracy"), pu.out());
    assertEquals(5, Files.readAllLines(u).size());
    assertTrue(Files.readAllLines(u).get(1).startsWith("test0,,"), Files.readAllLines(u).get(1));
    assertTrue(Files.notExists(dir.resolve("u.metrics.json")));
    assertTrue(Files.notExists(dir.resolve("u.confusion.png")));

    Path study = dir.resolve("study");
    CliRun f =
        CliRun.of(
            "classify",
            "finetune",
            "--init",
            ckpt.toString(),
            "--init",
            "scratch",
            "--train",
            train.toString(),
            "--test",
            test.toString(),
            "--out",
            study.toString(),
            "--epochs",
            "1",
            "--batch",
            "2",
            "--label-fraction",
            "0.5,1",
            "--splits",
            "2",
            "--train-per-class",
            "4",
            "--test-per-class",
            "1",
            "--workers",
            "1");
    assertEquals(0, f.exitCode(), f.err());
    List<String> table = Files.readAllLines(study.resolve("fractions.csv"));
    assertEquals(9, table.size(), table.toString());
    // 10 images pooled, 5 per class: each split draws 4 train + 1 test per class; half of the
    // split's 4 training images per class is 2 per class
    assertTrue(table.get(2).startsWith("scratch,0.5,0,4,"), table.toString());
    assertTrue(table.get(4).startsWith("scratch,1.0,0,8,"), table.toString());
    assertTrue(f.out().contains("table: "), f.out());
    assertTrue(f.out().contains("4 train + 1 test rows per class in each of 2 draws"), f.out());
    List<String> drawn = Files.readAllLines(study.resolve("splits.csv"));
    assertEquals(1 + 2 * 10, drawn.size(), drawn.toString());
    // every run has its scores, on its split's test images
    for (String line : table.subList(1, table.size())) {
      String[] c = line.split(",");
      ClassificationMetrics run = MetricsJson.read(study.resolve(c[6]).resolve("metrics.json"));
      assertEquals(Double.parseDouble(c[4]), run.accuracy(), 1e-6, line);
      assertEquals(Double.parseDouble(c[5]), run.macro().f1(), 1e-6, line);
      assertTrue(Files.isRegularFile(study.resolve(c[6]).resolve("report.html")), line);
      assertEquals(
          drawnSet(drawn, Integer.parseInt(c[2]) + 1, "test"),
          predictedSnames(study.resolve(c[6]).resolve("predictions.csv")),
          line);
    }
    // the summary over the 2 splits: scratch at 0.5 from fractions.csv rows 2 and 6
    List<String> summary = Files.readAllLines(study.resolve("summary.csv"));
    assertEquals(5, summary.size(), summary.toString());
    String[] s = summary.get(3).split(",");
    assertEquals(List.of("scratch", "0.5", "2", "4"), List.of(s).subList(0, 4));
    assertEquals(
        List.of("scratch", "1.0", "2", "8"), List.of(summary.get(4).split(",")).subList(0, 4));
    double a = Double.parseDouble(table.get(2).split(",")[4]);
    double b = Double.parseDouble(table.get(6).split(",")[4]);
    assertTrue(table.get(6).startsWith("scratch,0.5,1,4,"), table.toString());
    assertEquals((a + b) / 2, Double.parseDouble(s[4]), 1e-6);
    assertEquals(Math.abs(a - b) / 2, Double.parseDouble(s[5]), 1e-6);
    assertTrue(Files.size(study.resolve("fractions.png")) > 0);
    assertTrue(Files.isRegularFile(study.resolve("summary.json")));
    assertTrue(Files.readString(study.resolve("report.html")).contains("label-fraction study"));
    // the printed comparison table
    assertTrue(f.out().contains("mean ± standard error over 2 splits"), f.out());
    assertTrue(
        f.out()
            .contains(
                String.format(
                    Locale.ROOT,
                    "%.4f ± %.4f",
                    Double.parseDouble(s[4]),
                    Double.parseDouble(s[5]))),
        f.out());

    // a single fine-tuning run prints and writes the same scores as the probe
    Path ft = dir.resolve("ft");
    CliRun one =
        CliRun.of(
            "classify",
            "finetune",
            "--init",
            "scratch",
            "--image-size",
            String.valueOf(SIZE),
            "--train",
            train.toString(),
            "--test",
            test.toString(),
            "--out",
            ft.toString(),
            "--epochs",
            "1",
            "--batch",
            "3",
            "--workers",
            "1");
    assertEquals(0, one.exitCode(), one.err());
    ClassificationMetrics fm = MetricsJson.read(ft.resolve("metrics.json"));
    assertTrue(one.out().contains(printed("test set (4 images): ", fm)), one.out());
    assertEquals(fm.accuracy(), csvAccuracy(ft.resolve("predictions.csv")), 1e-12);
    assertTrue(Files.size(ft.resolve("confusion.png")) > 0);
    assertTrue(Files.readString(ft.resolve("report.html")).contains("radioclr fine-tuning"));
  }

  @Test
  void probeOverBalancedSplitsOfThePooledImages(@TempDir Path dir) throws IOException {
    Path train = datalist(dir.resolve("data"), "train", 6, 1);
    Path test = datalist(dir.resolve("data"), "test", 4, 2);
    Path out = dir.resolve("probe2");
    CliRun r =
        CliRun.of(
            "classify",
            "probe",
            "--model",
            "scratch",
            "--image-size",
            String.valueOf(SIZE),
            "--train",
            train.toString(),
            "--test",
            test.toString(),
            "--splits",
            "2",
            "--train-per-class",
            "3",
            "--test-per-class",
            "2",
            "--seed",
            "5",
            "--out",
            out.toString(),
            "--epochs",
            "1",
            "--batch",
            "4",
            "--workers",
            "1");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("3 train + 2 test rows per class in each of 2 draws"), r.out());
    assertTrue(r.out().contains("probe, split 2 of 2: small-stem ResNet18, 16 px"), r.out());
    // the draws: disjoint, balanced, from the 10 pooled images
    List<String> drawn = Files.readAllLines(out.resolve("splits.csv"));
    assertEquals(1 + 2 * 10, drawn.size(), drawn.toString());
    List<ClassificationMetrics> perSplit = new java.util.ArrayList<>();
    for (int j = 1; j <= 2; j++) {
      java.util.Set<String> tr = drawnSet(drawn, j, "train");
      java.util.Set<String> te = drawnSet(drawn, j, "test");
      assertEquals(6, tr.size());
      assertEquals(4, te.size());
      tr.retainAll(te);
      assertTrue(tr.isEmpty(), "train and test of split " + j + " share " + tr);
      String trainRows = split(j, "train");
      String testRows = split(j, "test");
      for (String label : List.of("POINT", "DOUBLE")) {
        String suffix = "," + label;
        assertEquals(
            3, drawn.stream().filter(l -> l.startsWith(trainRows) && l.endsWith(suffix)).count());
        assertEquals(
            2, drawn.stream().filter(l -> l.startsWith(testRows) && l.endsWith(suffix)).count());
      }
      Path run = out.resolve("split-" + j);
      assertTrue(Files.isRegularFile(run.resolve("classifier/classifier.json")), run.toString());
      assertEquals(drawnSet(drawn, j, "test"), predictedSnames(run.resolve("predictions.csv")));
      perSplit.add(MetricsJson.read(run.resolve("metrics.json")));
    }
    // the summary: mean ± standard error over the two splits
    org.radioclr.classify.metrics.MeanAndError summary =
        MetricsJson.readSummary(out.resolve("metrics.json"));
    assertEquals(2, summary.splits());
    double a = perSplit.get(0).accuracy();
    double b = perSplit.get(1).accuracy();
    assertEquals((a + b) / 2, summary.accuracy().mean(), 1e-9);
    assertEquals(Math.abs(a - b) / 2, summary.accuracy().standardError(), 1e-9);
    assertTrue(r.out().contains("over 2 splits (mean ± standard error): accuracy "), r.out());
    assertTrue(Files.size(out.resolve("confusion.png")) > 0);
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("Linear probe over 2 splits"), html);
  }

  private static String split(int j, String set) {
    return j + "," + set + ",";
  }

  /** The snames of split {@code j}'s {@code set} in splits.csv. */
  private static java.util.Set<String> drawnSet(List<String> drawn, int j, String set) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (String line : drawn.subList(1, drawn.size())) {
      if (line.startsWith(split(j, set))) {
        out.add(line.split(",")[2]);
      }
    }
    return out;
  }

  /** The snames of a predictions.csv. */
  private static java.util.Set<String> predictedSnames(Path csv) throws IOException {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
      out.add(line.split(",")[0]);
    }
    return out;
  }

  private static String printed(String prefix, ClassificationMetrics m) {
    return String.format(
        Locale.ROOT, "%saccuracy %.4f, macro F1 %.4f%n", prefix, m.accuracy(), m.macro().f1());
  }

  /** The fraction of rows of a predictions CSV whose truth equals the prediction. */
  private static double csvAccuracy(Path csv) throws IOException {
    List<String> rows = Files.readAllLines(csv);
    long right =
        rows.stream().skip(1).map(l -> l.split(",")).filter(c -> c[1].equals(c[2])).count();
    return right / (double) (rows.size() - 1);
  }

  @Test
  void badInputGetsOneLine(@TempDir Path dir) throws IOException {
    Path train = datalist(dir.resolve("data"), "train", 2, 1);
    CliRun missing =
        CliRun.of(
            "classify",
            "probe",
            "--model",
            dir.resolve("nope").toString(),
            "--train",
            train.toString(),
            "--test",
            train.toString(),
            "--out",
            dir.resolve("o").toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("no such SimCLR run or checkpoint folder"), missing.err());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());

    CliRun scratch =
        CliRun.of(
            "classify",
            "finetune",
            "--init",
            "scratch",
            "--train",
            train.toString(),
            "--test",
            train.toString(),
            "--out",
            dir.resolve("o").toString());
    assertEquals(2, scratch.exitCode());
    assertTrue(scratch.err().contains("need --image-size"), scratch.err());

    CliRun notClassifier =
        CliRun.of(
            "classify",
            "predict",
            "--classifier",
            dir.toString(),
            "--datalist",
            train.toString(),
            "--out",
            dir.resolve("p.csv").toString());
    assertEquals(1, notClassifier.exitCode());
    assertTrue(notClassifier.err().contains("not a classifier folder"), notClassifier.err());

    // --splits: single-label data only, K >= 1; one line each
    Path multi = dir.resolve("data/multi.json");
    Files.writeString(
        multi,
        "{\"data\": [{\"filepaths\": [\"train0.fits\"], \"sname\": \"m\", \"id\": [0, 1],"
            + " \"label\": [\"POINT\", \"DOUBLE\"]}]}");
    for (String command : List.of("probe", "finetune")) {
      CliRun multiSplits =
          CliRun.of(
              "classify",
              command,
              command.equals("probe") ? "--model" : "--init",
              "scratch",
              "--image-size",
              String.valueOf(SIZE),
              "--train",
              train.toString(),
              "--test",
              multi.toString(),
              "--splits",
              "2",
              "--out",
              dir.resolve("o").toString());
      assertEquals(1, multiSplits.exitCode(), command);
      assertEquals(
          "radioclr: " + multi + ": entry 'm' has 2 labels; --splits needs single-label data\n",
          multiSplits.err());
      CliRun zero =
          CliRun.of(
              "classify",
              command,
              command.equals("probe") ? "--model" : "--init",
              "scratch",
              "--image-size",
              String.valueOf(SIZE),
              "--train",
              train.toString(),
              "--splits",
              "0",
              "--out",
              dir.resolve("o").toString());
      assertEquals(2, zero.exitCode(), command);
      assertEquals(
          CliRun.usageError("radioclr classify " + command, "--splits must be >= 1, got 0"),
          zero.err());
      CliRun flag =
          CliRun.of(
              "classify",
              command,
              command.equals("probe") ? "--model" : "--init",
              "scratch",
              "--image-size",
              String.valueOf(SIZE),
              "--train",
              train.toString(),
              "--splits",
              "2",
              "--multi-label",
              "--out",
              dir.resolve("o").toString());
      assertEquals(2, flag.exitCode(), command);
      assertEquals(
          CliRun.usageError(
              "radioclr classify " + command,
              "--splits needs single-label data; drop --multi-label"),
          flag.err());
    }
    assertTrue(Files.notExists(dir.resolve("o")));

    CliRun help = CliRun.of("classify", "finetune", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("--label-fraction"), help.out());
  }
}
