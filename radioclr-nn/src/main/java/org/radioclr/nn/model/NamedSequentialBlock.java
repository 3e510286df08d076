package org.radioclr.nn.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/**
 * A block whose children run one after the other, each child named like a PyTorch module ({@code
 * "conv1"}, {@code "0"}, {@code "1"}...), so that parameter paths follow PyTorch's {@code
 * nn.Sequential} / module attribute naming (see {@link TorchvisionNames}). DJL's own {@code
 * SequentialBlock} names its children after their classes, which loses that mapping.
 */
public class NamedSequentialBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  /** An empty sequence; add children with {@link #add(String, Block)}. */
  public NamedSequentialBlock() {
    super(VERSION);
  }

  /**
   * Appends a child.
   *
   * @param name the PyTorch module name of the child, unique within this block
   * @param block the child
   * @return this block
   * @throws IllegalArgumentException when the name is empty or already used
   */
  public final NamedSequentialBlock add(String name, Block block) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("child name must not be empty");
    }
    for (Pair<String, Block> child : children) {
      if (TorchvisionNames.moduleName(child.getKey()).equals(name)) {
        throw new IllegalArgumentException("child name " + name + " is already used");
      }
    }
    addChildBlock(name, block);
    return this;
  }

  /**
   * Checks the shape of the (first) input before a forward pass, shape inference or initialisation;
   * throws {@link IllegalArgumentException} naming the expected shape. Does nothing unless a
   * subclass overrides it.
   */
  protected void checkInput(Shape shape) {}

  @Override
  protected void beforeInitialize(Shape... inputShapes) {
    checkInput(inputShapes[0]);
    super.beforeInitialize(inputShapes);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    checkInput(inputs.singletonOrThrow().getShape());
    NDList current = inputs;
    for (Block child : children.values()) {
      current = child.forward(parameterStore, current, training, params);
    }
    return current;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    checkInput(inputShapes[0]);
    Shape[] current = inputShapes;
    for (Block child : children.values()) {
      current = child.getOutputShapes(current);
    }
    return current;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] current = inputShapes;
    for (Block child : children.values()) {
      child.initialize(manager, dataType, current);
      current = child.getOutputShapes(current);
    }
  }
}
