package org.radioclr.nn.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.JsonErrors;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.PreprocessConfigJson;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;

/**
 * Reads and writes {@code model-config.json} (the checkpoint contract):
 *
 * <pre>{@code
 * {"encoder": {"input_channels": 3, "small_input_stem": false, "num_classes": 0},
 *  "head": {"input_dim": 512, "hidden_dim": 256, "output_dim": 128},
 *  "image_size": 224,
 *  "preprocess": null}
 * }</pre>
 *
 * {@code preprocess} is {@code null} for the paper's pre-processing or an object in {@link
 * PreprocessConfigJson}'s form. {@code encoder}, {@code head} and {@code image_size} are required
 * (their inner keys default to the paper's values); unknown keys are rejected.
 */
public final class ModelConfigJson {
  /** The file name inside a checkpoint folder. */
  public static final String FILE_NAME = "model-config.json";

  private static final ObjectMapper MAPPER =
      JsonErrors.strictMapper().enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  private ModelConfigJson() {}

  /**
   * Reads {@code file}.
   *
   * @throws BadInputException naming the file when it is missing, not JSON or invalid
   */
  public static ModelConfig read(Path file) {
    return parse(JsonErrors.readText(file, "model configuration"), file);
  }

  /**
   * Parses model-config JSON; {@code source} names it in error messages.
   *
   * @throws BadInputException naming {@code source} on any problem
   */
  public static ModelConfig parse(String json, Path source) {
    Dto dto;
    try {
      dto = MAPPER.readValue(json, Dto.class);
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          source, "invalid model configuration: " + e.getOriginalMessage(), e);
    }
    if (dto == null || dto.encoder == null || dto.head == null || dto.imageSize == null) {
      throw new BadInputException(
          source, "model configuration needs \"encoder\", \"head\" and \"image_size\"");
    }
    PreprocessConfig preprocess =
        dto.preprocess == null || dto.preprocess.isNull()
            ? null
            : PreprocessConfigJson.parse(dto.preprocess.toString(), source);
    try {
      return new ModelConfig(
          new ResNet18Config(
              dto.encoder.inputChannels, dto.encoder.smallInputStem, dto.encoder.numClasses),
          new ProjectionHeadConfig(dto.head.inputDim, dto.head.hiddenDim, dto.head.outputDim),
          dto.imageSize,
          preprocess);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(source, "invalid model configuration: " + e.getMessage(), e);
    }
  }

  /** The JSON text. */
  public static String toJson(ModelConfig config) {
    Dto d = new Dto();
    d.encoder = new EncoderDto();
    d.encoder.inputChannels = config.encoder().inputChannels();
    d.encoder.smallInputStem = config.encoder().smallInputStem();
    d.encoder.numClasses = config.encoder().numClasses();
    d.head = new HeadDto();
    d.head.inputDim = config.head().inputDim();
    d.head.hiddenDim = config.head().hiddenDim();
    d.head.outputDim = config.head().outputDim();
    d.imageSize = config.imageSize();
    try {
      d.preprocess =
          config.preprocess() == null
              ? null
              : MAPPER.readTree(PreprocessConfigJson.toJson(config.preprocess()));
      return MAPPER.writeValueAsString(d) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise model configuration", e);
    }
  }

  /** Writes {@code file} atomically. */
  public static void write(ModelConfig config, Path file) {
    AtomicFiles.writeString(file, toJson(config));
  }

  @JsonPropertyOrder({"encoder", "head", "image_size", "preprocess"})
  static final class Dto {
    @JsonProperty("encoder")
    public EncoderDto encoder;

    @JsonProperty("head")
    public HeadDto head;

    @JsonProperty("image_size")
    public Integer imageSize;

    @JsonProperty("preprocess")
    public JsonNode preprocess;
  }

  @JsonPropertyOrder({"input_channels", "small_input_stem", "num_classes"})
  static final class EncoderDto {
    @JsonProperty("input_channels")
    public int inputChannels = 3;

    @JsonProperty("small_input_stem")
    public boolean smallInputStem;

    @JsonProperty("num_classes")
    public int numClasses;
  }

  @JsonPropertyOrder({"input_dim", "hidden_dim", "output_dim"})
  static final class HeadDto {
    @JsonProperty("input_dim")
    public int inputDim = 512;

    @JsonProperty("hidden_dim")
    public int hiddenDim = 256;

    @JsonProperty("output_dim")
    public int outputDim = 128;
  }
}
