package org.radioclr.core.augment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.radioclr.core.preprocess.Cube;

/**
 * A sequence of augmentation steps applied to one view, in order, each with its own probability
 * (paper section 2.3 and Table 2). For every step one {@code nextDouble()} is drawn and the step
 * runs when it is below the step's probability (so probability 1 always runs, 0 never); the step
 * then draws its own parameters from the same stream. A view is therefore a pure function of the
 * input cube and its {@link SplittableRandom} (see {@link ViewRandom}).
 *
 * <p>Presets: {@link #hulk()} (the paper's seven steps, for random frames) and {@link #banner()}
 * (the same without random thresholding, for source-centred images), and {@link #radio()}
 * (any-angle rotation and no brightness changes, for radio galaxies).
 *
 * <p>JSON form ({@link org.radioclr.core.io.Json}): a preset name ({@code "hulk"}), or an object
 * holding either {@code "preset"} or {@code "steps"}, the list of {@link AugmentationStep}s applied
 * in order; an empty object is the {@code hulk} preset. The {@code hulk} preset written out:
 *
 * <pre>{@code
 * {"steps": [
 *    {"type": "random_crop_resize", "probability": 1.0, "min_fraction": 0.8, "max_fraction": 1.0},
 *    {"type": "color_jitter", "probability": 0.8, "brightness": 0.8, "contrast": 0.8,
 *     "saturation": 0.8, "hue": 0.2, "strength": 0.5},
 *    {"type": "horizontal_flip", "probability": 0.33},
 *    {"type": "vertical_flip", "probability": 0.33},
 *    {"type": "rotate90", "probability": 0.5},
 *    {"type": "gaussian_blur", "probability": 0.1, "sigma_min": 1.0, "sigma_max": 3.0},
 *    {"type": "random_threshold", "probability": 0.5, "percentile_min": 40.0,
 *     "percentile_max": 60.0}]}
 * }</pre>
 *
 * <p>Input and output are {@code [C][H][W]} float cubes with values in [0, 1]; the shape is kept.
 * The pipeline is immutable and shared between threads; each thread brings its own {@link
 * AugmentView}.
 *
 * @param steps the steps in order (may be empty: the identity)
 */
public record AugmentationPipeline(List<AugmentationStep> steps) {
  /** The preset names, for {@link #preset(String)}. */
  public static final List<String> PRESETS = List.of("hulk", "banner", "radio");

  public AugmentationPipeline {
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
  }

  /**
   * The paper's Table 2 for random-frame ("hulk") data: crop-resize (1.0), colour jitter (0.8),
   * horizontal flip (0.33), vertical flip (0.33), rotation (0.5), blur (0.1), thresholding (0.5).
   */
  public static AugmentationPipeline hulk() {
    return new AugmentationPipeline(
        List.of(
            AugmentationStep.paper(RandomCropResize.PAPER),
            AugmentationStep.paper(ColorJitter.PAPER),
            AugmentationStep.paper(new HorizontalFlip()),
            AugmentationStep.paper(new VerticalFlip()),
            AugmentationStep.paper(new Rotate90()),
            AugmentationStep.paper(GaussianBlur.PAPER),
            AugmentationStep.paper(RandomThreshold.PAPER)));
  }

  /** {@link #hulk()} without random thresholding, for source-centred ("banner") data. */
  public static AugmentationPipeline banner() {
    return new AugmentationPipeline(
        hulk().steps().stream()
            .filter(s -> !(s.augmentation() instanceof RandomThreshold))
            .toList());
  }

  /**
   * For source-centred radio galaxies, which have no preferred orientation and whose brightness
   * pattern is the class: rotation by any angle (1.0), crop-resize in [0.7, 1.0] (1.0), horizontal
   * and vertical flips (0.5 each), blur (0.2); no colour jitter or thresholding, which change the
   * brightness pattern. Not in the paper.
   */
  public static AugmentationPipeline radio() {
    return new AugmentationPipeline(
        List.of(
            new AugmentationStep(new RandomRotate(180), 1.0),
            new AugmentationStep(new RandomCropResize(0.7, 1.0), 1.0),
            new AugmentationStep(new HorizontalFlip(), 0.5),
            new AugmentationStep(new VerticalFlip(), 0.5),
            new AugmentationStep(GaussianBlur.PAPER, 0.2)));
  }

  /**
   * The preset of that name ({@code hulk}, {@code banner} or {@code radio}).
   *
   * @throws IllegalArgumentException naming the known presets for any other name
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static AugmentationPipeline preset(String name) {
    return switch (Objects.requireNonNull(name, "name")) {
      case "hulk" -> hulk();
      case "banner" -> banner();
      case "radio" -> radio();
      default ->
          throw new IllegalArgumentException(
              "unknown augmentation preset '" + name + "' (known presets: hulk, banner, radio)");
    };
  }

  /** The JSON object form: a preset, the steps, or neither (the {@code hulk} preset). */
  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  static AugmentationPipeline fromJson(
      @JsonProperty("preset") String preset, @JsonProperty("steps") List<AugmentationStep> steps) {
    if (preset != null && steps != null) {
      throw new IllegalArgumentException("give either \"preset\" or \"steps\", not both");
    }
    return steps != null
        ? new AugmentationPipeline(steps)
        : preset(preset == null ? "hulk" : preset);
  }

  /** Throws {@link IllegalArgumentException} if a step cannot handle images of this shape. */
  public void checkShape(int channels, int height, int width) {
    for (AugmentationStep s : steps) {
      s.augmentation().checkShape(channels, height, width);
    }
  }

  /** Augments the view in place. */
  public void apply(AugmentView view, SplittableRandom random) {
    Objects.requireNonNull(random, "random");
    checkShape(view.channels(), view.height(), view.width());
    for (AugmentationStep s : steps) {
      if (random.nextDouble() < s.probability()) {
        s.augmentation().apply(view, random);
      }
    }
  }

  /** A new augmented view of {@code cube} ({@code cube} is not modified). */
  public Cube apply(Cube cube, SplittableRandom random) {
    AugmentView view = new AugmentView();
    view.load(cube);
    apply(view, random);
    return view.toCube();
  }

  /**
   * Augments {@code cube} into {@code out[offset ..]} ({@code C * H * W} floats), using {@code
   * work} as scratch memory: a data pipeline reuses {@code work} (one per thread) and its batch
   * buffers, and so allocates almost nothing per view.
   */
  public void applyInto(
      Cube cube, SplittableRandom random, AugmentView work, float[] out, int offset) {
    work.load(cube);
    apply(work, random);
    work.copyTo(out, offset);
  }
}
