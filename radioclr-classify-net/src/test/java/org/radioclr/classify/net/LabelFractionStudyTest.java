package org.radioclr.classify.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.MetricsJson;
import org.radioclr.classify.split.LabelFractions;
import org.radioclr.nn.checkpoint.EncoderInit;

class LabelFractionStudyTest {
  @Test
  void oneRunPerInitAndFractionKeepingEveryClass(@TempDir Path dir) throws IOException {
    Path train = NetFixtures.datalist(dir.resolve("data"), "train", 8, 1);
    Path test = NetFixtures.datalist(dir.resolve("data"), "test", 2, 2);
    ClassificationData data = ClassificationData.read(train, test, false);
    Path ckpt = NetFixtures.simclrCheckpoint(dir.resolve("ckpt"), 3);
    Path out = dir.resolve("study");
    ClassifierTrainConfig config =
        ClassifierTrainConfig.probe()
            .withEpochs(1)
            .withBatchSize(4)
            .withAugment(false)
            .withWorkers(2);
    List<LabelFractionStudy.Row> rows =
        LabelFractionStudy.run(
            List.of(new EncoderInit.Scratch(), new EncoderInit.Simclr(ckpt)),
            EncoderShape.of(NetFixtures.SIZE, true),
            data,
            List.of(0.1, 1.0),
            1,
            config,
            out,
            new LabelFractionStudy.Listener() {});
    assertEquals(4, rows.size());
    // 10% of 4 images per class rounds up to one image per class
    assertEquals(2, rows.get(0).nTrain());
    assertEquals(8, rows.get(2).nTrain());
    List<String> table = Files.readAllLines(out.resolve(LabelFractionStudy.TABLE_FILE));
    assertEquals("init,fraction,split,n_train,accuracy,macro_f1,run", table.get(0));
    assertEquals(5, table.size());
    assertTrue(table.get(1).startsWith("scratch,0.1,0,2,"), table.get(1));
    assertTrue(table.get(2).startsWith("ckpt,0.1,0,2,"), table.get(2));
    assertTrue(table.get(2).endsWith(",ckpt/f0.1-s0"), table.get(2));
    assertTrue(Files.isDirectory(out.resolve("scratch/f1.0-s0/classifier")));

    // every run has its scores; the summary over splits (one split: the run's own figures)
    for (LabelFractionStudy.Row r : rows) {
      ClassificationMetrics m = MetricsJson.read(r.run().resolve(ClassifierTrainer.SCORES_FILE));
      assertEquals(r.metrics(), m);
      assertTrue(Files.isRegularFile(r.run().resolve(ClassifierTrainer.REPORT_FILE)));
      assertTrue(Files.isRegularFile(r.run().resolve(ClassifierTrainer.CONFUSION_FILE)));
    }
    List<String> summary = Files.readAllLines(out.resolve(LabelFractionSummary.CSV_FILE));
    assertEquals(
        "init,fraction,splits,n_train,accuracy_mean,accuracy_se,macro_f1_mean,macro_f1_se",
        summary.get(0));
    assertEquals(5, summary.size());
    String[] first = summary.get(1).split(",");
    assertEquals(List.of("scratch", "0.1", "1", "2"), List.of(first).subList(0, 4));
    assertEquals(rows.get(0).accuracy(), Double.parseDouble(first[4]), 1e-6);
    assertEquals(0, Double.parseDouble(first[5]), 0);
    assertEquals(rows.get(0).macroF1(), Double.parseDouble(first[6]), 1e-6);
    assertTrue(Files.size(out.resolve(LabelFractionSummary.PLOT_FILE)) > 0);
    assertTrue(
        Files.readString(out.resolve(LabelFractionSummary.JSON_FILE)).contains("\"n_train\" : 8"));
    String html = Files.readString(out.resolve(LabelFractionSummary.REPORT_FILE));
    assertTrue(html.contains("ckpt/f0.1-s0"), html);
  }

