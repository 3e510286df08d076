package org.radioclr.classify.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.MetricsJson;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.nn.checkpoint.EncoderInit;
import org.radioclr.nn.train.DivergenceGuard;
import org.radioclr.nn.weights.TorchvisionWeights;

class ClassifierTrainerTest {
  /**
   * libtorch's CPU kernels round differently on different instruction sets (AVX2, AVX-512): the
   * recorded values move in the seventh digit; a change to the arithmetic moves them far more.
   */
  private static final double ROUNDING = 1e-5;

  private static ClassifierTrainConfig probe(int epochs) {
    return ClassifierTrainConfig.probe()
        .withEpochs(epochs)
        .withBatchSize(8)
        .withLearningRate(1e-2)
        .withWorkers(2);
  }

  @Test
  void probeLeavesTheEncoderUntouchedBeatsChanceAndPredictsTheSameAfterLoading(@TempDir Path dir)
      throws IOException {
    Path train = NetFixtures.datalist(dir.resolve("data"), "train", 12, 1);
    Path test = NetFixtures.datalist(dir.resolve("data"), "test", 8, 2);
    Path ckpt = NetFixtures.simclrCheckpoint(dir.resolve("ckpt"), 3);
    ClassificationData data = ClassificationData.read(train, test, false);
    Path run = dir.resolve("run");
    List<ClassifierEpoch> seen = new ArrayList<>();
    ClassifierTrainer.Result result;
    Map<String, float[]> before;
    Map<String, float[]> headBefore;
    try (ClassifierNet net =
        ClassifierNet.create(new EncoderInit.Simclr(ckpt), null, data.classes(), false, 7)) {
      before = net.encoderWeights();
      headBefore = net.headWeights();
      result =
          ClassifierTrainer.train(
              net,
              probe(40).withAugment(false).withLearningRate(0.05),
              data,
              run,
              new ClassifierTrainer.Listener() {
                @Override
                public void epochDone(ClassifierEpoch epoch) {
                  seen.add(epoch);
                }
              });
      Map<String, float[]> after = net.encoderWeights();
      assertEquals(before.keySet(), after.keySet());
      for (String k : before.keySet()) {
        assertArrayEquals(before.get(k), after.get(k), k + " changed in the probe");
      }
      assertFalse(
          Arrays.equals(headBefore.get("weight"), net.headWeights().get("weight")),
          "the linear layer did not learn");
    }
    assertEquals(40, seen.size());
    assertEquals(8, result.test().size());
    assertTrue(result.accuracy() > 0.8, "probe accuracy " + result.accuracy());
    assertEquals(41, Files.readAllLines(run.resolve(ClassifierTrainer.METRICS_FILE)).size());
    assertTrue(Files.size(run.resolve(ClassifierTrainer.PLOT_FILE)) > 0);
    List<String> csv = Files.readAllLines(run.resolve(ClassifierTrainer.PREDICTIONS_FILE));
    assertEquals("sname,truth,predicted,p_POINT,p_DOUBLE", csv.get(0));
    assertEquals(9, csv.size());
    assertTrue(Files.isRegularFile(run.resolve("classifier/provenance.json")));
    // the shared scores of the last epoch's test predictions
    ClassificationMetrics written = MetricsJson.read(run.resolve(ClassifierTrainer.SCORES_FILE));
    assertEquals(ClassificationMetrics.of(result.test()), written);
    assertEquals(result.accuracy(), written.accuracy(), 0);
    assertEquals(seen.get(39).testAccuracy(), written.accuracy(), 0);
    assertEquals(seen.get(39).testMacroF1(), written.macro().f1(), 0);
    assertEquals(8, written.rows());
    assertTrue(Files.size(run.resolve(ClassifierTrainer.CONFUSION_FILE)) > 0);
    String html = Files.readString(run.resolve(ClassifierTrainer.REPORT_FILE));
    assertTrue(html.contains("<title>radioclr linear probe</title>"), html);
    assertTrue(html.contains("Test set after epoch 40"), html);
    assertEquals(2, html.split("data:image/png;base64,", -1).length - 1, "confusion + curves");

    // save -> load -> predict: the same probabilities as the run's own test evaluation
    Path out = dir.resolve("pred.csv");
    ClassifierPredictor.Output p =
        ClassifierPredictor.predict(
            run, test, out, 5, 1, ProgressListener.NONE, new SkippedImages());
    assertEquals(result.test().snames(), p.snames());
    for (int r = 0; r < p.scores().length; r++) {
      assertArrayEquals(result.test().scores()[r], p.scores()[r], 1e-5f, "row " + r);
      assertEquals(1.0, p.scores()[r][0] + p.scores()[r][1], 1e-5);
    }
    assertEquals(result.accuracy(), p.accuracy(), 1e-12);
    assertEquals(9, Files.readAllLines(out).size());
  }

