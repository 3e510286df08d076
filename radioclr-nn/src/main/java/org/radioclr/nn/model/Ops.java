package org.radioclr.nn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.function.UnaryOperator;

/**
 * Parameter-free layers as blocks with exact output shapes (DJL's lambda blocks probe shapes by
 * running the function): ReLU, torchvision's 3x3/2 max-pool and the global average pool.
 */
final class Ops extends AbstractBlock {
  private static final byte VERSION = 1;

  private final String kind;
  private final UnaryOperator<NDArray> function;
  private final UnaryOperator<Shape> shapeFunction;

  private Ops(String kind, UnaryOperator<NDArray> function, UnaryOperator<Shape> shapeFunction) {
    super(VERSION);
    this.kind = kind;
    this.function = function;
    this.shapeFunction = shapeFunction;
  }

  /** Element-wise max(x, 0). */
  static Ops relu() {
    return new Ops("ReLU", Activation::relu, s -> s);
  }

  /** Max-pool 3x3, stride 2, padding 1 on {@code [N][C][H][W]} (torchvision's stem pool). */
  static Ops maxPool3x3Stride2() {
    Shape kernel = new Shape(3, 3);
    Shape stride = new Shape(2, 2);
    Shape pad = new Shape(1, 1);
    return new Ops(
        "MaxPool2d(3x3/2)",
        x -> Pool.maxPool2d(x, kernel, stride, pad, false),
        s -> new Shape(s.get(0), s.get(1), convOut(s.get(2), 3, 2, 1), convOut(s.get(3), 3, 2, 1)));
  }

  /** Mean over H and W: {@code [N][C][H][W] -> [N][C]} (adaptive avg-pool to 1x1 + flatten). */
  static Ops globalAvgPool() {
    return new Ops(
        "AdaptiveAvgPool2d+flatten",
        // DJL's PyTorch mean() takes one axis only; adaptive pooling to 1x1 is torchvision's op
        x -> Pool.globalAvgPool2d(x).reshape(x.getShape().get(0), x.getShape().get(1)),
        s -> new Shape(s.get(0), s.get(1)));
  }

  static long convOut(long in, int kernel, int stride, int padding) {
    return (in + 2L * padding - kernel) / stride + 1;
  }

  String kind() {
    return kind;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    return new NDList(function.apply(inputs.singletonOrThrow()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {shapeFunction.apply(inputShapes[0])};
  }

  @Override
  public String toString() {
    return kind;
  }
}
