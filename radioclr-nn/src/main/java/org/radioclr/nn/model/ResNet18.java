package org.radioclr.nn.model;

import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * ResNet18 with torchvision's layout ({@code torchvision.models.resnet18}; He et al. 2016), the
 * encoder of the paper's SimCLR model.
 *
 * <p>Children, named as torchvision's modules: {@code conv1} (7x7/2, 64 filters, padding 3, no
 * bias), {@code bn1}, {@code relu}, {@code maxpool} (3x3/2, padding 1), {@code layer1..layer4} (two
 * {@link BasicBlock}s each, 64/128/256/512 channels, the first block of layers 2-4 with stride 2
 * and a downsample branch), {@code avgpool} (global mean over H and W, flattened) and, when {@link
 * ResNet18Config#numClasses()} &gt; 0, {@code fc} (512 -&gt; classes, with bias). With the small
 * stem {@code conv1} is 3x3/1 with padding 1 and there is no {@code maxpool}.
 *
 * <p>Input {@code [N][C][H][W]} float32; output {@code [N][512]} features, or {@code
 * [N][numClasses]} logits when the head is present. Parameters: 11,689,512 with the 1000-class
 * head, 11,176,512 without (torchvision's counts; batch-norm running statistics not counted),
 * 11,168,832 for the small-stem encoder.
 */
public final class ResNet18 extends NamedSequentialBlock {
  private static final int[] WIDTHS = {64, 128, 256, 512};

  private final ResNet18Config config;

  /** Builds the network described by {@code config}. */
  public ResNet18(ResNet18Config config) {
    this.config = Objects.requireNonNull(config, "config");
    if (config.smallInputStem()) {
      add("conv1", Layers.conv(64, 3, 1, 1));
      add("bn1", Layers.batchNorm());
      add("relu", Ops.relu());
    } else {
      add("conv1", Layers.conv(64, 7, 2, 3));
      add("bn1", Layers.batchNorm());
      add("relu", Ops.relu());
      add("maxpool", Ops.maxPool3x3Stride2());
    }
    int in = 64;
    for (int i = 0; i < WIDTHS.length; i++) {
      int out = WIDTHS[i];
      int stride = i == 0 ? 1 : 2;
      add(
          "layer" + (i + 1),
          new NamedSequentialBlock()
              .add("0", new BasicBlock(in, out, stride))
              .add("1", new BasicBlock(out, out, 1)));
      in = out;
    }
    add("avgpool", Ops.globalAvgPool());
    if (config.hasClassifier()) {
      add("fc", Layers.linear(config.numClasses(), true));
    }
  }

  @Override
  protected void checkInput(Shape shape) {
    if (shape.dimension() != 4 || shape.get(1) != config.inputChannels()) {
      throw new IllegalArgumentException(
          "ResNet18 input must be [N][" + config.inputChannels() + "][H][W], got " + shape);
    }
  }

  /** The configuration this network was built from. */
  public ResNet18Config config() {
    return config;
  }

  /** Width of the output: 512 without the head, the number of classes with it. */
  public int outputDim() {
    return config.hasClassifier() ? config.numClasses() : ResNet18Config.FEATURE_DIM;
  }
}
