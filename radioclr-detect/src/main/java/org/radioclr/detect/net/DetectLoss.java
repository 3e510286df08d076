package org.radioclr.detect.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Panoptic-DeepLab's loss for {@link DetectBlock}: pixel-wise softmax cross-entropy of the semantic
 * classes (object pixels weighted {@code foregroundWeight}, as Panoptic-DeepLab weights small
 * instances), plus {@code centerWeight} × the mean squared error of the centre heatmap, plus {@code
 * offsetWeight} × the mean L1 error of the offsets over object pixels (pixels).
 *
 * @param foregroundWeight weight of object pixels in the cross-entropy (background 1)
 * @param centerWeight weight of the heatmap MSE (Panoptic-DeepLab: 200)
 * @param offsetWeight weight of the offset L1 (Panoptic-DeepLab: 0.01)
 */
public record DetectLoss(double foregroundWeight, double centerWeight, double offsetWeight) {

  /**
   * Object pixels ×2, heatmap ×50, offsets ×0.01 (Panoptic-DeepLab's heatmap weight of 200 swamped
   * the semantic term on our sparse radio frames in short CPU runs).
   */
  public static final DetectLoss DEFAULT = new DetectLoss(2, 50, 0.01);

  /** The targets of a batch as arrays on {@code manager}. */
  public record Batch(NDArray oneHot, NDArray weight, NDArray center, NDArray offset, NDArray fg) {}

  /** Stacks the targets of one batch ({@code [N][...][H][W]} arrays). */
  public Batch batch(NDManager manager, List<Targets> targets) {
    int b = targets.size();
    int w = targets.get(0).width();
    int h = targets.get(0).height();
    int n = w * h;
    float[] oneHot = new float[b * DetectBlock.CLASSES * n];
    float[] weight = new float[b * n];
    float[] center = new float[b * n];
    float[] offset = new float[b * 2 * n];
    float[] fg = new float[b * n];
    for (int k = 0; k < b; k++) {
      Targets t = targets.get(k);
      if (t.width() != w || t.height() != h) {
        throw new IllegalArgumentException("targets of one batch must share their size");
      }
      for (int i = 0; i < n; i++) {
        int c = t.semantic()[i];
        oneHot[(k * DetectBlock.CLASSES + c) * n + i] = 1;
        boolean object = c != 0;
        weight[k * n + i] = object ? (float) foregroundWeight : 1f;
        fg[k * n + i] = object ? 1f : 0f;
      }
      System.arraycopy(t.center(), 0, center, k * n, n);
      System.arraycopy(t.offset(), 0, offset, k * 2 * n, 2 * n);
    }
    return new Batch(
        manager.create(oneHot, new Shape(b, DetectBlock.CLASSES, h, w)),
        manager.create(weight, new Shape(b, 1, h, w)),
        manager.create(center, new Shape(b, 1, h, w)),
        manager.create(offset, new Shape(b, 2, h, w)),
        manager.create(fg, new Shape(b, 1, h, w)));
  }

  /** The scalar loss of the outputs of {@link DetectBlock} against {@code t}. */
  public NDArray loss(NDList out, Batch t) {
    NDArray logp = out.get(DetectBlock.SEMANTIC).logSoftmax(1);
    NDArray ce = t.oneHot().mul(logp).sum(new int[] {1}, true).neg();
    NDArray sem = ce.mul(t.weight()).sum().div(t.weight().sum());
    NDArray ctr = out.get(DetectBlock.CENTER).sub(t.center()).square().mean();
    NDArray off =
        out.get(DetectBlock.OFFSET)
            .sub(t.offset())
            .abs()
            .mul(t.fg())
            .sum()
            .div(t.fg().sum().add(1f));
    return sem.add(ctr.mul((float) centerWeight)).add(off.mul((float) offsetWeight));
  }
}
