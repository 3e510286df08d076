package org.radioclr.detect.eval;

import java.util.List;
import org.radioclr.detect.Instance;
import org.radioclr.formats.labels.DetectionClass;

/**
 * Accumulates caesar-mrcnn's detection figures over images (paper §4.3; {@code
 * compute_performances} of caesar-mrcnn-tf2's {@code Analyzer}): the detections of each image go
 * through {@link CaesarPostProcess}; each true object is matched to the detection of highest mask
 * IoU at least the IoU threshold (the later one on a tie), and each detection to the true object of
 * highest mask IoU at least the threshold, independently (a detection may match several true
 * objects). Not thread-safe.
 */
public final class CaesarEvaluator {
  private static final int N = DetectionClass.values().length;

  private final EvalConfig config;
  private final CaesarPostProcess post;
  private final int[][] confusion = new int[N][N];
  private final int[] trueCount = new int[N];
  private final int[] detCount = new int[N];
  private final int[] detRight = new int[N];
  private int sourceTrue;
  private int sourceFound;
  private int sourceDet;
  private int sourceDetRight;

  public CaesarEvaluator(EvalConfig config) {
    this.config = config;
    this.post = new CaesarPostProcess(config);
  }

  /**
   * Adds one image.
   *
   * @param truth its true objects
   * @param detections its raw detections (before score cut and merging)
   * @return the detections kept by the post-processing, as matched
   */
  public List<Instance> add(List<Instance> truth, List<Instance> detections) {
    List<Instance> det = post.apply(detections);
    for (Instance t : truth) {
      int tc = t.detectionClass().ordinal();
      trueCount[tc]++;
      boolean trueSource = DetectionMetrics.SOURCE.contains(t.detectionClass());
      if (trueSource) {
        sourceTrue++;
      }
      Instance best = bestMatch(t, det);
      if (best != null) {
        confusion[tc][best.detectionClass().ordinal()]++;
        if (trueSource && DetectionMetrics.SOURCE.contains(best.detectionClass())) {
          sourceFound++;
        }
      }
    }
    for (Instance d : det) {
      int dc = d.detectionClass().ordinal();
      detCount[dc]++;
      boolean detSource = DetectionMetrics.SOURCE.contains(d.detectionClass());
      if (detSource) {
        sourceDet++;
      }
      Instance best = bestMatch(d, truth);
      if (best != null) {
        if (best.detectionClass() == d.detectionClass()) {
          detRight[dc]++;
        }
        if (detSource && DetectionMetrics.SOURCE.contains(best.detectionClass())) {
          sourceDetRight++;
        }
      }
    }
    return det;
  }

  private Instance bestMatch(Instance x, List<Instance> candidates) {
    Instance best = null;
    double bestIou = 0;
    for (Instance c : candidates) {
      double iou = x.pixels().iou(c.pixels());
      if (iou >= config.iouThreshold() && iou >= bestIou) {
        best = c;
        bestIou = iou;
      }
    }
    return best;
  }

  /** The figures so far. */
  public DetectionMetrics metrics() {
    int[][] cm = new int[N][];
    for (int i = 0; i < N; i++) {
      cm[i] = confusion[i].clone();
    }
    return new DetectionMetrics(
        cm,
        trueCount.clone(),
        detCount.clone(),
        detRight.clone(),
        sourceTrue,
        sourceFound,
        sourceDet,
        sourceDetRight);
  }
}