  @Test
  void probeWithAugmentationEncodesEachImageUnderEachSymmetryAtMostOnce(@TempDir Path dir) {
    Path train = NetFixtures.datalist(dir.resolve("data"), "train", 4, 1);
    ClassificationData data = ClassificationData.read(train, train, false);
    List<Long> totals = new ArrayList<>();
    ProgressListener counting =
        new ProgressListener() {
          @Override
          public void start(String task, long total) {
            totals.add(total);
          }

          @Override
          public void advance(long done) {}

          @Override
          public void finish() {}
        };
    try (ClassifierNet net =
        ClassifierNet.create(
            new EncoderInit.Scratch(), NetFixtures.shape(), data.classes(), false, 7)) {
      ClassifierTrainer.train(
          net,
          probe(12).withBatchSize(2),
          data,
          dir.resolve("run"),
          new ClassifierTrainer.Listener() {
            @Override
            public ProgressListener progress() {
              return counting;
            }
          });
    }
    // each epoch's total = images encoded now + 4 trained; every image is encoded in epoch 1
    assertEquals(12, totals.size());
    assertEquals(8, totals.get(0));
    long encoded = totals.stream().mapToLong(t -> t - 4).sum();
    assertTrue(encoded <= 4 * Symmetry.COUNT, "encoded " + encoded);
    assertTrue(encoded > 4, "augmentation drew only one symmetry per image: " + totals);
  }

  @Test
  void finetuningChangesTheEncoder(@TempDir Path dir) {
    Path train = NetFixtures.datalist(dir.resolve("data"), "train", 8, 1);
    Path test = NetFixtures.datalist(dir.resolve("data"), "test", 4, 2);
    ClassificationData data = ClassificationData.read(train, test, false);
    try (ClassifierNet net =
        ClassifierNet.create(
            new EncoderInit.Scratch(), NetFixtures.shape(), data.classes(), false, 7)) {
      Map<String, float[]> before = net.encoderWeights();
      ClassifierTrainer.Result r =
          ClassifierTrainer.train(
              net,
              ClassifierTrainConfig.finetune().withEpochs(1).withBatchSize(4).withWorkers(2),
              data,
              dir.resolve("run"),
              ClassifierTrainer.Listener.NONE);
      Map<String, float[]> after = net.encoderWeights();
      assertFalse(Arrays.equals(before.get("conv1.weight"), after.get("conv1.weight")));
      assertFalse(Arrays.equals(before.get("bn1.running_mean"), after.get("bn1.running_mean")));
      assertFalse(
          Arrays.equals(before.get("layer4.1.conv2.weight"), after.get("layer4.1.conv2.weight")));
      assertEquals(1, r.history().size());
      assertEquals(8, r.trainImages());
    }
  }

