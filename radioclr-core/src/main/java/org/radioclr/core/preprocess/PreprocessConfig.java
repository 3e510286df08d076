package org.radioclr.core.preprocess;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.radioclr.core.io.Json;

/**
 * Everything the pre-processing needs, immutable and validated. {@link #paper()} is the paper's
 * recipe (Riggi et al., section 2.3): channel 1 sigma clipping (sigma_lower 5, sigma_upper 30, 5
 * iterations) then min-max, channel 2 zscale (contrast 0.25) then min-max, channel 3 zscale
 * (contrast 0.4) then min-max, each resized to 224x224; images with more than 30% invalid pixels
 * are rejected.
 *
 * <p>JSON form ({@link Json}; docs/preprocess-config.md): every key is optional and a missing key
 * takes the paper's value, in the stages too; a stage's {@code "type"} is {@code sigma_clip},
 * {@code zscale} or {@code minmax}; a channel without a {@code "name"} is named {@code channel1},
 * {@code channel2}, ... after its place.
 *
 * @param channels one recipe per output channel, in order, not empty
 * @param maxInvalidFraction images with a larger fraction of invalid (NaN, infinite or exactly 0)
 *     pixels are rejected; in [0, 1)
 * @param resize whether to resize to {@code outputWidth x outputHeight}; if false the output keeps
 *     the input size
 * @param outputWidth output width in pixels, &ge; 1
 * @param outputHeight output height in pixels, &ge; 1
 * @param framing the centred square cut out before the channels are made ({@link Framing}), or
 *     {@code null} for the whole image (the paper's); needs {@code resize}
 */
