package org.radioclr.nn.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The SimCLR network (paper §2.3): a {@link ResNet18} encoder without classifier followed by a
 * {@link ProjectionHead}. Children: {@code encoder} and {@code head}.
 *
 * <p>Forward: input {@code [N][C][H][W]} float32; output an {@link NDList} of two arrays, index
 * {@link #FEATURES} = encoder features {@code [N][512]} (what downstream tasks use) and index
 * {@link #PROJECTIONS} = projections {@code [N][outputDim]} (what the contrastive loss uses). For a
 * SimCLR step, stack both augmented views into one batch of 2N images (view one first) so that
 * batch norm sees both views, and give the projections to {@link org.radioclr.nn.loss.NtXentLoss}.
 */
public final class SimclrModel extends AbstractBlock {
  /** Index of the encoder features in the output list. */
  public static final int FEATURES = 0;

  /** Index of the projections in the output list. */
  public static final int PROJECTIONS = 1;

  private static final byte VERSION = 1;

  private final ResNet18 encoder;
  private final ProjectionHead head;

  /**
   * Builds the network.
   *
   * @param encoderConfig the encoder; must have no classifier ({@code numClasses == 0})
   * @param headConfig the head; its input width must be 512
   * @throws IllegalArgumentException when the two do not fit together
   */
  public SimclrModel(ResNet18Config encoderConfig, ProjectionHeadConfig headConfig) {
    super(VERSION);
    if (encoderConfig.hasClassifier()) {
      throw new IllegalArgumentException(
          "the SimCLR encoder must have no fc head, got numClasses " + encoderConfig.numClasses());
    }
    if (headConfig.inputDim() != ResNet18Config.FEATURE_DIM) {
      throw new IllegalArgumentException(
          "projection head inputDim must be "
              + ResNet18Config.FEATURE_DIM
              + " (the encoder's width), got "
              + headConfig.inputDim());
    }
    encoder = addChildBlock("encoder", new ResNet18(encoderConfig));
    head = addChildBlock("head", new ProjectionHead(headConfig));
  }

  /** The paper's model: standard or small-stem encoder on three channels, head 512-256-128. */
  public static SimclrModel paper(boolean smallInputStem) {
    return new SimclrModel(ResNet18Config.encoder(smallInputStem), ProjectionHeadConfig.paper());
  }

  /** The encoder (shares parameters with this model). */
  public ResNet18 encoder() {
    return encoder;
  }

  /** The projection head (shares parameters with this model). */
  public ProjectionHead head() {
    return head;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList features = encoder.forward(ps, inputs, training, params);
    NDList projections = head.forward(ps, features, training, params);
    return new NDList(features.singletonOrThrow(), projections.singletonOrThrow());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] features = encoder.getOutputShapes(inputShapes);
    return new Shape[] {features[0], head.getOutputShapes(features)[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    encoder.initialize(manager, dataType, inputShapes);
    head.initialize(manager, dataType, encoder.getOutputShapes(inputShapes));
  }
}
