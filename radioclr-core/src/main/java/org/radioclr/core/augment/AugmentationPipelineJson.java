package org.radioclr.core.augment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.JsonErrors;

/**
 * Reads and writes an {@link AugmentationPipeline} as JSON. The object holds either {@code
 * "preset"} ({@code "hulk"} or {@code "banner"}) or {@code "steps"}, a list applied in order; an
 * empty object is the {@code hulk} preset (the paper's Table 2). Each step has a {@code "type"} and
 * optional keys: a missing key takes the paper's value, {@code "probability"} included. Unknown
 * keys and types are rejected with a message naming them and where they were. The {@code hulk}
 * preset written out in full:
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
 */
public final class AugmentationPipelineJson {
  private static final String TYPES =
      "random_crop_resize, color_jitter, horizontal_flip, vertical_flip, rotate90, gaussian_blur,"
          + " random_threshold";

  private static final ObjectMapper MAPPER = JsonErrors.strictMapper();

  private AugmentationPipelineJson() {}

  /**
   * Reads a pipeline file.
   *
   * @throws BadInputException naming the file if it is missing, not JSON, has an unknown key or
   *     type or an invalid value
   */
  public static AugmentationPipeline read(Path file) {
    return parse(JsonErrors.readText(file, "augmentation configuration"), file);
  }