public record PreprocessConfig(
    List<ChannelRecipe> channels,
    double maxInvalidFraction,
    boolean resize,
    int outputWidth,
    int outputHeight,
    Framing framing) {

  /** Default limit on the fraction of invalid pixels. */
  public static final double DEFAULT_MAX_INVALID_FRACTION = 0.3;

  /** Default output size (the paper's 224x224). */
  public static final int DEFAULT_SIZE = 224;

  public PreprocessConfig {
    Objects.requireNonNull(channels, "channels");
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("channels must not be empty");
    }
    List<ChannelRecipe> named = new ArrayList<>(channels);
    for (int i = 0; i < named.size(); i++) {
      ChannelRecipe c = Objects.requireNonNull(named.get(i), "channels");
      if (c.name() == null) {
        named.set(i, new ChannelRecipe("channel" + (i + 1), c.stages()));
      }
    }
    channels = List.copyOf(named);
    if (!(maxInvalidFraction >= 0 && maxInvalidFraction < 1)) {
      throw new IllegalArgumentException(
          "max_invalid_fraction must be in [0,1), got " + maxInvalidFraction);
    }
    if (outputWidth < 1 || outputHeight < 1) {
      throw new IllegalArgumentException(
          "output size must be positive, got " + outputWidth + "x" + outputHeight);
    }
    if (framing != null && !resize) {
      throw new IllegalArgumentException("framing needs resize (the frames differ in size)");
    }
  }

  /** The paper's three channel recipes. */
  public static List<ChannelRecipe> paperChannels() {
    return List.of(
        ChannelRecipe.of("sigmaclip", SigmaClipStage.PAPER, new MinMaxStage()),
        ChannelRecipe.of("zscale_0.25", ZScaleStage.withContrast(0.25), new MinMaxStage()),
        ChannelRecipe.of("zscale_0.4", ZScaleStage.withContrast(0.4), new MinMaxStage()));
  }

  /** The named recipes, for {@link #preset(String)}. */
  public static final List<String> PRESETS = List.of("paper", "framed", "stretch", "detect");

  /**
   * The recipe of that name: {@code paper} ({@link #paper()}), {@code framed} ({@link #framed()}),
   * {@code stretch} ({@link #stretch()}) or {@code detect} ({@link #detect()}).
   *
   * @throws IllegalArgumentException naming the known presets for any other name
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static PreprocessConfig preset(String name) {
    return switch (Objects.requireNonNull(name, "name")) {
      case "paper" -> paper();
      case "framed" -> framed();
      case "stretch" -> stretch();
      case "detect" -> detect();
      default ->
          throw new IllegalArgumentException(
              "unknown pre-processing preset '"
                  + name
                  + "' (known presets: "
                  + String.join(", ", PRESETS)
                  + ")");
    };
  }

  /**
   * The paper's channels on the source's own field ({@link EmissionFraming#DEFAULT}): for
   * source-centred images without a catalogue size. On VLA FIRST radio galaxies it beat the paper's
   * whole-field recipe and {@link #stretch()} (docs/representation.md).
   */
  public static PreprocessConfig framed() {
    return paper().withFraming(EmissionFraming.DEFAULT);
  }

  /**
   * Stretches radio astronomers use for morphology: in each channel the noise below 3σ (clipped
   * rms) is set to 0 ({@link NoiseFloorStage}), then min-max, then channel 1 stays linear (the
   * source's own dynamic range), channel 2 takes an asinh stretch (a = 0.1) and channel 3 a log
   * stretch (a = 1000) that lift faint extended emission; output 224×224, the paper's blank limit,
   * the whole field.
   */
  public static PreprocessConfig stretch() {
    return paper()
        .withChannels(
            List.of(
                ChannelRecipe.of("linear", NoiseFloorStage.DEFAULT, new MinMaxStage()),
                ChannelRecipe.of(
                    "asinh", NoiseFloorStage.DEFAULT, new MinMaxStage(), new AsinhStage(0.1)),
                ChannelRecipe.of(
                    "log", NoiseFloorStage.DEFAULT, new MinMaxStage(), new LogStage(1000))));
  }

  /**
   * For source detection: the paper's first two channels (sigma-clipped, zscale 0.25) and, in place
   * of the second zscale, the signal-to-noise ({@link SnrStage}) then min-max, so that the 3σ
   * contour of a mask sits at one input value in every frame. On simulated EMU-pilot frames it beat
   * the paper's channels for the detector (docs/detect.md).
   */
  public static PreprocessConfig detect() {
    List<ChannelRecipe> ch = new java.util.ArrayList<>(paperChannels());
    ch.set(2, ChannelRecipe.of("snr", SnrStage.DEFAULT, new MinMaxStage()));
    return paper().withChannels(ch);
  }

  /** The paper's configuration (see the class comment). */
  @Json.Defaults
  public static PreprocessConfig paper() {
    return new PreprocessConfig(
        paperChannels(), DEFAULT_MAX_INVALID_FRACTION, true, DEFAULT_SIZE, DEFAULT_SIZE, null);
  }

  /**
   * The recipe as a methods section would state it, one clause per channel then the size and the
   * blank limit; for the paper's recipe:
   *
   * <pre>
   * channel 1: sigma-clipped (5σ lower, 30σ upper) then min–max scaled to [0, 1];
   * channel 2: zscale (contrast 0.25) then min–max scaled to [0, 1];
   * channel 3: zscale (contrast 0.4) then min–max scaled to [0, 1];
   * each channel resized to 224×224 px (bilinear, antialiased when shrinking);
   * images with more than 30% blank or NaN pixels rejected
   * </pre>
   *
   * (one line, clauses separated by "; "). Unicode; {@link RecipeText#ascii} gives a plain-ASCII
   * form (FITS headers).
   */
  public String describe() {
    List<String> clauses = new java.util.ArrayList<>();
    if (framing != null) {
      clauses.add(framing.describe());
    }
    for (int c = 0; c < channels.size(); c++) {
      clauses.add("channel " + (c + 1) + ": " + channels.get(c).describe());
    }
    clauses.add(describeSize());
    clauses.add(describeLimit());
    return String.join("; ", clauses);
  }

  /** The blank limit in words: {@code images with more than 30% blank or NaN pixels rejected}. */
  public String describeLimit() {
    return "images with more than "
        + RecipeText.percent(maxInvalidFraction)
        + " blank or NaN pixels rejected";
  }

  /**
   * The resizing in words: {@code each channel resized to 224×224 px (bilinear, antialiased when
   * shrinking)}, or {@code kept at the input size}.
   */
  public String describeSize() {
    if (!resize) {
      return "each channel kept at the input size";
    }
    return "each channel resized to "
        + outputWidth
        + "×"
        + outputHeight
        + " px (bilinear, antialiased when shrinking)";
  }

  /** Number of output channels. */
  public int channelCount() {
    return channels.size();
  }

  public PreprocessConfig withChannels(List<ChannelRecipe> newChannels) {
    return new PreprocessConfig(
        newChannels, maxInvalidFraction, resize, outputWidth, outputHeight, framing);
  }

  public PreprocessConfig withMaxInvalidFraction(double fraction) {
    return new PreprocessConfig(channels, fraction, resize, outputWidth, outputHeight, framing);
  }

  public PreprocessConfig withResize(boolean enabled) {
    return new PreprocessConfig(
        channels, maxInvalidFraction, enabled, outputWidth, outputHeight, framing);
  }

  /** The same configuration resizing to {@code width x height} (and resizing switched on). */
  public PreprocessConfig withOutputSize(int width, int height) {
    return new PreprocessConfig(channels, maxInvalidFraction, true, width, height, framing);
  }

  /** The same configuration with another framing ({@code null}: the whole image). */
  public PreprocessConfig withFraming(Framing newFraming) {
    return new PreprocessConfig(
        channels, maxInvalidFraction, resize, outputWidth, outputHeight, newFraming);
  }
}
