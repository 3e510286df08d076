package org.radioclr.detect.eval;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.radioclr.formats.labels.DetectionClass;

/**
 * The counts of a caesar-mrcnn evaluation and the figures made of them (paper §4.3), per class and
 * for the SOURCE group (COMPACT, EXTENDED, EXTENDED-MULTISLAND).
 *
 * <ul>
 *   <li>completeness of class c: true objects of c matched to a detection of class c, over the true
 *       objects of c; of SOURCE: true sources matched to a detection of a SOURCE class;
 *   <li>reliability of c: detections of c whose best match is a true object of c, over the
 *       detections of c; of SOURCE: detections of a SOURCE class matching a true source;
 *   <li>F1: their harmonic mean (0 when both are 0; NaN when either is undefined).
 * </ul>
 *
 * @param confusion {@code confusion[true class][detected class]}: true objects matched
 * @param trueCount true objects per class
 * @param detCount detections per class (after {@link CaesarPostProcess})
 * @param detRight detections per class matching a true object of their class
 * @param sourceTrue true sources
 * @param sourceFound true sources matched to a detection of a SOURCE class
 * @param sourceDet detections of a SOURCE class
 * @param sourceDetRight those matching a true source
 */
public record DetectionMetrics(
    int[][] confusion,
    int[] trueCount,
    int[] detCount,
    int[] detRight,
    int sourceTrue,
    int sourceFound,
    int sourceDet,
    int sourceDetRight) {

  /** The classes of the SOURCE group. */
  public static final Set<DetectionClass> SOURCE =
      EnumSet.of(
          DetectionClass.COMPACT, DetectionClass.EXTENDED, DetectionClass.EXTENDED_MULTISLAND);

  /** Completeness of class {@code c}; NaN without true objects of it. */
  public double completeness(DetectionClass c) {
    int i = c.ordinal();
    return ratio(confusion[i][i], trueCount[i]);
  }

  /** Reliability of class {@code c}; NaN without detections of it. */
  public double reliability(DetectionClass c) {
    int i = c.ordinal();
    return ratio(detRight[i], detCount[i]);
  }

  /** F1 of class {@code c}. */
  public double f1(DetectionClass c) {
    return f1(completeness(c), reliability(c));
  }

  /** Completeness of the SOURCE group. */
  public double sourceCompleteness() {
    return ratio(sourceFound, sourceTrue);
  }

  /** Reliability of the SOURCE group. */
  public double sourceReliability() {
    return ratio(sourceDetRight, sourceDet);
  }

  /** F1 of the SOURCE group. */
  public double sourceF1() {
    return f1(sourceCompleteness(), sourceReliability());
  }

  /** Harmonic mean; 0 when both are 0, NaN when either is NaN. */
  public static double f1(double c, double r) {
    if (Double.isNaN(c) || Double.isNaN(r)) {
      return Double.NaN;
    }
    return c + r == 0 ? 0 : 2 * c * r / (c + r);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? Double.NaN : a / (double) b;
  }

  /**
   * The figures as a JSON-ready map: {@code SOURCE} and each class with {@code completeness},
   * {@code reliability}, {@code f1} (null when undefined), {@code n_true}, {@code n_det}; and the
   * confusion matrix.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "SOURCE",
        entry(sourceCompleteness(), sourceReliability(), sourceF1(), sourceTrue, sourceDet));
    for (DetectionClass c : DetectionClass.values()) {
      out.put(
          c.label(),
          entry(
              completeness(c),
              reliability(c),
              f1(c),
              trueCount[c.ordinal()],
              detCount[c.ordinal()]));
    }
    Map<String, Object> cm = new LinkedHashMap<>();
    for (DetectionClass t : DetectionClass.values()) {
      Map<String, Integer> row = new LinkedHashMap<>();
      for (DetectionClass d : DetectionClass.values()) {
        row.put(d.label(), confusion[t.ordinal()][d.ordinal()]);
      }
      cm.put(t.label(), row);
    }
    out.put("confusion_true_vs_detected", cm);
    return out;
  }

  private static Map<String, Object> entry(double c, double r, double f, int nt, int nd) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("completeness", Double.isNaN(c) ? null : c);
    m.put("reliability", Double.isNaN(r) ? null : r);
    m.put("f1", Double.isNaN(f) ? null : f);
    m.put("n_true", nt);
    m.put("n_det", nd);
    return m;
  }
}
