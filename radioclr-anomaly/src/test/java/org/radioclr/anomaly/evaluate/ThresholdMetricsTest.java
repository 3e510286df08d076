package org.radioclr.anomaly.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdMetricsTest {
  static final double EPS = 1e-12;

  /**
   * The paper's Table 4, top10 row (recall 59.1, precision 58.7, precision P+C 97.4, contamination
   * by complex 38.7 and by ordinary frames 2.6), rebuilt by hand from its 428 peculiar frames: 253
   * of them selected (253/428 = 59.1%) among 431 selected labelled frames (253/431 = 58.7%), with
   * 167 complex (38.7%) and 11 ordinary ones (2.6%, 4 of them compact-only); 569 unlabelled frames
   * are selected beside them. The shares of the labelled selected frames add up to 100%, as the
   * paper's do (58.7 + 38.7 + 2.6 = 100; 97.4 + 2.6 = 100); the unlabelled frames do not dilute
   * them.
   */
  static final GroupCounts SELECTED = new GroupCounts(1000, 253, 167, 11, 4, 569);

  static final GroupCounts ALL = new GroupCounts(13428, 428, 1000, 5000, 3000, 7000);

  @Test
  void reproducesThePapersTable4Arithmetic() {
    ThresholdMetrics m = new ThresholdMetrics(0.725, SELECTED, ALL);
    assertEquals(431, SELECTED.labelled());
    assertEquals(253.0 / 428, m.recall(), EPS);
    assertEquals(253.0 / 431, m.precision(), EPS);
    assertEquals(420.0 / 431, m.precisionPeculiarOrComplex(), EPS);
    assertEquals(167.0 / 431, m.contamination(FrameGroup.COMPLEX), EPS);
    assertEquals(11.0 / 431, m.contamination(FrameGroup.ORDINARY), EPS);
    assertEquals(4.0 / 431, m.contamination(FrameGroup.COMPACT_ONLY), EPS);
    assertEquals(569.0 / 1000, m.unlabelledShare(), EPS);
    // the paper's rounded figures
    assertEquals("59.1", pct(m.recall()));
    assertEquals("58.7", pct(m.precision()));
    assertEquals("97.4", pct(m.precisionPeculiarOrComplex()));
    assertEquals("38.7", pct(m.contamination(FrameGroup.COMPLEX)));
    assertEquals("2.6", pct(m.contamination(FrameGroup.ORDINARY)));
    // precision + contamination shares = 100% of the labelled selected frames
    assertEquals(
        1.0,
        m.precision() + m.contamination(FrameGroup.COMPLEX) + m.contamination(FrameGroup.ORDINARY),
        EPS);
    assertEquals(1.0, m.precisionPeculiarOrComplex() + m.contamination(FrameGroup.ORDINARY), EPS);
    double f1 = 2 * m.precision() * m.recall() / (m.precision() + m.recall());
    assertEquals(f1, m.f1(), EPS);
  }

  @Test
  void theEvaluationTableShowsTheSameRow() {
    // the selected frames score 0.9, the others 0.1: precision (58.7%) stays below recall
    // (59.1%), so the row nearest the crossing is the 0.9 one
    List<FrameGroup> g = new ArrayList<>();
    List<Boolean> c = new ArrayList<>();
    List<Double> s = new ArrayList<>();
    add(g, c, s, SELECTED, 0.9);
    GroupCounts rest =
        new GroupCounts(
            ALL.all() - SELECTED.all(),
            ALL.peculiar() - SELECTED.peculiar(),
            ALL.complex() - SELECTED.complex(),
            ALL.ordinary() - SELECTED.ordinary(),
            ALL.compactOnly() - SELECTED.compactOnly(),
            ALL.unlabelled() - SELECTED.unlabelled());
    add(g, c, s, rest, 0.1);
    boolean[] compact = new boolean[c.size()];
    for (int i = 0; i < compact.length; i++) {
      compact[i] = c.get(i);
    }
    GroupedScores data =
        new GroupedScores(
            s.stream().mapToDouble(Double::doubleValue).toArray(),
            g.toArray(FrameGroup[]::new),
            compact);
    EvaluationResult r = AnomalyEvaluation.evaluate(data);
    assertFalse(r.crossed());
    assertEquals(ALL, r.totals());
    assertEquals(SELECTED, r.crossing().above());
    assertEquals(
        List.of(
            "0.900", "59.1", "58.7", "97.4", "38.7", "2.6", "0.9", "56.9", "1000 (431)", "253/428"),
        EvaluationWriter.tableRows(r).get(1));
  }

  @Test
  void undefinedSharesAreNaNAndPeculiarOrUnlabelledHaveNoContamination() {
    // only unlabelled frames selected: no labelled frame to take shares of
    ThresholdMetrics m =
        new ThresholdMetrics(
            0.9, new GroupCounts(2, 0, 0, 0, 0, 2), new GroupCounts(5, 1, 1, 1, 0, 2));
    assertEquals(0.0, m.recall());
    assertTrue(Double.isNaN(m.precision()));
    assertTrue(Double.isNaN(m.contamination(FrameGroup.ORDINARY)));
    assertEquals(1.0, m.unlabelledShare());
    assertEquals(0.0, m.f1());
    assertThrows(IllegalArgumentException.class, () -> m.contamination(FrameGroup.UNLABELLED));
    assertThrows(IllegalArgumentException.class, () -> m.contamination(FrameGroup.PECULIAR));
  }

  @Test
  void ofCountsASelection() {
    FrameGroups groups =
        new FrameGroups(
            new FrameGroup[] {
              FrameGroup.PECULIAR, FrameGroup.ORDINARY, FrameGroup.UNLABELLED, FrameGroup.COMPLEX
            },
            new boolean[] {false, true, false, false});
    ThresholdMetrics m = ThresholdMetrics.of(0.5, groups, new boolean[] {true, true, true, false});
    assertEquals(new GroupCounts(3, 1, 0, 1, 1, 1), m.above());
    assertEquals(new GroupCounts(4, 1, 1, 1, 1, 1), m.totals());
    assertEquals(0.5, m.precision(), EPS);
    assertEquals(0.5, m.contamination(FrameGroup.ORDINARY), EPS);
    assertEquals(1.0 / 3, m.unlabelledShare(), EPS);
  }

  private static void add(
      List<FrameGroup> g, List<Boolean> c, List<Double> s, GroupCounts n, double score) {
    int[] k = {n.peculiar(), n.complex(), n.ordinary() - n.compactOnly(), n.compactOnly()};
    FrameGroup[] what = {
      FrameGroup.PECULIAR, FrameGroup.COMPLEX, FrameGroup.ORDINARY, FrameGroup.ORDINARY
    };
    for (int j = 0; j < k.length; j++) {
      for (int i = 0; i < k[j]; i++) {
        g.add(what[j]);
        c.add(j == 3);
        s.add(score);
      }
    }
    for (int i = 0; i < n.unlabelled(); i++) {
      g.add(FrameGroup.UNLABELLED);
      c.add(false);
      s.add(score);
    }
  }

  private static String pct(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", 100 * v);
  }
}
