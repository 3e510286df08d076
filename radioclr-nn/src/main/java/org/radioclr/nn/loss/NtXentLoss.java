package org.radioclr.nn.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * NT-Xent, the normalised temperature-scaled cross-entropy of SimCLR (Chen et al. 2020, eq. 1; the
 * paper's §2.1), computed on NDArrays so that it runs and back-propagates on the device of the
 * embeddings.
 *
 * <p>For N positive pairs the 2N embeddings {@code z} ({@code [2N][D]}, rows {@code k} and {@code k
 * + N} are the two views of image {@code k}) are L2-normalised, the cosine similarities {@code s_ab
 * = z_a . z_b / tau} form a 2N x 2N matrix whose diagonal is masked out, and each row is a softmax
 * classification whose target is the other view: {@code l_a = -s_a,pos(a) + log sum_{b != a}
 * exp(s_ab)}. The loss is the mean of {@code l_a} over the 2N rows (a scalar). Its lower bound is
 * 0; for unrelated embeddings it is about {@code log(2N - 1)}.
 *
 * <p>As a DJL {@link Loss}, {@link #evaluate(NDList, NDList)} ignores the labels and takes the last
 * array of the predictions as {@code z} (the projections of {@link
 * org.radioclr.nn.model.SimclrModel}). Intermediate arrays belong to the manager of {@code z}.
 */
public final class NtXentLoss extends Loss {
  /** The paper's software's temperature. */
  public static final double DEFAULT_TEMPERATURE = 0.1;

  /** Norms below this are treated as this (PyTorch's {@code F.normalize} eps). */
  private static final float NORM_EPS = 1e-12f;

  /** Subtracted from the diagonal logits: exp() of it is 0 in float32 for any temperature. */
  private static final float MASK = 1e9f;

  private final double temperature;

  /** NT-Xent with the default temperature 0.1. */
  public NtXentLoss() {
    this(DEFAULT_TEMPERATURE);
  }

  /**
   * NT-Xent with the given temperature.
   *
   * @param temperature tau, finite and &gt; 0
   */
  public NtXentLoss(double temperature) {
    super("NtXentLoss");
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
    }
    this.temperature = temperature;
  }

  /** The temperature tau. */
  public double temperature() {
    return temperature;
  }

  /**
   * Loss of two views: {@code zi} and {@code zj}, each {@code [N][D]}, row k of one paired with row
   * k of the other.
   */
  public NDArray compute(NDArray zi, NDArray zj) {
    if (!zi.getShape().equals(zj.getShape())) {
      throw new IllegalArgumentException(
          "the two views must have the same shape, got " + zi.getShape() + " and " + zj.getShape());
    }
    return compute(zi.concat(zj, 0));
  }

  /**
   * Loss of 2N stacked embeddings {@code [2N][D]}: rows k and k + N are a positive pair.
   *
   * @return a scalar NDArray
   * @throws IllegalArgumentException when z is not 2-D or its row count is odd or below 2
   */
  public NDArray compute(NDArray z) {
    Shape shape = z.getShape();
    if (shape.dimension() != 2 || shape.get(0) < 2 || shape.get(0) % 2 != 0 || shape.get(1) < 1) {
      throw new IllegalArgumentException(
          "NT-Xent needs [2N][D] embeddings with N >= 1 and D >= 1, got " + shape);
    }
    int rows = Math.toIntExact(shape.get(0));
    int n = rows / 2;
    NDManager manager = z.getManager();
    DataType type = z.getDataType();
    NDArray norms = z.norm(new int[] {1}, true).maximum(NORM_EPS);
    NDArray unit = z.div(norms);
    NDArray logits = unit.matMul(unit.transpose()).div(temperature);
    NDArray masked = logits.sub(manager.eye(rows).toType(type, false).mul(MASK));
    // [[0, I], [I, 0]]: DJL's PyTorch manager has no off-diagonal eye
    NDArray identity = manager.eye(n).toType(type, false);
    NDArray zeros = manager.zeros(new Shape(n, n), type);
    NDArray positives = zeros.concat(identity, 1).concat(identity.concat(zeros, 1), 0);
    NDArray logProbabilities = masked.logSoftmax(1);
    return logProbabilities.mul(positives).sum().neg().div(rows);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The labels are ignored; the last array of {@code predictions} must be {@code [2N][D]}.
   */
  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    if (predictions.isEmpty()) {
      throw new IllegalArgumentException("NT-Xent needs the projections, got no predictions");
    }
    return compute(predictions.get(predictions.size() - 1));
  }
}