  @Test
  void seededFinetuningGivesTheRecordedLosses(@TempDir Path dir) {
    Path train = NetFixtures.datalist(dir.resolve("data"), "train", 8, 1);
    Path test = NetFixtures.datalist(dir.resolve("data"), "test", 4, 2);
    ClassificationData data = ClassificationData.read(train, test, false);
    try (ClassifierNet net =
        ClassifierNet.create(
            new EncoderInit.Scratch(), NetFixtures.shape(), data.classes(), false, 7)) {
      ClassifierTrainer.Result r =
          ClassifierTrainer.train(
              net,
              ClassifierTrainConfig.finetune().withEpochs(2).withBatchSize(4).withWorkers(2),
              data,
              dir.resolve("run"),
              ClassifierTrainer.Listener.NONE);
      double[] losses = r.history().stream().mapToDouble(ClassifierEpoch::loss).toArray();
      Map<String, float[]> after = net.encoderWeights();
      // recorded before the trainer moved to the shared OptimiserStep (commit a82e400, CPU)
      assertArrayEquals(new double[] {0.5871541053056717, 0.16727205738425255}, losses, ROUNDING);
      assertArrayEquals(
          new float[] {-0.048831996f, 0.022743938f, 0.05346958f},
          Arrays.copyOf(after.get("conv1.weight"), 3),
          (float) ROUNDING);
      assertArrayEquals(
          new float[] {-0.0029989f, -0.05197829f, -0.04627531f},
          Arrays.copyOf(after.get("bn1.running_mean"), 3),
          (float) ROUNDING);
      assertArrayEquals(
          new float[] {-0.006676835f, 0.03196852f, 0.015951956f},
          Arrays.copyOf(net.headWeights().values().iterator().next(), 3),
          (float) ROUNDING);
    }
  }

  @Test
  void seededProbeWithAugmentationGivesTheRecordedLosses(@TempDir Path dir) {
    Path train = NetFixtures.datalist(dir.resolve("data"), "train", 12, 1);
    Path test = NetFixtures.datalist(dir.resolve("data"), "test", 4, 2);
    ClassificationData data = ClassificationData.read(train, test, false);
    try (ClassifierNet net =
        ClassifierNet.create(
            new EncoderInit.Scratch(), NetFixtures.shape(), data.classes(), false, 7)) {
      ClassifierTrainer.Result r =
          ClassifierTrainer.train(
              net,
              probe(3).withBatchSize(5),
              data,
              dir.resolve("run"),
              ClassifierTrainer.Listener.NONE);
      double[] losses = r.history().stream().mapToDouble(ClassifierEpoch::loss).toArray();
      // recorded before the trainer's epoch loop moved to the nn.train listeners (CPU)
      assertArrayEquals(
          new double[] {0.7389301061630249, 0.6658005913098654, 0.6336284379164377},
          losses,
          ROUNDING);
      for (ClassifierEpoch m : r.history()) {
        assertEquals(0.5, m.testAccuracy(), 0);
      }
      assertArrayEquals(
          new float[] {0.007631978f, 0.037185073f, 0.020290134f},
          Arrays.copyOf(net.headWeights().values().iterator().next(), 3),
          (float) ROUNDING);
      assertArrayEquals(
          new float[] {0.40290865f, 0.5970913f}, r.test().scores()[0], (float) ROUNDING);
    }
  }

