package org.radioclr.detect.eval;

/**
 * The thresholds of the caesar-mrcnn evaluation.
 *
 * @param scoreThreshold detections scoring below it are dropped (the paper: 0.5)
 * @param iouThreshold smallest mask IoU of a match (the paper: 0.6)
 * @param mergeIouThreshold smallest mask IoU at which touching detections of one class merge, and
 *     below which a touching spurious/other pair is kept apart (caesar-mrcnn: 0.3)
 */
public record EvalConfig(double scoreThreshold, double iouThreshold, double mergeIouThreshold) {

  /** The paper's values: score 0.5, IoU 0.6, merge IoU 0.3. */
  public static final EvalConfig PAPER = new EvalConfig(0.5, 0.6, 0.3);

  public EvalConfig {
    check("score threshold", scoreThreshold);
    check("IoU threshold", iouThreshold);
    check("merge IoU threshold", mergeIouThreshold);
    if (iouThreshold == 0) {
      throw new IllegalArgumentException("IoU threshold must be > 0, got 0");
    }
  }

  private static void check(String what, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be in [0, 1], got " + v);
    }
  }
}
