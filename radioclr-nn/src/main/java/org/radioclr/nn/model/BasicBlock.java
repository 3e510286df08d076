package org.radioclr.nn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * torchvision's {@code BasicBlock} (He et al. 2016, "Deep residual learning", two 3x3 convolutions
 * with a skip connection): {@code relu(bn2(conv2(relu(bn1(conv1(x))))) + downsample(x))}, where
 * {@code conv1} has the block's stride and {@code downsample} (1x1 conv with that stride + batch
 * norm) exists only when the stride is not 1 or the channel count changes. Input {@code
 * [N][C_in][H][W]}, output {@code [N][C_out][H/stride][W/stride]} (rounded up).
 */
public final class BasicBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int outChannels;
  private final int stride;
  private final Block conv1;
  private final Block bn1;
  private final Block conv2;
  private final Block bn2;
  private final Block downsample;

  /**
   * Creates the block.
   *
   * @param inChannels input channels (known at construction so that the downsample branch can be
   *     decided as torchvision does)
   * @param outChannels output channels
   * @param stride stride of the first convolution and of the downsample branch, 1 or 2
   */
  public BasicBlock(int inChannels, int outChannels, int stride) {
    super(VERSION);
    if (inChannels < 1 || outChannels < 1) {
      throw new IllegalArgumentException(
          "channels must be >= 1, got " + inChannels + " -> " + outChannels);
    }
    if (stride != 1 && stride != 2) {
      throw new IllegalArgumentException("stride must be 1 or 2, got " + stride);
    }
    this.outChannels = outChannels;
    this.stride = stride;
    conv1 = addChildBlock("conv1", Layers.conv(outChannels, 3, stride, 1));
    bn1 = addChildBlock("bn1", Layers.batchNorm());
    conv2 = addChildBlock("conv2", Layers.conv(outChannels, 3, 1, 1));
    bn2 = addChildBlock("bn2", Layers.batchNorm());
    if (stride != 1 || inChannels != outChannels) {
      downsample =
          addChildBlock(
              "downsample",
              new NamedSequentialBlock()
                  .add("0", Layers.conv(outChannels, 1, stride, 0))
                  .add("1", Layers.batchNorm()));
    } else {
      downsample = null;
    }
  }

  /** Whether the skip connection has a 1x1 conv + batch norm. */
  public boolean hasDownsample() {
    return downsample != null;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList out = conv1.forward(ps, inputs, training, params);
    out = bn1.forward(ps, out, training, params);
    out = new NDList(Activation.relu(out.singletonOrThrow()));
    out = conv2.forward(ps, out, training, params);
    out = bn2.forward(ps, out, training, params);
    NDArray identity =
        downsample == null
            ? inputs.singletonOrThrow()
            : downsample.forward(ps, inputs, training, params).singletonOrThrow();
    return new NDList(Activation.relu(out.singletonOrThrow().add(identity)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {
      new Shape(
          in.get(0),
          outChannels,
          Ops.convOut(in.get(2), 3, stride, 1),
          Ops.convOut(in.get(3), 3, stride, 1))
    };
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    conv1.initialize(manager, dataType, inputShapes);
    Shape[] mid = conv1.getOutputShapes(inputShapes);
    bn1.initialize(manager, dataType, mid);
    conv2.initialize(manager, dataType, mid);
    bn2.initialize(manager, dataType, conv2.getOutputShapes(mid));
    if (downsample != null) {
      downsample.initialize(manager, dataType, inputShapes);
    }
  }
}
