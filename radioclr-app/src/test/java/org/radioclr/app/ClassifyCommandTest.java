package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.classify.linear.LogisticModel;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.MeanAndError;
import org.radioclr.classify.metrics.MetricsJson;

/** {@code classify probe --features}, {@code classify knn} and {@code project} end to end. */
class ClassifyCommandTest {
  @TempDir Path tmp;

  private static final List<String> CLASSES = List.of("COMPACT", "EXTENDED", "DIFFUSE");

  /**
   * A CSV feature table: {@code perClass} rows of each class around well-separated centres, an
   * {@code rms} column, {@code unlabelled} extra rows without a label.
   */
  static Path table(Path file, List<String> classes, int perClass, int unlabelled, long seed)
      throws IOException {
    int dim = 8;
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("sname,id,label,rms");
    for (int j = 0; j < dim; j++) {
      sb.append(",f").append(j);
    }
    sb.append('\n');
    int row = 0;
    for (int c = -1; c < classes.size(); c++) {
      int n = c < 0 ? unlabelled : perClass;
      for (int i = 0; i < n; i++) {
        sb.append(file.getFileName()).append("-s").append(row++).append(',');
        sb.append(c < 0 ? "" : CLASSES.indexOf(classes.get(c)) + 1).append(',');
        sb.append(c < 0 ? "" : classes.get(c)).append(',');
        sb.append(String.format(Locale.ROOT, "%.3g", Math.exp(r.nextGaussian()) * 1e-4));
        for (int j = 0; j < dim; j++) {
          int k = c < 0 ? r.nextInt(3) : CLASSES.indexOf(classes.get(c));
          double centre = j == k ? 4 : 0;
          sb.append(',').append(String.format(Locale.ROOT, "%.5f", centre + r.nextGaussian()));
        }
        sb.append('\n');
      }
    }
    Files.writeString(file, sb);
    return file;
  }

  @Test
  void probeOnATrainTestPairWritesEveryOutput() throws IOException {
    Path train = table(tmp.resolve("train.csv"), CLASSES, 40, 5, 1);
    Path test = table(tmp.resolve("test.csv"), CLASSES, 20, 0, 2);
    Path out = tmp.resolve("probe");
    CliRun r =
        CliRun.of(
            "classify",
            "probe",
            "--features",
            "--train",
            train.toString(),
            "--test",
            test.toString(),
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out().contains("train: 120 labelled rows (5 unlabelled left out), 3 classes"), r.out());
    assertTrue(r.out().contains("accuracy "), r.out());
    assertTrue(r.out().contains("  DIFFUSE "), r.out());
    ClassificationMetrics m = MetricsJson.read(out.resolve("metrics.json"));
    assertEquals(CLASSES, m.classes());
    assertEquals(60, m.rows());
    assertTrue(m.accuracy() > 0.9, "accuracy " + m.accuracy());
    LogisticModel model = LogisticModel.read(out.resolve("model.json"));
    assertEquals(8, model.dimension());
    List<String> lines = Files.readAllLines(out.resolve("predictions.csv"));
    assertEquals("sname,truth,predicted,p_COMPACT,p_EXTENDED,p_DIFFUSE", lines.get(0));
    assertEquals(61, lines.size());
    assertTrue(lines.get(1).startsWith("test.csv-s0,COMPACT,"), lines.get(1));
    assertTrue(Files.size(out.resolve("confusion.png")) > 0);
    assertTrue(Files.readString(out.resolve("report.html")).contains("Linear probe"));
    // the printed accuracy is that of metrics.json and of predictions.csv
    assertTrue(
        r.out()
            .contains(
                String.format(
                    Locale.ROOT, "accuracy %.4f, macro F1 %.4f", m.accuracy(), m.macro().f1())),
        r.out());
    long right =
        lines.stream().skip(1).map(l -> l.split(",")).filter(c -> c[1].equals(c[2])).count();
    assertEquals(m.accuracy(), right / 60.0, 1e-12);
  }

  @Test
  void optionsOfTheOtherModeAreOneLineErrors() throws IOException {
    Path train = table(tmp.resolve("train.csv"), CLASSES, 10, 0, 1);
    String o = tmp.resolve("o").toString();
    CliRun epochs =
        CliRun.of(
            "classify",
            "probe",
            "--features",
            "--train",
            train.toString(),
            "--splits",
            "2",
            "--epochs",
            "3",
            "--out",
            o);
    assertEquals(2, epochs.exitCode());
    assertEquals(
        CliRun.usageError(
            "radioclr classify probe",
            "--epochs applies only to probing images (without --features)"),
        epochs.err());
    CliRun model =
        CliRun.of(
            "classify",
            "probe",
            "--features",
            "--model",
            "scratch",
            "--train",
            train.toString(),
            "--test",
            train.toString(),
            "--out",
            o);
    assertEquals(
        CliRun.usageError(
            "radioclr classify probe",
            "--model applies only to probing images (without --features)"),
        model.err());
    CliRun l2 =
        CliRun.of(
            "classify",
            "probe",
            "--model",
            "scratch",
            "--train",
            train.toString(),
            "--test",
            train.toString(),
            "--l2",
            "0.1",
            "--out",
            o);
    assertEquals(2, l2.exitCode());
    assertEquals(
        CliRun.usageError(
            "radioclr classify probe",
            "--l2 applies only to probing feature tables (with --features)"),
        l2.err());
    CliRun noModel =
        CliRun.of(
            "classify",
            "probe",
            "--train",
            train.toString(),
            "--test",
            train.toString(),
            "--out",
            o);
    assertEquals(2, noModel.exitCode());
    assertEquals(
        CliRun.usageError(
            "radioclr classify probe",
            "give --model RUN|scratch|WEIGHTS (or --features to probe feature tables)"),
        noModel.err());
    assertTrue(Files.notExists(tmp.resolve("o")));
  }

