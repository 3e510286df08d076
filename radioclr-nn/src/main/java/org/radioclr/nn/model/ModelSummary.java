package org.radioclr.nn.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text table of a network: one row per stage (the children of {@link ResNet18}, {@link
 * ProjectionHead} and {@link SimclrModel}; other blocks are shown whole) with its output shape for
 * a given input shape, its trainable parameter count and its multiply-accumulates per image, then
 * the totals. For {@code radioclr model info}.
 *
 * <p>Multiply-accumulates (MACs, the unit torchvision's "GFLOPS" column counts) are those of the
 * convolutions and linear layers: a weight of {@code k} values applied at every output position is
 * {@code k} MACs per position. Within each stage of a ResNet every convolution outputs at the
 * stage's resolution (the strided first convolution and the downsample both do), so a stage's MACs
 * are its convolution and linear weights times the spatial size of its output. Batch-norm, ReLU and
 * pooling are not counted (under 1 % of a ResNet18's work).
 *
 * <p>Parameter counts need parameter shapes, so the block must have been initialised ({@code
 * block.initialize(manager, DataType.FLOAT32, inputShape)}) for some input of the same channel
 * count; output shapes are computed for {@code inputShape} without running the network.
 *
 * @param rows the stages in forward order
 * @param inputShape the input the output shapes are computed for
 * @param trainableParameters sum of the trainable parameter sizes (torchvision's count)
 * @param bufferValues sum of the sizes of the non-trainable arrays (batch-norm running statistics)
 */
public record ModelSummary(
    List<Row> rows, Shape inputShape, long trainableParameters, long bufferValues) {

  /**
   * One stage.
   *
   * @param name dotted module name ({@code encoder.layer1})
   * @param type what the stage is ({@code Conv2d}, {@code BasicBlock x2}...)
   * @param outputShape output shape of the stage for the summary's input
   * @param parameters trainable parameters of the stage
   * @param macs multiply-accumulates of the stage for one image (forward pass)
   */
  public record Row(String name, String type, Shape outputShape, long parameters, long macs) {
    /** Validates the fields. */
    public Row {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(outputShape, "outputShape");
      if (parameters < 0 || macs < 0) {
        throw new IllegalArgumentException(
            "parameters and macs must be >= 0, got " + parameters + ", " + macs);
      }
    }
  }

  /** Multiply-accumulates of the whole network for one image (forward pass). */
  public long macs() {
    return rows.stream().mapToLong(Row::macs).sum();
  }

  /** Copies the rows and validates the totals. */
  public ModelSummary {
    rows = List.copyOf(rows);
    Objects.requireNonNull(inputShape, "inputShape");
    if (trainableParameters < 0 || bufferValues < 0) {
      throw new IllegalArgumentException(
          "parameter totals must be >= 0, got " + trainableParameters + ", " + bufferValues);
    }
  }

  /**
   * Summarises an initialised block for an input shape.
   *
   * @throws IllegalStateException when the block has not been initialised
   */
  public static ModelSummary of(Block block, Shape inputShape) {
    if (!block.isInitialized()) {
      throw new IllegalStateException(
          "initialise the block before summarising it (parameter shapes are unknown)");
    }
    List<Row> rows = new ArrayList<>();
    addRows(block, "", new Shape[] {inputShape}, rows);
    long trainable = 0;
    long buffers = 0;
    for (Parameter p : block.getParameters().values()) {
      if (p.requiresGradient()) {
        trainable += p.getShape().size();
      } else {
        buffers += p.getShape().size();
      }
    }
    return new ModelSummary(rows, inputShape, trainable, buffers);
  }

  private static Shape[] addRows(Block block, String prefix, Shape[] input, List<Row> rows) {
    if (block instanceof SimclrModel model) {
      Shape[] features = addRows(model.encoder(), prefix + "encoder.", input, rows);
      addRows(model.head(), prefix + "head.", features, rows);
      return model.getOutputShapes(input);
    }
    if (block instanceof ResNet18 || block instanceof ProjectionHead) {
      Shape[] current = input;
      for (Pair<String, Block> child : block.getChildren()) {
        Block b = child.getValue();
        current = b.getOutputShapes(current);
        rows.add(
            new Row(
                prefix + TorchvisionNames.moduleName(child.getKey()),
                describe(b),
                current[0],
                trainable(b),
                macs(b, current[0])));
      }
      return current;
    }
    Shape[] out = block.getOutputShapes(input);
    String name = prefix.isEmpty() ? block.getClass().getSimpleName() : prefix;
    rows.add(new Row(name, describe(block), out[0], trainable(block), macs(block, out[0])));
    return out;
  }

  private static String describe(Block block) {
    if (block instanceof Ops op) {
      return op.kind();
    }
    if (block instanceof NamedSequentialBlock seq
        && !seq.getChildren().isEmpty()
        && seq.getChildren().values().stream().allMatch(BasicBlock.class::isInstance)) {
      return "BasicBlock x" + seq.getChildren().size();
    }
    return block.getClass().getSimpleName();
  }

  private static long trainable(Block block) {
    long n = 0;
    for (Parameter p : block.getParameters().values()) {
      if (p.requiresGradient()) {
        n += p.getShape().size();
      }
    }
    return n;
  }

  /** Weights of the block's convolutions and linear layers times its output's spatial size. */
  private static long macs(Block block, Shape output) {
    long spatial = 1;
    for (int i = 2; i < output.dimension(); i++) {
      spatial *= output.get(i);
    }
    return weights(block) * spatial;
  }

  private static long weights(Block block) {
    if (block instanceof Conv2d || block instanceof Linear) {
      return block.getParameters().get("weight").getShape().size();
    }
    long n = 0;
    for (Block child : block.getChildren().values()) {
      n += weights(child);
    }
    return n;
  }

  /** The table as text, one stage per line, with the totals below. */
  public String toText() {
    int nameWidth = "stage".length();
    int typeWidth = "type".length();
    int shapeWidth = "output".length();
    for (Row r : rows) {
      nameWidth = Math.max(nameWidth, r.name().length());
      typeWidth = Math.max(typeWidth, r.type().length());
      shapeWidth = Math.max(shapeWidth, shapeText(r.outputShape()).length());
    }
    String format =
        "%-" + nameWidth + "s  %-" + typeWidth + "s  %-" + shapeWidth + "s  %,12d  %,15d%n";
    String header =
        "%-" + nameWidth + "s  %-" + typeWidth + "s  %-" + shapeWidth + "s  %12s  %15s%n";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "input %s%n", shapeText(inputShape)));
    sb.append(
        String.format(Locale.ROOT, header, "stage", "type", "output", "parameters", "MACs/image"));
    for (Row r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              format,
              r.name(),
              r.type(),
              shapeText(r.outputShape()),
              r.parameters(),
              r.macs()));
    }
    sb.append(String.format(Locale.ROOT, "trainable parameters: %,d%n", trainableParameters));
    sb.append(
        String.format(
            Locale.ROOT, "batch-norm running statistics (not trained): %,d%n", bufferValues));
    sb.append(
        String.format(
            Locale.ROOT,
            "multiply-accumulates per image, forward: %,d (%.3f G)%n",
            macs(),
            macs() / 1e9));
    return sb.toString();
  }

  private static String shapeText(Shape shape) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < shape.dimension(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(shape.get(i));
    }
    return sb.append(']').toString();
  }
}
