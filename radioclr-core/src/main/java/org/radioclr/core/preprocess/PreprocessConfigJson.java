package org.radioclr.core.preprocess;

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
 * Reads and writes {@link PreprocessConfig} as JSON. Every key is optional and a missing key takes
 * the paper's default; unknown keys are rejected with a message naming the key and where it was. A
 * stage's {@code "type"} is {@code sigma_clip}, {@code zscale} or {@code minmax}. Example (the
 * defaults):
 *
 * <pre>{@code
 * {"channels": [
 *    {"name": "sigmaclip", "stages": [
 *       {"type": "sigma_clip", "sigma_lower": 5, "sigma_upper": 30, "max_iterations": 5},
 *       {"type": "minmax"}]},
 *    {"name": "zscale_0.25", "stages": [{"type": "zscale", "contrast": 0.25, "n_samples": 1000,
 *       "max_reject": 0.5, "min_npixels": 5, "krej": 2.5, "max_iterations": 5}, {"type": "minmax"}]},
 *    {"name": "zscale_0.4", "stages": [{"type": "zscale", "contrast": 0.4}, {"type": "minmax"}]}],
 *  "max_invalid_fraction": 0.3, "resize": true, "output_width": 224, "output_height": 224}
 * }</pre>
 */
public final class PreprocessConfigJson {
  private static final ObjectMapper MAPPER = JsonErrors.strictMapper();

  private PreprocessConfigJson() {}

  /**
   * Reads a configuration file.
   *
   * @throws BadInputException naming the file if it is missing, not JSON, has an unknown key or an
   *     invalid value
   */
  public static PreprocessConfig read(Path file) {
    return parse(JsonErrors.readText(file, "configuration"), file);
  }

