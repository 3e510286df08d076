package org.radioclr.anomaly.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radioclr.anomaly.labels.FrameLabels;
import org.radioclr.core.BadInputException;
import org.radioclr.formats.table.ScoreTable;

class AnomalyEvaluationTest {
  static final double EPS = 1e-12;

  /** Ten frames with hand-computed metrics (see the assertions). */
  static ScoreTable tenFrames() {
    double[] s = {0.95, 0.90, 0.85, 0.80, 0.70, 0.60, 0.50, 0.40, 0.30, 0.20};
    String[] labels = {
      "PECULIAR",
      "PECULIAR;EXTENDED",
      "DIFFUSE",
      "COMPACT",
      "PECULIAR",
      "",
      "COMPACT;ARTEFACT",
      "EXTENDED;COMPACT",
      "COMPACT",
      ""
    };
    return table(s, labels);
  }

  static ScoreTable table(double[] s, String[] labels) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < s.length; i++) {
      names.add("fr" + i);
    }
    return new ScoreTable(
        Path.of("scores.csv"),
        names,
        Collections.nCopies(s.length, ""),
        List.of(labels),
        Map.of(),
        s,
        new boolean[s.length]);
  }

  @Test
  void metricsMatchHandComputedValues() {
    ScoreTable t = tenFrames();
    EvaluationResult r = AnomalyEvaluation.evaluate(t, GroupedScores.labelsOf(t));
    GroupCounts tot = r.totals();
    assertEquals(new GroupCounts(10, 3, 2, 3, 2, 2), tot);
    assertEquals(10, r.curve().size());
    assertEquals(0.20, r.curve().get(0).threshold());
    assertEquals(0.95, r.curve().get(9).threshold());
    // threshold 0.6 selects the first six frames: P P C O(compact) P U, five of them labelled;
    // precision and contamination are shares of those five, the unlabelled share of all six
    ThresholdMetrics m = r.curve().get(4);
    assertEquals(0.60, m.threshold());
    assertEquals(new GroupCounts(6, 3, 1, 1, 1, 1), m.above());
    assertEquals(5, m.above().labelled());
    assertEquals(1.0, m.recall(), EPS);
    assertEquals(3.0 / 5, m.precision(), EPS);
    assertEquals(4.0 / 5, m.precisionPeculiarOrComplex(), EPS);
    assertEquals(1.0 / 5, m.contamination(FrameGroup.ORDINARY), EPS);
    assertEquals(1.0 / 5, m.contamination(FrameGroup.COMPACT_ONLY), EPS);
    assertEquals(1.0 / 5, m.contamination(FrameGroup.COMPLEX), EPS);
    assertEquals(1.0 / 6, m.unlabelledShare(), EPS);
    // recall = precision = 2/3 at 0.85 (three selected, two peculiar); below it 0.80 has
    // precision - recall = 1/2 - 2/3 = -1/6, so the crossing is exactly 0.85
    assertTrue(r.crossed());
    assertEquals(0.85, r.crossing().threshold());
    assertEquals(0.85, r.crossingThreshold(), EPS);
    assertEquals(2.0 / 3, r.crossing().recall(), EPS);
    assertEquals(2.0 / 3, r.crossing().precision(), EPS);
    assertEquals(1.0, r.crossing().precisionPeculiarOrComplex(), EPS);
    assertEquals(0.0, r.crossing().contamination(FrameGroup.ORDINARY), EPS);
    assertEquals(1.0 / 3, r.crossing().contamination(FrameGroup.COMPLEX), EPS);
    assertEquals(0.0, r.crossing().unlabelledShare(), EPS);
  }

  @Test
  void crossingIsInterpolatedAcrossTiedScores() {
    // P 0.9, P 0.8, O 0.7, O 0.7, P 0.6, O 0.5: at 0.7 precision - recall = 2/4 - 2/3 = -1/6,
    // at 0.8 it is 1 - 2/3 = 1/3: crossing at 0.7 + 0.1 * (1/6) / (1/2) = 0.7333..., nearest 0.7
    ScoreTable t =
        table(
            new double[] {0.9, 0.8, 0.7, 0.7, 0.6, 0.5},
            new String[] {"PECULIAR", "PECULIAR", "COMPACT", "ARTEFACT", "PECULIAR", "BACKGROUND"});
    EvaluationResult r = AnomalyEvaluation.evaluate(t, GroupedScores.labelsOf(t));
    assertEquals(5, r.curve().size());
    assertEquals(0.7 + 0.1 / 3, r.crossingThreshold(), 1e-12);
    assertEquals(0.7, r.crossing().threshold());
    assertEquals(4, r.crossing().above().all());
    // P P O O selected: half of the selected labelled frames are ordinary
    assertEquals(0.5, r.crossing().contamination(FrameGroup.ORDINARY), EPS);
  }

  @Test
  void allTiedScoresNeverCross() {
    ScoreTable t =
        table(new double[] {0.5, 0.5, 0.5}, new String[] {"PECULIAR", "COMPACT", "COMPACT"});
    EvaluationResult r = AnomalyEvaluation.evaluate(t, GroupedScores.labelsOf(t));
    assertFalse(r.crossed());
    assertEquals(0.5, r.crossingThreshold());
    assertEquals(1.0 / 3, r.crossing().precision(), EPS);
    assertTrue(EvaluationWriter.table(r).contains("precision never reaches recall"));
  }

  @Test
  void badInputIsOneClearErrorEach() {
    ScoreTable none = table(new double[] {0.9, 0.1}, new String[] {"COMPACT", "DIFFUSE"});
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> AnomalyEvaluation.evaluate(none, GroupedScores.labelsOf(none)));
    assertEquals(
        "scores.csv: no frame is labelled PECULIAR, so recall and precision cannot be measured;"
            + " labels seen: COMPACT, DIFFUSE",
        e.getMessage());
    ScoreTable empty = table(new double[0], new String[0]);
    BadInputException e2 =
        assertThrows(
            BadInputException.class,
            () -> AnomalyEvaluation.evaluate(empty, GroupedScores.labelsOf(empty)));
    assertEquals("scores.csv: empty score table: no frames to evaluate", e2.getMessage());
    ScoreTable typo = table(new double[] {0.9}, new String[] {"PECULAR"});
    BadInputException e3 =
        assertThrows(
            BadInputException.class,
            () -> AnomalyEvaluation.evaluate(typo, GroupedScores.labelsOf(typo)));
    assertTrue(
        e3.getMessage().startsWith("scores.csv: frame 'fr0': unknown frame label 'PECULAR'"),
        e3.getMessage());
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("elsewhere", List.of("PECULIAR"));
    BadInputException e4 =
        assertThrows(
            BadInputException.class,
            () -> AnomalyEvaluation.evaluate(tenFrames(), new FrameLabels(Path.of("l.json"), m)));
    assertEquals(
        "l.json: 1 labelled frame(s) are not in scores.csv, e.g. [elsewhere]", e4.getMessage());
  }
}