  @Test
  void probeOverBalancedSplitsReportsMeanAndError() throws IOException {
    Path all = table(tmp.resolve("all.csv"), CLASSES, 30, 0, 3);
    Path out = tmp.resolve("probe5");
    CliRun r =
        CliRun.of(
            "classify",
            "probe",
            "--features",
            "--train",
            all.toString(),
            "--splits",
            "3",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.err());
    // 30 rows per class in 1000:600 -> 18 train + 11 test
    assertTrue(
        r.out()
            .contains(
                "note: the rarest class 'COMPACT' has 30 rows (fewer than 1000 + 600):"
                    + " using 18 train + 11 test per class"),
        r.out());
    assertTrue(r.out().contains("over 3 splits (mean ± standard error): accuracy "), r.out());
    MeanAndError s = MetricsJson.readSummary(out.resolve("metrics.json"));
    assertEquals(3, s.splits());
    assertEquals(33, MetricsJson.read(out.resolve("split-2/metrics.json")).rows());
    assertTrue(Files.exists(out.resolve("split-3/predictions.csv")));
    assertTrue(Files.size(out.resolve("confusion.png")) > 0);
  }

  @Test
  void differentTestClassesAndMissingTestAreOneLineErrors() throws IOException {
    Path train = table(tmp.resolve("train.csv"), CLASSES, 10, 0, 1);
    Path test = table(tmp.resolve("test.csv"), List.of("COMPACT", "EXTENDED"), 10, 0, 2);
    CliRun r =
        CliRun.of(
            "classify",
            "probe",
            "--features",
            "--train",
            train.toString(),
            "--test",
            test.toString(),
            "--out",
            tmp.resolve("o").toString());
    assertEquals(1, r.exitCode());
    assertEquals(
        "radioclr: "
            + test
            + ": its classes differ from the training set's: missing [DIFFUSE] (train [1=COMPACT,"
            + " 2=EXTENDED, 3=DIFFUSE], here [1=COMPACT, 2=EXTENDED])\n",
        r.err());
    CliRun none =
        CliRun.of(
            "classify",
            "probe",
            "--features",
            "--train",
            train.toString(),
            "--out",
            tmp.resolve("o").toString());
    assertEquals(2, none.exitCode());
    assertEquals(
        CliRun.usageError(
            "radioclr classify probe", "give --test, or --splits K to draw test sets"),
        none.err());
  }

  @Test
  void knnPrintsAccuracyAndPerClassRecall() throws IOException {
    Path f = table(tmp.resolve("f.csv"), CLASSES, 20, 3, 4);
    CliRun r =
        CliRun.of(
            "classify",
            "knn",
            "--features",
            f.toString(),
            "--k",
            "5",
            "--out",
            tmp.resolve("knn.json").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out()
            .startsWith(
                "leave-one-out cosine kNN, k = 5, on 60 rows (3 unlabelled left out),"
                    + " 3 classes"),
        r.out());
    assertTrue(r.out().contains("  EXTENDED "), r.out());
    assertEquals(60, MetricsJson.read(tmp.resolve("knn.json")).rows());
    CliRun bad = CliRun.of("classify", "knn", "--features", f.toString(), "--labels-from", "kind");
    assertEquals(1, bad.exitCode());
    assertEquals(
        "radioclr: " + f + ": no column 'kind'; columns: [sname, id, label, rms]\n", bad.err());
  }

  @Test
  void projectWritesPlotAndCoordinates() throws IOException {
    Path f = table(tmp.resolve("f.csv"), CLASSES, 10, 4, 5);
    Path png = tmp.resolve("pca.png");
    CliRun r =
        CliRun.of(
            "project",
            "--features",
            f.toString(),
            "--method",
            "pca",
            "--color",
            "rms",
            "--log",
            "--out",
            png.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("pca of 34 rows x 8 features in "), r.out());
    assertTrue(Files.size(png) > 0);
    List<String> lines = Files.readAllLines(tmp.resolve("pca.csv"));
    assertEquals("sname,x,y,rms", lines.get(0));
    assertEquals(35, lines.size());
    CliRun labels =
        CliRun.of(
            "project",
            "--features",
            f.toString(),
            "--method",
            "pca",
            "--out",
            tmp.resolve("l.png").toString());
    assertEquals(0, labels.exitCode(), labels.err());
    assertTrue(labels.out().contains("4 rows without a 'label' drawn grey"), labels.out());
  }

  @Test
  void projectNamesTheColumnsWhenTheColourColumnIsMissing() throws IOException {
    Path f = table(tmp.resolve("f.csv"), CLASSES, 10, 0, 5);
    CliRun r =
        CliRun.of(
            "project",
            "--features",
            f.toString(),
            "--color",
            "snr",
            "--out",
            tmp.resolve("p.png").toString());
    assertEquals(1, r.exitCode());
    assertEquals(
        "radioclr: "
            + f
            + ": no column 'snr' to colour by; columns: [sname, id, label, rms] (or 'none')\n",
        r.err());
    CliRun m =
        CliRun.of(
            "project",
            "--features",
            f.toString(),
            "--method",
            "lda",
            "--out",
            tmp.resolve("p.png").toString());
    assertEquals(2, m.exitCode());
    assertEquals(
        CliRun.usageError(
            "radioclr project", "unknown projection method 'lda', known: [umap, pca, tsne]"),
        m.err());
  }
}