  /**
   * Parses configuration JSON; {@code source} names it in error messages.
   *
   * @throws BadInputException naming {@code source} on any problem
   */
  public static PreprocessConfig parse(String json, Path source) {
    ConfigDto dto;
    try {
      dto = MAPPER.readValue(json, ConfigDto.class);
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
          (id == null ? "stage without a \"type\"" : "unknown stage type '" + id + "'")
              + JsonErrors.where(e)
              + " (known types: sigma_clip, zscale, minmax)",
          e);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof StreamReadException syntax) {
        throw JsonErrors.notJson(source, syntax); // a syntax error met inside a list or object
      }
      throw new BadInputException(
          source, "invalid configuration" + JsonErrors.where(e) + ": " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw JsonErrors.notJson(source, e);
    }
    if (dto == null) {
      throw new BadInputException(source, "configuration is empty (expected a JSON object)");
    }
    try {
      return dto.toConfig();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadInputException(source, "invalid configuration: " + e.getMessage(), e);
    }
  }

  /** The configuration as JSON text (every key written, so it documents itself). */
  public static String toJson(PreprocessConfig config) {
    try {
      return MAPPER.writeValueAsString(ConfigDto.from(config)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise configuration", e);
    }
  }

  /** Writes the configuration as JSON, atomically. */
  public static void write(PreprocessConfig config, Path file) {
    AtomicFiles.writeString(file, toJson(config));
  }

  @JsonPropertyOrder({
    "channels",
    "max_invalid_fraction",
    "resize",
    "output_width",
    "output_height"
  })
  static final class ConfigDto {
    @JsonProperty("channels")
    public List<ChannelDto> channels;

    @JsonProperty("max_invalid_fraction")
    public double maxInvalidFraction = PreprocessConfig.DEFAULT_MAX_INVALID_FRACTION;

    @JsonProperty("resize")
    public boolean resize = true;

    @JsonProperty("output_width")
    public int outputWidth = PreprocessConfig.DEFAULT_SIZE;

    @JsonProperty("output_height")
    public int outputHeight = PreprocessConfig.DEFAULT_SIZE;

    PreprocessConfig toConfig() {
      List<ChannelRecipe> recipes;
      if (channels == null) {
        recipes = PreprocessConfig.paperChannels();
      } else {
        recipes = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
          ChannelDto c = channels.get(i);
          if (c == null) {
            throw new IllegalArgumentException("channels[" + i + "] is null");
          }
          recipes.add(c.toRecipe(i));
        }
      }
      return new PreprocessConfig(recipes, maxInvalidFraction, resize, outputWidth, outputHeight);
    }

    static ConfigDto from(PreprocessConfig config) {
      ConfigDto d = new ConfigDto();
      d.channels = new ArrayList<>();
      for (ChannelRecipe r : config.channels()) {
        ChannelDto c = new ChannelDto();
        c.name = r.name();
        c.stages = new ArrayList<>();
        for (ChannelStage s : r.stages()) {
          c.stages.add(StageDto.from(s));
        }
        d.channels.add(c);
      }
      d.maxInvalidFraction = config.maxInvalidFraction();
      d.resize = config.resize();
      d.outputWidth = config.outputWidth();
      d.outputHeight = config.outputHeight();
      return d;
    }
  }

  @JsonPropertyOrder({"name", "stages"})
  static final class ChannelDto {
    @JsonProperty("name")
    public String name;

    @JsonProperty("stages")
    public List<StageDto> stages;

    ChannelRecipe toRecipe(int index) {
      String label = name == null ? "channel" + (index + 1) : name;
      if (stages == null) {
        throw new IllegalArgumentException("channels[" + index + "] has no \"stages\"");
      }
      List<ChannelStage> list = new ArrayList<>();
      for (int i = 0; i < stages.size(); i++) {
        StageDto s = stages.get(i);
        if (s == null) {
          throw new IllegalArgumentException("channels[" + index + "].stages[" + i + "] is null");
        }
        try {
          list.add(s.toStage());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "channels[" + index + "].stages[" + i + "]: " + e.getMessage(), e);
        }
      }
      return new ChannelRecipe(label, list);
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = SigmaClipDto.class, name = "sigma_clip"),
    @JsonSubTypes.Type(value = ZScaleDto.class, name = "zscale"),
    @JsonSubTypes.Type(value = MinMaxDto.class, name = "minmax")
  })
  abstract static class StageDto {
    abstract ChannelStage toStage();

    static StageDto from(ChannelStage stage) {
      return switch (stage) {
        case SigmaClipStage s -> {
          SigmaClipDto d = new SigmaClipDto();
          d.sigmaLower = s.sigmaLower();
          d.sigmaUpper = s.sigmaUpper();
          d.maxIterations = s.maxIterations();
          yield d;
        }
        case ZScaleStage z -> {
          ZScaleDto d = new ZScaleDto();
          d.nSamples = z.nSamples();
          d.contrast = z.contrast();
          d.maxReject = z.maxReject();
          d.minNpixels = z.minNpixels();
          d.krej = z.krej();
          d.maxIterations = z.maxIterations();
          yield d;
        }
        case MinMaxStage m -> new MinMaxDto();
      };
    }
  }

  @JsonPropertyOrder({"sigma_lower", "sigma_upper", "max_iterations"})
  static final class SigmaClipDto extends StageDto {
    @JsonProperty("sigma_lower")
    public double sigmaLower = SigmaClipStage.PAPER.sigmaLower();

    @JsonProperty("sigma_upper")
    public double sigmaUpper = SigmaClipStage.PAPER.sigmaUpper();

    @JsonProperty("max_iterations")
    public int maxIterations = SigmaClipStage.PAPER.maxIterations();

    @Override
    ChannelStage toStage() {
      return new SigmaClipStage(sigmaLower, sigmaUpper, maxIterations);
    }
  }

  @JsonPropertyOrder({
    "contrast",
    "n_samples",
    "max_reject",
    "min_npixels",
    "krej",
    "max_iterations"
  })
  static final class ZScaleDto extends StageDto {
    private static final ZScaleStage DEFAULTS = ZScaleStage.withContrast(0.25);

    @JsonProperty("n_samples")
    public int nSamples = DEFAULTS.nSamples();

    @JsonProperty("contrast")
    public double contrast = DEFAULTS.contrast();

    @JsonProperty("max_reject")
    public double maxReject = DEFAULTS.maxReject();

    @JsonProperty("min_npixels")
    public int minNpixels = DEFAULTS.minNpixels();

    @JsonProperty("krej")
    public double krej = DEFAULTS.krej();

    @JsonProperty("max_iterations")
    public int maxIterations = DEFAULTS.maxIterations();

    @Override
    ChannelStage toStage() {
      return new ZScaleStage(nSamples, contrast, maxReject, minNpixels, krej, maxIterations);
    }
  }

  static final class MinMaxDto extends StageDto {
    @Override
    ChannelStage toStage() {
      return new MinMaxStage();
    }
  }
}