  /**
   * Parses pipeline JSON; {@code source} names it in error messages.
   *
   * @throws BadInputException naming {@code source} on any problem
   */
  public static AugmentationPipeline parse(String json, Path source) {
    if (json.isBlank()) {
      throw new BadInputException(
          source, "augmentation configuration is empty (expected a JSON object)");
    }
    PipelineDto dto;
    try {
      dto = MAPPER.readValue(json, PipelineDto.class);
    } catch (UnrecognizedPropertyException e) {
      throw new BadInputException(
          source,
          "unknown key '"
              + e.getPropertyName()
              + "'"
              + JsonErrors.where(e)
              + " (known keys: "
              + String.join(", ", JsonErrors.knownKeys(e))
              + ")",
          e);
    } catch (InvalidTypeIdException e) {
      String id = e.getTypeId();
      throw new BadInputException(
          source,
          (id == null ? "step without a \"type\"" : "unknown augmentation type '" + id + "'")
              + JsonErrors.where(e)
              + " (known types: "
              + TYPES
              + ")",
          e);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof StreamReadException syntax) {
        throw JsonErrors.notJson(source, syntax); // a syntax error met inside a list or object
      }
      throw new BadInputException(
          source,
          "invalid augmentation configuration"
              + JsonErrors.where(e)
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (JsonProcessingException e) {
      throw JsonErrors.notJson(source, e);
    }
    if (dto == null) {
      throw new BadInputException(
          source, "augmentation configuration is empty (expected a JSON object)");
    }
    try {
      return dto.toPipeline();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadInputException(
          source, "invalid augmentation configuration: " + e.getMessage(), e);
    }
  }

  /** The pipeline as JSON text, every step and key written out. */
  public static String toJson(AugmentationPipeline pipeline) {
    PipelineDto d = new PipelineDto();
    d.steps = new ArrayList<>();
    for (AugmentationStep s : pipeline.steps()) {
      d.steps.add(StepDto.from(s));
    }
    try {
      return MAPPER.writeValueAsString(d) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise augmentation configuration", e);
    }
  }

  /** Writes the pipeline as JSON, atomically. */
  public static void write(AugmentationPipeline pipeline, Path file) {
    AtomicFiles.writeString(file, toJson(pipeline));
  }

  @JsonPropertyOrder({"preset", "steps"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  static final class PipelineDto {
    @JsonProperty("preset")
    public String preset;

    @JsonProperty("steps")
    public List<StepDto> steps;

    AugmentationPipeline toPipeline() {
      if (preset != null && steps != null) {
        throw new IllegalArgumentException("give either \"preset\" or \"steps\", not both");
      }
      if (steps == null) {
        return AugmentationPipeline.preset(preset == null ? "hulk" : preset);
      }
      List<AugmentationStep> list = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        StepDto s = steps.get(i);
        if (s == null) {
          throw new IllegalArgumentException("steps[" + i + "] is null");
        }
        try {
          Augmentation a = s.toAugmentation();
          list.add(
              new AugmentationStep(
                  a, s.probability == null ? a.paperProbability() : s.probability));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("steps[" + i + "]: " + e.getMessage(), e);
        }
      }
      return new AugmentationPipeline(list);
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = CropDto.class, name = "random_crop_resize"),
    @JsonSubTypes.Type(value = JitterDto.class, name = "color_jitter"),
    @JsonSubTypes.Type(value = HorizontalFlipDto.class, name = "horizontal_flip"),
    @JsonSubTypes.Type(value = VerticalFlipDto.class, name = "vertical_flip"),
    @JsonSubTypes.Type(value = RotateDto.class, name = "rotate90"),
    @JsonSubTypes.Type(value = BlurDto.class, name = "gaussian_blur"),
    @JsonSubTypes.Type(value = ThresholdDto.class, name = "random_threshold")
  })
  abstract static class StepDto {
    @JsonProperty("probability")
    public Double probability;

    abstract Augmentation toAugmentation();

    static StepDto from(AugmentationStep step) {
      StepDto dto =
          switch (step.augmentation()) {
            case RandomCropResize r -> {
              CropDto d = new CropDto();
              d.minFraction = r.minFraction();
              d.maxFraction = r.maxFraction();
              yield d;
            }
            case ColorJitter j -> {
              JitterDto d = new JitterDto();
              d.brightness = j.brightness();
              d.contrast = j.contrast();
              d.saturation = j.saturation();
              d.hue = j.hue();
              d.strength = j.strength();
              yield d;
            }
            case HorizontalFlip h -> new HorizontalFlipDto();
            case VerticalFlip v -> new VerticalFlipDto();
            case Rotate90 r -> new RotateDto();
            case GaussianBlur b -> {
              BlurDto d = new BlurDto();
              d.sigmaMin = b.sigmaMin();
              d.sigmaMax = b.sigmaMax();
              yield d;
            }
            case RandomThreshold t -> {
              ThresholdDto d = new ThresholdDto();
              d.percentileMin = t.percentileMin();
              d.percentileMax = t.percentileMax();
              yield d;
            }
          };
      dto.probability = step.probability();
      return dto;
    }
  }

  @JsonPropertyOrder({"probability", "min_fraction", "max_fraction"})
  static final class CropDto extends StepDto {
    @JsonProperty("min_fraction")
    public double minFraction = RandomCropResize.PAPER.minFraction();

    @JsonProperty("max_fraction")
    public double maxFraction = RandomCropResize.PAPER.maxFraction();

    @Override
    Augmentation toAugmentation() {
      return new RandomCropResize(minFraction, maxFraction);
    }
  }

  @JsonPropertyOrder({"probability", "brightness", "contrast", "saturation", "hue", "strength"})
  static final class JitterDto extends StepDto {
    @JsonProperty("brightness")
    public double brightness = ColorJitter.PAPER.brightness();

    @JsonProperty("contrast")
    public double contrast = ColorJitter.PAPER.contrast();

    @JsonProperty("saturation")
    public double saturation = ColorJitter.PAPER.saturation();

    @JsonProperty("hue")
    public double hue = ColorJitter.PAPER.hue();

    @JsonProperty("strength")
    public double strength = ColorJitter.PAPER.strength();

    @Override
    Augmentation toAugmentation() {
      return new ColorJitter(brightness, contrast, saturation, hue, strength);
    }
  }

  static final class HorizontalFlipDto extends StepDto {
    @Override
    Augmentation toAugmentation() {
      return new HorizontalFlip();
    }
  }

  static final class VerticalFlipDto extends StepDto {
    @Override
    Augmentation toAugmentation() {
      return new VerticalFlip();
    }
  }

  static final class RotateDto extends StepDto {
    @Override
    Augmentation toAugmentation() {
      return new Rotate90();
    }
  }

  @JsonPropertyOrder({"probability", "sigma_min", "sigma_max"})
  static final class BlurDto extends StepDto {
    @JsonProperty("sigma_min")
    public double sigmaMin = GaussianBlur.PAPER.sigmaMin();

    @JsonProperty("sigma_max")
    public double sigmaMax = GaussianBlur.PAPER.sigmaMax();

    @Override
    Augmentation toAugmentation() {
      return new GaussianBlur(sigmaMin, sigmaMax);
    }
  }

  @JsonPropertyOrder({"probability", "percentile_min", "percentile_max"})
  static final class ThresholdDto extends StepDto {
    @JsonProperty("percentile_min")
    public double percentileMin = RandomThreshold.PAPER.percentileMin();

    @JsonProperty("percentile_max")
    public double percentileMax = RandomThreshold.PAPER.percentileMax();

    @Override
    Augmentation toAugmentation() {
      return new RandomThreshold(percentileMin, percentileMax);
    }
  }
}
