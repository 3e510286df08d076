package org.radioclr.detect.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.detect.Instance;
import org.radioclr.detect.PixelSet;
import org.radioclr.formats.labels.DetectionClass;

class CaesarEvaluatorTest {
  private static final int W = 40;
  private static final int H = 30;

  /** The inclusive rectangle x0..x1, y0..y1. */
  static PixelSet rect(int x0, int y0, int x1, int y1) {
    List<Integer> idx = new ArrayList<>();
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        idx.add(y * W + x);
      }
    }
    return PixelSet.of(W, H, idx.stream().mapToInt(Integer::intValue).toArray());
  }

  private static Instance det(PixelSet p, DetectionClass c, double score) {
    return new Instance(p, c, score);
  }

  private static DetectionMetrics eval(List<Instance> truth, List<Instance> det) {
    CaesarEvaluator e = new CaesarEvaluator(EvalConfig.PAPER);
    e.add(truth, det);
    return e.metrics();
  }

  @Test
  void exactDetectionsGiveOneAndScoresBelowThresholdAreDropped() {
    List<Instance> truth =
        List.of(
            Instance.truth(rect(2, 2, 5, 5), DetectionClass.COMPACT),
            Instance.truth(rect(20, 10, 30, 14), DetectionClass.EXTENDED));
    DetectionMetrics m =
        eval(
            truth,
            List.of(
                det(rect(2, 2, 5, 5), DetectionClass.COMPACT, 0.9),
                det(rect(20, 10, 30, 14), DetectionClass.EXTENDED, 0.49)));
    assertEquals(1.0, m.completeness(DetectionClass.COMPACT));
    assertEquals(0.0, m.completeness(DetectionClass.EXTENDED), "score 0.49 < 0.5 is dropped");
    assertEquals(0.5, m.sourceCompleteness());
    assertEquals(1.0, m.sourceReliability());
    assertEquals(2 * 0.5 / 1.5, m.sourceF1(), 1e-12);
  }

  @Test
  void sameClassOverlappingHalvesMergeIntoOneMatchingDetection() {
    Instance t = Instance.truth(rect(10, 10, 19, 13), DetectionClass.EXTENDED);
    // truth 10x4 = 40 px; a (5 columns) and b (8 columns) overlap by 3 columns: IoU(a, b) = 0.3
    PixelSet a = rect(10, 10, 14, 13);
    PixelSet b = rect(12, 10, 19, 13);
    assertEquals(0.3, a.iou(b), 1e-12);
    assertEquals(0.5, a.iou(t.pixels()), 1e-12, "a alone would be a false detection");
    CaesarEvaluator e = new CaesarEvaluator(EvalConfig.PAPER);
    List<Instance> kept =
        e.add(
            List.of(t),
            List.of(det(a, DetectionClass.EXTENDED, 0.9), det(b, DetectionClass.EXTENDED, 0.7)));
    assertEquals(1, kept.size(), "merged");
    assertEquals(t.pixels(), kept.get(0).pixels());
    assertEquals(0.8, kept.get(0).score(), 1e-12, "mean score of the merged group");
    assertEquals(1.0, e.metrics().completeness(DetectionClass.EXTENDED));
    assertEquals(1.0, e.metrics().reliability(DetectionClass.EXTENDED));
  }

  @Test
  void touchingDetectionsOfOtherClassesKeepOnlyTheBestOfTheClique() {
    Instance t = Instance.truth(rect(10, 10, 19, 13), DetectionClass.EXTENDED);
    // three mutually touching detections; compact scores highest
    PixelSet compact = rect(10, 10, 19, 13);
    PixelSet ext = rect(10, 10, 19, 14);
    PixelSet flagged = rect(11, 11, 18, 12);
    CaesarEvaluator e = new CaesarEvaluator(EvalConfig.PAPER);
    List<Instance> kept =
        e.add(
            List.of(t),
            List.of(
                det(ext, DetectionClass.EXTENDED, 0.8),
                det(compact, DetectionClass.COMPACT, 0.95),
                det(flagged, DetectionClass.FLAGGED, 0.6)));
    assertEquals(1, kept.size());
    assertEquals(DetectionClass.COMPACT, kept.get(0).detectionClass());
    DetectionMetrics m = e.metrics();
    assertEquals(0.0, m.completeness(DetectionClass.EXTENDED), "found with the wrong class");
    assertEquals(1.0, m.sourceCompleteness(), "but as a SOURCE class");
    assertEquals(
        1, m.confusion()[DetectionClass.EXTENDED.ordinal()][DetectionClass.COMPACT.ordinal()]);
    assertEquals(0.0, m.reliability(DetectionClass.COMPACT));
    assertEquals(1.0, m.sourceReliability());
  }

  @Test
  void spuriousTouchingASourceWithSmallOverlapIsKeptApart() {
    Instance src = Instance.truth(rect(10, 10, 14, 14), DetectionClass.COMPACT);
    Instance ring = Instance.truth(rect(15, 10, 25, 14), DetectionClass.SPURIOUS);
    List<Instance> kept =
        new CaesarEvaluator(EvalConfig.PAPER)
            .add(
                List.of(src, ring),
                List.of(
                    det(src.pixels(), DetectionClass.COMPACT, 0.9),
                    det(ring.pixels(), DetectionClass.SPURIOUS, 0.8)));
    assertEquals(2, kept.size(), "touching, IoU 0 < 0.3: not a clique");
  }

  @Test
  void oneTrueObjectTwoDetectionsOnlyTheBestMatches() {
    Instance t = Instance.truth(rect(0, 0, 9, 9), DetectionClass.COMPACT);
    DetectionMetrics m =
        eval(
            List.of(t),
            List.of(
                det(rect(0, 0, 9, 7), DetectionClass.COMPACT, 0.9), // IoU 0.8
                det(rect(0, 9, 9, 9), DetectionClass.COMPACT, 0.9))); // IoU 0.1, disjoint
    assertEquals(1.0, m.completeness(DetectionClass.COMPACT));
    assertEquals(2, m.detCount()[DetectionClass.COMPACT.ordinal()]);
    assertEquals(0.5, m.reliability(DetectionClass.COMPACT));
  }

  @Test
  void emptyDetectionsAndEmptyTruth() {
    Instance t = Instance.truth(rect(0, 0, 4, 4), DetectionClass.COMPACT);
    DetectionMetrics none = eval(List.of(t), List.of());
    assertEquals(0.0, none.sourceCompleteness());
    assertTrue(Double.isNaN(none.sourceReliability()));
    assertTrue(Double.isNaN(none.sourceF1()));
    DetectionMetrics noTruth =
        eval(List.of(), List.of(det(t.pixels(), DetectionClass.COMPACT, 0.9)));
    assertTrue(Double.isNaN(noTruth.sourceCompleteness()));
    assertEquals(0.0, noTruth.sourceReliability());
    DetectionMetrics nothing = eval(List.of(), List.of());
    assertEquals(0, nothing.sourceTrue() + nothing.sourceDet());
    assertEquals(null, ((java.util.Map<?, ?>) nothing.toMap().get("SOURCE")).get("f1"));
  }

  @Test
  void countsAccumulateOverImages() {
    CaesarEvaluator e = new CaesarEvaluator(EvalConfig.PAPER);
    Instance t = Instance.truth(rect(0, 0, 4, 4), DetectionClass.COMPACT);
    e.add(List.of(t), List.of(det(t.pixels(), DetectionClass.COMPACT, 1)));
    e.add(List.of(t), List.of());
    assertEquals(0.5, e.metrics().completeness(DetectionClass.COMPACT));
    assertEquals(1.0, e.metrics().reliability(DetectionClass.COMPACT));
  }

  @Test
  void badThresholdsAreRefused() {
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> new EvalConfig(1.5, 0.6, 0.3));
    assertTrue(ex.getMessage().contains("score threshold"), ex.getMessage());
  }
}