  /** 100 images of class 0, 20 of class 1, 3 of class 2. */
  private static int[][] truth() {
    int[][] t = new int[123][];
    for (int i = 0; i < t.length; i++) {
      t[i] = new int[] {i < 100 ? 0 : i < 120 ? 1 : 2};
    }
    return t;
  }

  private static int[] counts(int[][] truth, int[] idx) {
    int[] c = new int[3];
    for (int i : idx) {
      c[truth[i][0]]++;
    }
    return c;
  }

  @Test
  void subsampleKeepsEveryClassWithRoundedShares() {
    int[][] t = truth();
    assertArrayEquals(new int[] {1, 1, 1}, counts(t, LabelFractionStudy.subsample(t, 0.01, 1)));
    assertArrayEquals(new int[] {10, 2, 1}, counts(t, LabelFractionStudy.subsample(t, 0.1, 1)));
    assertArrayEquals(new int[] {50, 10, 2}, counts(t, LabelFractionStudy.subsample(t, 0.5, 1)));
    assertEquals(123, LabelFractionStudy.subsample(t, 1.0, 1).length);
    int[] a = LabelFractionStudy.subsample(t, 0.25, 9);
    assertArrayEquals(a, LabelFractionStudy.subsample(t, 0.25, 9));
    for (int i = 1; i < a.length; i++) {
      assertTrue(a[i] > a[i - 1], "not strictly increasing at " + i);
    }
    assertFalse(
        Arrays.equals(a, LabelFractionStudy.subsample(t, 0.25, 10)),
        "another seed drew the same subsample");
    // single-label: exactly the shared LabelFractions draw
    int[] labels = Arrays.stream(t).mapToInt(r -> r[0]).toArray();
    int[] all = java.util.stream.IntStream.range(0, t.length).toArray();
    assertArrayEquals(LabelFractions.subsample(all, labels, 0.25, 9), a);
  }

  @Test
  void multiLabelSubsampleGroupsByTheFirstClassEvenWhenAClassNeverComesFirst() {
    // class 1 only ever appears second
    int[][] t = {{0, 1}, {0}, {2, 1}, {2}, {0}, {2}};
    int[] a = LabelFractionStudy.subsample(t, 0.5, 3);
    assertTrue(a.length >= 4 && a.length <= 5, Arrays.toString(a));
    assertTrue(Arrays.stream(a).filter(i -> t[i][0] == 0).count() >= 2, Arrays.toString(a));
    assertTrue(Arrays.stream(a).filter(i -> t[i][0] == 2).count() >= 2, Arrays.toString(a));
    // at the smallest fraction, one image per first class, topped up with one of class 1
    for (long seed = 0; seed < 20; seed++) {
      int[] b = LabelFractionStudy.subsample(t, 0.01, seed);
      boolean one = Arrays.stream(b).anyMatch(i -> t[i].length == 2);
      assertTrue(one, "class 1 dropped with seed " + seed + ": " + Arrays.toString(b));
      assertTrue(b.length == 2 || b.length == 3, Arrays.toString(b));
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> LabelFractionStudy.subsample(new int[][] {{0}, {}}, 0.5, 1));
    assertThrows(IllegalArgumentException.class, () -> LabelFractionStudy.subsample(t, 0, 1));
  }

  @Test
  void refusesBadFractions(@TempDir Path dir) {
    Path train = NetFixtures.datalist(dir.resolve("data"), "train", 2, 1);
    ClassificationData data = ClassificationData.read(train, train, false);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LabelFractionStudy.run(
                    List.of(new EncoderInit.Scratch()),
                    NetFixtures.shape(),
                    data,
                    List.of(0.0),
                    1,
                    ClassifierTrainConfig.probe(),
                    dir.resolve("out"),
                    new LabelFractionStudy.Listener() {}));
    assertTrue(e.getMessage().contains("label fractions must be in (0, 1], got 0.0"));
  }
}
