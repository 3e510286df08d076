package org.radioclr.nn.model;

import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * SimCLR projection head (Chen et al. 2020, "A simple framework for contrastive learning of visual
 * representations", §2.1; sizes from the paper's Table 3): {@code Linear(in -> hidden, no bias) ->
 * BatchNorm1d -> ReLU -> Linear(hidden -> out, bias)}, the layout of lightly's {@code
 * SimCLRProjectionHead} (the first bias is redundant before batch norm). Children are named as an
 * {@code nn.Sequential}: {@code 0}, {@code 1}, {@code 2}, {@code 3}.
 *
 * <p>Input {@code [N][inputDim]} features, output {@code [N][outputDim]} projections. The paper's
 * head has 164,480 parameters (plus 512 batch-norm running statistics).
 */
public final class ProjectionHead extends NamedSequentialBlock {
  private final ProjectionHeadConfig config;

  /** Builds the head described by {@code config}. */
  public ProjectionHead(ProjectionHeadConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    add("0", Layers.linear(config.hiddenDim(), false));
    add("1", Layers.batchNorm());
    add("2", Ops.relu());
    add("3", Layers.linear(config.outputDim(), true));
  }

  /** The configuration this head was built from. */
  public ProjectionHeadConfig config() {
    return config;
  }

  @Override
  protected void checkInput(Shape shape) {
    if (shape.dimension() != 2 || shape.get(1) != config.inputDim()) {
      throw new IllegalArgumentException(
          "projection head input must be [N][" + config.inputDim() + "], got " + shape);
    }
  }
}