  @Test
  void aDivergingRunStopsAfterTooManySkippedStepsInARowWithAWarningEach(@TempDir Path dir) {
    Path train = NetFixtures.datalist(dir.resolve("data"), "train", 8, 1);
    Path test = NetFixtures.datalist(dir.resolve("data"), "test", 4, 2);
    ClassificationData data = ClassificationData.read(train, test, false);
    List<String> warnings = new ArrayList<>();
    try (ClassifierNet net =
        ClassifierNet.create(
            new EncoderInit.Scratch(), NetFixtures.shape(), data.classes(), false, 7)) {
      RadioclrException e =
          assertThrows(
              RadioclrException.class,
              () ->
                  ClassifierTrainer.train(
                      net,
                      probe(5).withBatchSize(2).withLearningRate(1e38),
                      data,
                      dir.resolve("run"),
                      new ClassifierTrainer.Listener() {
                        @Override
                        public void warning(String message) {
                          warnings.add(message);
                        }
                      }));
      // the shared guard: before, the classifier stopped only after an epoch with no step trained
      assertTrue(
          e.getMessage()
              .startsWith(
                  "training diverged: "
                      + DivergenceGuard.MAX_IN_A_ROW
                      + " steps in a row with a non-finite loss or gradients, at epoch "),
          e.getMessage());
      assertTrue(e.getMessage().endsWith(" (try a smaller --lr)"), e.getMessage());
      assertEquals(DivergenceGuard.MAX_IN_A_ROW - 1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).endsWith("step skipped, weights unchanged"), warnings.get(0));
    }
  }

  @Test
  void multiLabelDataGetsIndependentSigmoids(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("data");
    NetFixtures.datalist(data, "img", 6, 1);
    String entries =
        "{\"data\": ["
            + "{\"filepaths\": [\"img-0.fits\"], \"sname\": \"a\", \"id\": [0], \"label\": [\"POINT\"]},"
            + "{\"filepaths\": [\"img-1.fits\"], \"sname\": \"b\", \"id\": [1, 2], \"label\": [\"DOUBLE\", \"BRIGHT\"]},"
            + "{\"filepaths\": [\"img-2.fits\"], \"sname\": \"c\", \"id\": [0, 2], \"label\": [\"POINT\", \"BRIGHT\"]},"
            + "{\"filepaths\": [\"img-3.fits\"], \"sname\": \"d\", \"id\": [1], \"label\": [\"DOUBLE\"]}]}";
    Path list = data.resolve("multi.json");
    Files.writeString(list, entries);
    ClassificationData d = ClassificationData.read(list, list, false);
    assertTrue(d.multiLabel());
    try (ClassifierNet net =
        ClassifierNet.create(
            new EncoderInit.Scratch(), NetFixtures.shape(), d.classes(), true, 1)) {
      ClassifierTrainer.Result r =
          ClassifierTrainer.train(
              net,
              probe(2).withBatchSize(2),
              d,
              dir.resolve("run"),
              ClassifierTrainer.Listener.NONE);
      assertTrue(r.test().multiLabel());
      assertEquals(List.of("POINT", "DOUBLE", "BRIGHT"), r.test().classes());
      float[] s = r.test().scores()[0];
      assertTrue(Math.abs(s[0] + s[1] + s[2] - 1) > 1e-3, "sigmoids, not a softmax");
      assertTrue(Double.isFinite(r.history().get(1).loss()));
    }
  }

  @Test
  void torchvisionWeightsFileSetsTheEncoderAndAnotherStemIsRefused(@TempDir Path dir) {
    Path train = NetFixtures.datalist(dir, "train", 2, 1);
    ClassificationData data = ClassificationData.read(train, train, false);
    Path file = dir.resolve("w.safetensors");
    Map<String, float[]> exported;
    try (ClassifierNet source =
        ClassifierNet.create(
            new EncoderInit.Scratch(), NetFixtures.shape(), data.classes(), false, 1)) {
      TorchvisionWeights.export(file, source.block().encoder());
      exported = source.encoderWeights();
    }
    try (ClassifierNet net =
        ClassifierNet.create(
            new EncoderInit.Torchvision(file), NetFixtures.shape(), data.classes(), false, 2)) {
      Map<String, float[]> loaded = net.encoderWeights();
      for (String k : exported.keySet()) {
        assertArrayEquals(exported.get(k), loaded.get(k), k);
      }
      assertTrue(net.spec().init().endsWith("w.safetensors"));
    }
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                ClassifierNet.create(
                    new EncoderInit.Torchvision(file),
                    EncoderShape.of(32, false),
                    data.classes(),
                    false,
                    2));
    assertTrue(e.getMessage().contains("conv1.weight"), e.getMessage());
  }

  @Test
  void testSetWithOtherClassesIsRefused(@TempDir Path dir) throws IOException {
    Path train = NetFixtures.datalist(dir, "train", 4, 1);
    Path test = dir.resolve("other.json");
    Files.writeString(
        test,
        "{\"data\": [{\"filepaths\": [\"train-0.fits\"], \"sname\": \"x\", \"id\": 0, \"label\":"
            + " \"POINT\"}, {\"filepaths\": [\"train-1.fits\"], \"sname\": \"y\", \"id\": 2,"
            + " \"label\": \"RING\"}]}");
    BadInputException e =
        assertThrows(BadInputException.class, () -> ClassificationData.read(train, test, false));
    assertTrue(e.getMessage().startsWith(test.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("classes differ"), e.getMessage());
  }

  @Test
  void missingCheckpointIsRefused(@TempDir Path dir) {
    Path train = NetFixtures.datalist(dir, "train", 4, 1);
    ClassificationData data = ClassificationData.read(train, train, false);
    Path missing = dir.resolve("no-such-run");
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                ClassifierNet.create(
                    new EncoderInit.Simclr(missing), null, data.classes(), false, 1));
    assertTrue(e.getMessage().contains("no-such-run"), e.getMessage());
    assertTrue(e.getMessage().contains("no such checkpoint or run folder"), e.getMessage());
    BadInputException parse =
        assertThrows(BadInputException.class, () -> EncoderInit.parse(missing.toString()));
    assertTrue(parse.getMessage().contains("no such SimCLR run"), parse.getMessage());
    assertTrue(parse.getMessage().contains("radioclr-first-v1"), parse.getMessage());
    assertEquals(
        new EncoderInit.Simclr(Path.of("radioclr-first-v1")),
        EncoderInit.parse("radioclr-first-v1"),
        "a shipped encoder by name");
    BadInputException load = assertThrows(BadInputException.class, () -> ClassifierNet.load(dir));
    assertTrue(load.getMessage().contains("not a classifier folder"), load.getMessage());
  }

  @Test
  void classWithoutReadableTrainingImageIsRefused(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("data");
    NetFixtures.datalist(data, "img", 4, 1);
    Files.writeString(data.resolve("broken.fits"), "not a FITS file at all");
    Path train = data.resolve("train.json");
    Files.writeString(
        train,
        "{\"data\": [{\"filepaths\": [\"img-0.fits\"], \"sname\": \"a\", \"id\": 0, \"label\":"
            + " \"POINT\"}, {\"filepaths\": [\"img-2.fits\"], \"sname\": \"b\", \"id\": 0,"
            + " \"label\": \"POINT\"}, {\"filepaths\": [\"broken.fits\"], \"sname\": \"c\","
            + " \"id\": 1, \"label\": \"DOUBLE\"}]}");
    Path test = data.resolve("img.json");
    ClassificationData d = ClassificationData.read(train, test, false);
    List<String> warnings = new ArrayList<>();
    List<String> each = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ClassifierNet net =
        ClassifierNet.create(
            new EncoderInit.Scratch(), NetFixtures.shape(), d.classes(), false, 1)) {
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () ->
                  ClassifierTrainer.train(
                      net,
                      probe(1),
                      d,
                      dir.resolve("run"),
                      new ClassifierTrainer.Listener() {
                        @Override
                        public void warning(String message) {
                          warnings.add(message);
                        }

                        @Override
                        public void imageSkipped(SkippedImages.Entry image) {
                          each.add(image.line());
                        }
                      }));
      assertTrue(e.getMessage().startsWith(train.toAbsolutePath().toString()), e.getMessage());
      assertTrue(
          e.getMessage().contains("class 'DOUBLE' has no readable training image"), e.getMessage());
    }
    // one summary line naming the list, which names the image; the image alone for --verbose
    Path list = dir.resolve("run").resolve(SkippedImages.FILE_NAME);
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("skipped 1 of 7 images ("), warnings.get(0));
    assertTrue(warnings.get(0).endsWith("the list with reasons is in " + list), warnings.get(0));
    assertTrue(Files.readString(list).contains("broken.fits"), Files.readString(list));
    assertEquals(1, each.size(), each.toString());
    assertTrue(each.get(0).contains("broken.fits"), each.get(0));
  }
}
