package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    assertTrue(r.out().contains("test accuracy "), r.out());
    assertTrue(Files.isRegularFile(probe.resolve("classifier/classifier.json")));

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
    assertTrue(p.out().contains("accuracy "), p.out());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("sname,truth,predicted,p_POINT,p_DOUBLE", lines.get(0));
    assertEquals(5, lines.size());
    // the predictions equal those of the run's own test evaluation
    assertEquals(Files.readAllLines(probe.resolve("predictions.csv")), lines);

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
            "0.5",
            "--workers",
            "1");
    assertEquals(0, f.exitCode(), f.err());
    List<String> table = Files.readAllLines(study.resolve("fractions.csv"));
    assertEquals(3, table.size(), table.toString());
    // half of 3 images per class rounds to 2 per class
    assertTrue(table.get(2).startsWith("scratch,0.5,0,4,"), table.toString());
    assertTrue(f.out().contains("table: "), f.out());
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
    assertEquals(1, scratch.exitCode());
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

    CliRun help = CliRun.of("classify", "finetune", "--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("--label-fraction"), help.out());
  }
}
