package org.radioclr.classify.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeanAndErrorTest {

  @Test
  void standardErrorIsSampleSdOverRootK() {
    // values 1, 2, 3, 4: mean 2.5, sample sd sqrt(5/3), se = sqrt(5/3)/2
    Estimate e = Estimate.of(1, 2, 3, 4);
    assertEquals(2.5, e.mean(), 1e-15);
    assertEquals(Math.sqrt(5.0 / 3) / 2, e.standardError(), 1e-15);
    assertEquals(4, e.splits());
    assertEquals(new Estimate(7, 0, 1), Estimate.of(7));
    assertEquals("2.5000 ± 0.6455", e.toString());
  }

  @Test
  void summarisesEveryFigureOverSplits() {
    List<String> classes = List.of("a", "b");
    ClassificationMetrics s1 =
        ClassificationMetrics.ofLabels(classes, new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1});
    ClassificationMetrics s2 =
        ClassificationMetrics.ofLabels(classes, new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1});
    MeanAndError m = MeanAndError.of(List.of(s1, s2));
    assertEquals(2, m.splits());
    assertEquals(0.875, m.accuracy().mean(), 1e-15);
    assertEquals(0.125, m.accuracy().standardError(), 1e-15); // sd 0.1768 / sqrt 2
    assertEquals(MeanAndError.OVERALL, List.copyOf(m.overall().keySet()));
    // class a recall: 1 and 0.5
    assertEquals(0.75, m.perClass().get("a").get("recall").mean(), 1e-15);
    assertEquals(0.25, m.perClass().get("a").get("recall").standardError(), 1e-15);
    assertEquals(List.of("class", "precision", "recall", "F1"), m.table().get(0));
    assertEquals("a", m.table().get(1).get(0));
  }

  @Test
  void rejectsNoSplitsAndDifferentClasses() {
    assertThrows(IllegalArgumentException.class, () -> MeanAndError.of(List.of()));
    ClassificationMetrics ab =
        ClassificationMetrics.ofLabels(List.of("a", "b"), new int[] {0}, new int[] {0});
    ClassificationMetrics ac =
        ClassificationMetrics.ofLabels(List.of("a", "c"), new int[] {0}, new int[] {0});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MeanAndError.of(List.of(ab, ac)));
    assertEquals("all splits must have the same classes, got [a, b] and [a, c]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> m().figure("nope"));
  }

  private static MeanAndError m() {
    return MeanAndError.of(
        List.of(ClassificationMetrics.ofLabels(List.of("a", "b"), new int[] {0}, new int[] {0})));
  }
}
