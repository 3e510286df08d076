package org.radioclr.detect.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.radioclr.nn.model.ResNet18;
import org.radioclr.nn.model.ResNet18Config;

/**
 * A dense instance-segmentation network in the style of Panoptic-DeepLab (Cheng et al. 2020) on our
 * ResNet18 (torchvision stem): an FPN-like top-down decoder over the four ResNet stages (strides 4,
 * 8, 16, 32), upsampled to the input resolution and fused with a small full-resolution branch on
 * the input (so that compact sources of a few pixels keep their edges), then three heads.
 *
 * <p>Input {@code [N][C][H][W]} float32, H and W multiples of 32. Outputs, all {@code [H][W]}:
 * {@link #SEMANTIC} logits {@code [N][6][H][W]} (background, then the {@link
 * org.radioclr.formats.labels.DetectionClass} classes in order), {@link #CENTER} instance-centre
 * heatmap {@code [N][1][H][W]} in [0, 1] (sigmoid), {@link #OFFSET} {@code [N][2][H][W]}, the (dy,
 * dx) from each pixel to its instance's centre, pixels.
 *
 * <p>The backbone is a child named {@code backbone} with torchvision's parameter names, so SimCLR
 * and torchvision weights load into it. With {@link #freezeBackbone} its weights get no gradient
 * and it always runs in inference mode (batch-norm statistics fixed).
 */
public final class DetectBlock extends AbstractBlock {
  /** Output index of the semantic logits. */
  public static final int SEMANTIC = 0;

  /** Output index of the centre heatmap. */
  public static final int CENTER = 1;

  /** Output index of the offsets. */
  public static final int OFFSET = 2;

  /** Semantic classes: background and the five detection classes. */
  public static final int CLASSES = 6;

  private static final int[] STAGE_WIDTHS = {64, 128, 256, 512};
  private static final int STRIDE = 32;
  private static final int INTERP_BILINEAR = 2;

  private final ResNet18 backbone;
  private final List<Block> laterals = new ArrayList<>();
  private final Block hires;
  private final Block fuse;
  private final Block semantic;
  private final Block center;
  private final Block offset;
  private final int decoder;
  private boolean frozen;

  /**
   * @param inputChannels channels of the pre-processed input
   * @param decoderChannels width of the decoder
   */
  public DetectBlock(int inputChannels, int decoderChannels) {
    super((byte) 1);
    this.decoder = decoderChannels;
    backbone = addChildBlock("backbone", new ResNet18(new ResNet18Config(inputChannels, false, 0)));
    for (int i = 0; i < STAGE_WIDTHS.length; i++) {
      laterals.add(addChildBlock("lateral" + (i + 2), conv(decoderChannels, 1, true)));
    }
    hires =
        addChildBlock(
            "hires",
            new ai.djl.nn.SequentialBlock()
                .add(conv(16, 3, false))
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(conv(16, 3, false))
                .add(BatchNorm.builder().build())
                .add(Activation::relu));
    fuse =
        addChildBlock(
            "fuse",
            new ai.djl.nn.SequentialBlock()
                .add(conv(decoderChannels, 3, false))
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(conv(decoderChannels, 3, false))
                .add(BatchNorm.builder().build())
                .add(Activation::relu));
    semantic = addChildBlock("semantic", conv(CLASSES, 1, true));
    center = addChildBlock("center", conv(1, 1, true));
    offset = addChildBlock("offset", conv(2, 1, true));
  }

  private static Conv2d conv(int filters, int kernel, boolean bias) {
    Conv2d c =
        Conv2d.builder()
            .setFilters(filters)
            .setKernelShape(new Shape(kernel, kernel))
            .optPadding(new Shape(kernel / 2, kernel / 2))
            .optBias(bias)
            .build();
    c.setInitializer(
        new XavierInitializer(
            XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.OUT, 2f),
        Parameter.Type.WEIGHT);
    return c;
  }

  /** The ResNet18 backbone (torchvision names). */
  public ResNet18 backbone() {
    return backbone;
  }

  /** Freezes (or unfreezes) the backbone: no gradients, batch-norm statistics fixed. */
  public void freezeBackbone(boolean freeze) {
    // running statistics never take a gradient, frozen or not
    backbone.freezeParameters(
        freeze,
        p ->
            p.getType() != Parameter.Type.RUNNING_MEAN
                && p.getType() != Parameter.Type.RUNNING_VAR);
    this.frozen = freeze;
  }

  /** Whether the backbone is frozen. */
  public boolean backboneFrozen() {
    return frozen;
  }

  /** The side an image must be a multiple of. */
  public static int stride() {
    return STRIDE;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    long h = x.getShape().get(2);
    long w = x.getShape().get(3);
    if (h % STRIDE != 0 || w % STRIDE != 0) {
      throw new IllegalArgumentException(
          "detector input must be a multiple of " + STRIDE + " pixels, got " + h + "x" + w);
    }
    boolean bbTraining = training && !frozen;
    NDList cur = new NDList(x);
    List<NDArray> stages = new ArrayList<>();
    for (var child : backbone.getChildren()) {
      String name = child.getKey();
      if (name.endsWith("avgpool") || name.endsWith("fc")) {
        break;
      }
      cur = child.getValue().forward(ps, cur, bbTraining, params);
      if (name.contains("layer")) {
        stages.add(cur.singletonOrThrow());
      }
    }
    NDArray top = null;
    for (int i = stages.size() - 1; i >= 0; i--) {
      NDArray lat =
          laterals
              .get(i)
              .forward(ps, new NDList(stages.get(i)), training, params)
              .singletonOrThrow();
      if (top != null) {
        lat = lat.add(resize(top, lat.getShape().get(2), lat.getShape().get(3)));
      }
      top = lat;
    }
    NDArray up = resize(top, h, w);
    NDArray hi = hires.forward(ps, new NDList(x), training, params).singletonOrThrow();
    NDArray f = fuse.forward(ps, new NDList(up.concat(hi, 1)), training, params).singletonOrThrow();
    NDList fl = new NDList(f);
    NDArray sem = semantic.forward(ps, fl, training, params).singletonOrThrow();
    NDArray ctr = Activation.sigmoid(center.forward(ps, fl, training, params).singletonOrThrow());
    NDArray off = offset.forward(ps, fl, training, params).singletonOrThrow();
    return new NDList(sem, ctr, off);
  }

  /** Bilinear resize of {@code [N][C][h][w]} to {@code [N][C][height][width]} (PyTorch's op). */
  static NDArray resize(NDArray x, long height, long width) {
    return x.getNDArrayInternal().interpolation(new long[] {height, width}, INTERP_BILINEAR, false);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {
      new Shape(s.get(0), CLASSES, s.get(2), s.get(3)),
      new Shape(s.get(0), 1, s.get(2), s.get(3)),
      new Shape(s.get(0), 2, s.get(2), s.get(3))
    };
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    backbone.initialize(manager, dataType, in);
    long n = in.get(0);
    long h = in.get(2);
    long w = in.get(3);
    for (int i = 0; i < STAGE_WIDTHS.length; i++) {
      long div = 4L << i;
      laterals
          .get(i)
          .initialize(manager, dataType, new Shape(n, STAGE_WIDTHS[i], h / div, w / div));
    }
    hires.initialize(manager, dataType, in);
    fuse.initialize(manager, dataType, new Shape(n, decoder + 16, h, w));
    Shape f = new Shape(n, decoder, h, w);
    semantic.initialize(manager, dataType, f);
    center.initialize(manager, dataType, f);
    offset.initialize(manager, dataType, f);
  }
}
