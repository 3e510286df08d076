package org.radioclr.classify.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.classify.linear.LogisticOptions;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.MetricsJson;
import org.radioclr.core.BadInputException;
import org.radioclr.core.progress.ProgressListener;

class FeatureProbeTest {
  private static final List<String> CLASSES = List.of("A", "B", "C");
  private static final LogisticOptions LOGISTIC =
      new LogisticOptions(
          LogisticOptions.DEFAULT_L2,
          LogisticOptions.DEFAULT_MAX_ITERATIONS,
          LogisticOptions.DEFAULT_TOLERANCE);

  @TempDir Path tmp;

  /** A CSV feature table, {@code perClass} rows per class around separated centres in 4-D. */
  private static Path table(Path file, int perClass, int dim, long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("sname,id,label");
    for (int j = 0; j < dim; j++) {
      sb.append(",f").append(j);
    }
    sb.append('\n');
    int row = 0;
    for (int c = 0; c < CLASSES.size(); c++) {
      for (int i = 0; i < perClass; i++) {
        sb.append(file.getFileName()).append("-s").append(row++).append(',');
        sb.append(c + 1).append(',').append(CLASSES.get(c));
        for (int j = 0; j < dim; j++) {
          double centre = j == c ? 4 : 0;
          sb.append(',').append(String.format(Locale.ROOT, "%.5f", centre + r.nextGaussian()));
        }
        sb.append('\n');
      }
    }
    Files.writeString(file, sb);
    return file;
  }

  @Test
  void trainTestProbeWritesPredictionsInTheSharedFormat() throws IOException {
    Path train = table(tmp.resolve("train.csv"), 30, 4, 1);
    Path test = table(tmp.resolve("test.csv"), 10, 4, 2);
    Path out = tmp.resolve("probe");
    StringWriter log = new StringWriter();
    FeatureProbe.Result r =
        FeatureProbe.run(
            new FeatureProbe.Settings(train, test, out, null, 1, 1, 1, LOGISTIC),
            new PrintWriter(log),
            ProgressListener.NONE);
    assertNull(r.summary());
    ClassificationMetrics m = r.metrics();
    assertEquals(30, m.rows());
    assertTrue(m.accuracy() > 0.9, "accuracy " + m.accuracy());
    assertTrue(
        log.toString().startsWith("train: 90 labelled rows, 3 classes, 4 features"),
        log.toString());
    assertTrue(log.toString().contains("fit: "), log.toString());
    assertEquals(m.accuracy(), MetricsJson.read(out.resolve("metrics.json")).accuracy(), 1e-12);
    List<String> lines = Files.readAllLines(out.resolve(FeatureProbe.PREDICTIONS_FILE));
    // one predictions format for every probe: PredictionsCsv's header
    assertEquals("sname,truth,predicted,p_A,p_B,p_C", lines.get(0));
    assertEquals(31, lines.size());
    assertTrue(Files.exists(out.resolve("model.json")));
    assertTrue(Files.exists(out.resolve("report.html")));
  }

  @Test
  void splitsWriteOneFolderEachAndASummary() throws IOException {
    Path train = table(tmp.resolve("all.csv"), 20, 4, 3);
    Path out = tmp.resolve("probe5");
    StringWriter log = new StringWriter();
    FeatureProbe.Result r =
        FeatureProbe.run(
            new FeatureProbe.Settings(train, null, out, 3, 10, 5, 7, LOGISTIC),
            new PrintWriter(log),
            ProgressListener.NONE);
    assertNull(r.metrics());
    assertNotNull(r.summary());
    for (int j = 1; j <= 3; j++) {
      List<String> lines =
          Files.readAllLines(out.resolve("split-" + j).resolve(FeatureProbe.PREDICTIONS_FILE));
      assertEquals(16, lines.size());
      assertTrue(lines.get(0).startsWith("sname,truth,predicted"));
    }
    assertTrue(Files.exists(out.resolve("metrics.json")));
  }

  @Test
  void mismatchedFeatureCountsNameTheTestTable() throws IOException {
    Path train = table(tmp.resolve("train.csv"), 5, 4, 1);
    Path test = table(tmp.resolve("test.csv"), 5, 3, 2);
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                FeatureProbe.run(
                    new FeatureProbe.Settings(
                        train, test, tmp.resolve("o"), null, 1, 1, 1, LOGISTIC),
                    new PrintWriter(new StringWriter()),
                    ProgressListener.NONE));
    assertTrue(e.getMessage().contains("test.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("has 3 feature columns"), e.getMessage());
  }

  @Test
  void settingsRefuseBadValues() {
    Path f = tmp.resolve("t.csv");
    assertThrows(
        IllegalArgumentException.class,
        () -> new FeatureProbe.Settings(f, null, tmp, null, 1, 1, 1, LOGISTIC));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FeatureProbe.Settings(f, null, tmp, 0, 1, 1, 1, LOGISTIC));
    assertEquals("splits must be >= 1, got 0", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new FeatureProbe.Settings(f, f, tmp, null, 0, 1, 1, LOGISTIC));
  }
}
