package org.radioclr.classify.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.classify.Predictions;

/**
 * Reference values from scikit-learn 1.2.1 ({@code precision_recall_fscore_support(...,
 * zero_division=0)}, {@code accuracy_score}, {@code confusion_matrix}), made by {@code
 * src/test/resources/org/radioclr/classify/sklearn_metrics.py}.
 */
class ClassificationMetricsTest {
  private static final double EPS = 1e-12;

  @Test
  void threeClassExampleMatchesScikitLearn() {
    int[] t = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2};
    int[] y = {0, 0, 1, 2, 1, 1, 0, 2, 2, 1, 2, 0};
    ClassificationMetrics m = ClassificationMetrics.of(predictions(List.of("A", "B", "C"), t, y));
    assertEquals(
        List.of(List.of(2L, 1L, 1L), List.of(1L, 2L, 0L), List.of(1L, 1L, 3L)),
        toLists(m.confusion()));
    assertArrays(new double[] {0.5, 0.5, 0.75}, m, "precision");
    assertArrays(new double[] {0.5, 0.6666666666666666, 0.6}, m, "recall");
    assertArrays(new double[] {0.5, 0.5714285714285715, 0.6666666666666665}, m, "f1");
    assertEquals(List.of(4L, 3L, 5L), m.perClass().stream().map(ClassScores::support).toList());
    assertEquals(0.5833333333333334, m.accuracy(), EPS);
    assertAverages(0.5833333333333334, 0.5888888888888889, 0.5793650793650794, m.macro());
    assertAverages(0.6041666666666666, 0.5833333333333334, 0.5873015873015873, m.weighted());
    assertAverages(0.5833333333333334, 0.5833333333333334, 0.5833333333333334, m.micro());
    double[][] norm = m.normalizedConfusion();
    assertArrayEquals(new double[] {0.5, 0.25, 0.25}, norm[0], EPS);
    assertArrayEquals(new double[] {0.2, 0.2, 0.6}, norm[2], EPS);
    assertEquals(12, m.rows());
  }

  @Test
  void zeroDivisionGivesZeroAndAbsentClassesCountInTheMacroAverage() {
    ClassificationMetrics m =
        ClassificationMetrics.ofLabels(
            List.of("a", "b", "c", "d"), new int[] {0, 0, 1, 1, 2}, new int[] {0, 1, 1, 1, 0});
    assertArrays(new double[] {0.5, 0.6666666666666666, 0, 0}, m, "precision");
    assertArrays(new double[] {0.5, 1.0, 0, 0}, m, "recall");
    assertArrays(new double[] {0.5, 0.8, 0, 0}, m, "f1");
    assertAverages(0.29166666666666663, 0.375, 0.325, m.macro());
    assertAverages(0.4666666666666666, 0.6, 0.52, m.weighted());
    assertArrayEquals(new double[] {0, 0, 0, 0}, m.normalizedConfusion()[3]);
  }

  @Test
  void multiLabelMatchesScikitLearn() {
    int[][] truth = {{0, 2}, {1}, {0, 1}, {2}, {0}};
    float[][] scores = {
      {.9f, .2f, .6f}, {.1f, .7f, .4f}, {.8f, .3f, .1f}, {.6f, .1f, .9f}, {.4f, .2f, .3f}
    };
    Predictions p = new Predictions(List.of("x", "y", "z"), snames(5), true, truth, scores);
    ClassificationMetrics m = ClassificationMetrics.of(p);
    assertArrays(new double[] {0.6666666666666666, 1.0, 1.0}, m, "precision");
    assertArrays(new double[] {0.6666666666666666, 0.5, 1.0}, m, "recall");
    assertArrays(new double[] {0.6666666666666666, 0.6666666666666666, 1.0}, m, "f1");
    assertAverages(0.8888888888888888, 0.7222222222222222, 0.7777777777777777, m.macro());
    assertAverages(0.8571428571428571, 0.7142857142857143, 0.7619047619047619, m.weighted());
    assertAverages(0.8333333333333334, 0.7142857142857143, 0.7692307692307692, m.micro());
    assertEquals(0.4, m.accuracy(), EPS);
    assertEquals(0, m.confusion().length);
    ClassScores x = m.scores("x");
    assertEquals(
        List.of(2L, 1L, 1L), List.of(x.truePositives(), x.falsePositives(), x.falseNegatives()));
  }

  @Test
  void handExampleOfTheNetworkTrainer() {
    // truth a a b c ; arg-max a b b a (the figures the trainer logs per epoch)
    Predictions p =
        new Predictions(
            List.of("a", "b", "c"),
            List.of("1", "2", "3", "4"),
            false,
            new int[][] {{0}, {0}, {1}, {2}},
            new float[][] {{.8f, .1f, .1f}, {.2f, .7f, .1f}, {.1f, .8f, .1f}, {.5f, .2f, .3f}});
    ClassificationMetrics m = ClassificationMetrics.of(p);
    assertEquals(0.5, m.accuracy(), 1e-12);
    // a: tp1 fp1 fn1 -> 0.5 ; b: tp1 fp1 fn0 -> 2/3 ; c: tp0 fn1 -> 0
    assertEquals((0.5 + 2.0 / 3 + 0) / 3, m.macro().f1(), 1e-12);
    // multi-label: the predicted set must equal the true set (also when both are empty)
    Predictions multi =
        new Predictions(
            List.of("a", "b"),
            List.of("1", "2", "3"),
            true,
            new int[][] {{0, 1}, {}, {}},
            new float[][] {{.9f, .6f}, {.2f, .7f}, {.1f, .4f}});
    assertEquals(2.0 / 3, ClassificationMetrics.of(multi).accuracy(), 1e-12);
  }

  @Test
  void perfectAndEmptyPredictions() {
    ClassificationMetrics perfect =
        ClassificationMetrics.ofLabels(List.of("a", "b"), new int[] {0, 1, 1}, new int[] {0, 1, 1});
    assertEquals(1.0, perfect.accuracy());
    assertAverages(1, 1, 1, perfect.macro());
    ClassificationMetrics empty =
        ClassificationMetrics.ofLabels(List.of("a", "b"), new int[0], new int[0]);
    assertEquals(0, empty.accuracy());
    assertAverages(0, 0, 0, empty.weighted());
  }

  @Test
  void badInputIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ClassificationMetrics.ofLabels(
                    List.of("a", "b"), new int[] {0, 2}, new int[] {0, 1}));
    assertEquals("row 1 has class index out of [0, 2): true 2, predicted 1", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ClassificationMetrics.ofLabels(List.of("a", "b"), new int[] {0}, new int[] {0, 1}));
  }

  @Test
  void tableListsClassesAveragesAndAccuracy() {
    ClassificationMetrics m =
        ClassificationMetrics.ofLabels(List.of("a", "b"), new int[] {0, 1, 1}, new int[] {0, 0, 1});
    List<List<String>> t = m.table();
    assertEquals(List.of("class", "precision", "recall", "F1", "support"), t.get(0));
    assertEquals(List.of("a", "0.5000", "1.0000", "0.6667", "1"), t.get(1));
    assertEquals(List.of("accuracy", "", "", "0.6667", "3"), t.get(t.size() - 1));
  }

  static Predictions predictions(List<String> classes, int[] t, int[] y) {
    int[][] truth = new int[t.length][];
    float[][] scores = new float[t.length][classes.size()];
    for (int i = 0; i < t.length; i++) {
      truth[i] = new int[] {t[i]};
      java.util.Arrays.fill(scores[i], 0.1f);
      scores[i][y[i]] = 0.8f;
    }
    return new Predictions(classes, snames(t.length), false, truth, scores);
  }

  static List<String> snames(int n) {
    List<String> s = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      s.add("s" + i);
    }
    return s;
  }

  private static List<List<Long>> toLists(long[][] a) {
    List<List<Long>> out = new ArrayList<>();
    for (long[] r : a) {
      out.add(java.util.Arrays.stream(r).boxed().toList());
    }
    return out;
  }

  private static void assertArrays(double[] expected, ClassificationMetrics m, String what) {
    double[] got =
        m.perClass().stream()
            .mapToDouble(
                s ->
                    switch (what) {
                      case "precision" -> s.precision();
                      case "recall" -> s.recall();
                      default -> s.f1();
                    })
            .toArray();
    assertArrayEquals(expected, got, EPS, what);
  }

  private static void assertAverages(double p, double r, double f, Averages a) {
    assertEquals(p, a.precision(), EPS, "precision");
    assertEquals(r, a.recall(), EPS, "recall");
    assertEquals(f, a.f1(), EPS, "f1");
  }
}
