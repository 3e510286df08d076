package org.radioclr.classify.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.classify.Predictions;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.core.BadInputException;

class LogisticRegressionTest {
  @TempDir Path tmp;

  private static final List<String> FEATURES = names(8);

  @Test
  void separatesSyntheticClassesFarBetterThanChance() {
    int k = 4, dim = 16, n = 400;
    SplittableRandom r = new SplittableRandom(3);
    double[][] centres = new double[k][dim];
    for (double[] c : centres) {
      for (int j = 0; j < dim; j++) {
        c[j] = r.nextGaussian();
      }
    }
    float[][] x = new float[2 * n][dim];
    int[] y = new int[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      y[i] = i % k;
      for (int j = 0; j < dim; j++) {
        x[i][j] = (float) (centres[y[i]][j] + 0.7 * r.nextGaussian());
      }
    }
    List<String> classes = List.of("a", "b", "c", "d");
    LogisticModel m =
        LogisticRegression.fit(
            java.util.Arrays.copyOf(x, n),
            java.util.Arrays.copyOf(y, n),
            classes,
            names(dim),
            LogisticOptions.defaults());
    assertTrue(m.fit().converged(), m.toString());
    int[][] truth = new int[n][];
    for (int i = 0; i < n; i++) {
      truth[i] = new int[] {y[n + i]};
    }
    Predictions p = m.predict(java.util.Arrays.copyOfRange(x, n, 2 * n), names(n), truth);
    double acc = ClassificationMetrics.of(p).accuracy();
    assertTrue(acc > 0.9, "accuracy " + acc + " (chance 0.25)");
  }

  /**
   * scikit-learn 1.2.1 {@code LogisticRegression(C=1)} after {@code StandardScaler}, made by {@code
   * src/test/resources/org/radioclr/classify/sklearn_logreg.py}: test accuracy 0.7556 (68/90).
   */
  @Test
  void matchesScikitLearnOnCommittedData() throws IOException {
    List<String[]> rows = csv("logreg_data.csv");
    List<float[]> trX = new ArrayList<>(), teX = new ArrayList<>();
    List<Integer> trY = new ArrayList<>(), teY = new ArrayList<>();
    for (String[] row : rows) {
      float[] f = new float[8];
      for (int j = 0; j < 8; j++) {
        f[j] = Float.parseFloat(row[2 + j]);
      }
      boolean train = row[0].equals("train");
      (train ? trX : teX).add(f);
      (train ? trY : teY).add(Integer.parseInt(row[1]));
    }
    int n = trX.size();
    LogisticModel m =
        LogisticRegression.fit(
            trX.toArray(new float[0][]),
            trY.stream().mapToInt(Integer::intValue).toArray(),
            List.of("0", "1", "2"),
            FEATURES,
            new LogisticOptions(1.0 / n, 1000, 1e-9));
    List<String[]> ref = csv("logreg_sklearn_proba.csv");
    int correct = 0;
    double maxDiff = 0;
    for (int i = 0; i < teX.size(); i++) {
      float[] p = m.probabilities(teX.get(i));
      int best = 0;
      for (int c = 0; c < 3; c++) {
        maxDiff = Math.max(maxDiff, Math.abs(p[c] - Double.parseDouble(ref.get(i)[c])));
        if (p[c] > p[best]) {
          best = c;
        }
      }
      if (best == teY.get(i)) {
        correct++;
      }
    }
    // the same objective: probabilities agree closely, accuracy within a few per cent
    assertEquals(68.0 / 90, correct / 90.0, 0.03);
    assertTrue(maxDiff < 1e-3, "largest probability difference " + maxDiff);
  }

  @Test
  void multiLabelFitsOneSigmoidPerClass() {
    // class 0 present when x0 > 0, class 1 when x1 > 0; independent
    SplittableRandom r = new SplittableRandom(5);
    int n = 300;
    float[][] x = new float[n][2];
    int[][] truth = new int[n][];
    for (int i = 0; i < n; i++) {
      x[i][0] = (float) r.nextGaussian();
      x[i][1] = (float) r.nextGaussian();
      List<Integer> t = new ArrayList<>();
      if (x[i][0] > 0) {
        t.add(0);
      }
      if (x[i][1] > 0) {
        t.add(1);
      }
      truth[i] = t.stream().mapToInt(Integer::intValue).toArray();
    }
    LogisticModel m =
        LogisticRegression.fit(
            x, truth, true, List.of("A", "B"), names(2), LogisticOptions.defaults());
    ClassificationMetrics met = ClassificationMetrics.of(m.predict(x, names(n), truth));
    assertTrue(met.multiLabel());
    assertTrue(met.accuracy() > 0.9, "subset accuracy " + met.accuracy());
    float[] p = m.probabilities(new float[] {2, -2});
    assertTrue(p[0] > 0.9 && p[1] < 0.1);
  }

  @Test
  void modelRoundTripsThroughJsonAndPredictsTheSame() {
    float[][] x = {{1, 5}, {2, 5}, {3, 5}, {4, 5}, {-1, 5}, {-2, 5}};
    int[] y = {0, 0, 1, 1, 2, 2};
    LogisticModel m =
        LogisticRegression.fit(
            x, y, List.of("a", "b", "c"), List.of("f0", "f1"), LogisticOptions.defaults());
    assertEquals(1.0, m.std()[1]); // a constant column keeps std 1
    Path f = tmp.resolve("model.json");
    m.write(f);
    LogisticModel back = LogisticModel.read(f);
    assertEquals(m, back);
    assertEquals(
        java.util.Arrays.toString(m.probabilities(x[0])),
        java.util.Arrays.toString(back.probabilities(x[0])));
  }

  @Test
  void badInputIsRejected() throws IOException {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                LogisticRegression.fit(
                    new float[][] {{1, Float.NaN}, {0, 0}},
                    new int[] {0, 1},
                    List.of("a", "b"),
                    List.of("f0", "f1"),
                    LogisticOptions.defaults()));
    assertEquals("row 0, f1 is not finite: NaN", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LogisticRegression.fit(
                new float[][] {{1}, {0}},
                new int[] {0, 2},
                List.of("a", "b"),
                List.of("f0"),
                LogisticOptions.defaults()));
    assertThrows(IllegalArgumentException.class, () -> new LogisticOptions(-1, 10, 1e-6));
    Path f = tmp.resolve("m.json");
    Files.writeString(f, "{\"kind\": \"other\"}");
    BadInputException b = assertThrows(BadInputException.class, () -> LogisticModel.read(f));
    assertEquals(
        f + ": not a logistic-regression model (\"kind\": \"logistic_regression\" expected)",
        b.getMessage());
  }

  private static List<String> names(int n) {
    List<String> s = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      s.add("f" + i);
    }
    return s;
  }

  private static List<String[]> csv(String name) throws IOException {
    try (InputStream in =
        LogisticRegressionTest.class.getResourceAsStream("/org/radioclr/classify/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String[]> rows = new ArrayList<>();
      String[] lines = text.split("\n");
      for (String line : lines) {
        if (!line.isBlank() && !line.startsWith("split")) {
          rows.add(line.split(","));
        }
      }
      return rows;
    }
  }
}
