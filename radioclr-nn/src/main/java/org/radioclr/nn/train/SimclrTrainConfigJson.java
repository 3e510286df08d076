package org.radioclr.nn.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radioclr.core.BadInputException;
import org.radioclr.core.augment.AugmentationPipeline;
import org.radioclr.core.augment.AugmentationPipelineJson;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.JsonErrors;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.PreprocessConfigJson;

/**
 * Reads and writes {@link SimclrTrainConfig} as JSON. Every key is optional (a missing key takes
 * {@link SimclrTrainConfig#paper(int)}'s value, with 100 epochs); unknown keys are rejected naming
 * the key. {@code "augmentation"} is a preset name ({@code "hulk"}, {@code "banner"}) or an object
 * in {@link AugmentationPipelineJson}'s form; {@code "preprocess"} is {@code null} (the paper's) or
 * an object in {@link PreprocessConfigJson}'s form. {@code "small_stem"} is {@code null}
 * (automatic), {@code true} or {@code false}. {@code "val_k"} is the number of neighbours of the
 * per-epoch kNN validation (used only when training is given a validation datalist). {@code
 * "warmup_epochs"} is {@code null} (automatic: a tenth of the run, at most 10 epochs) or a number
 * of epochs fewer than {@code "epochs"}. Example:
 *
 * <pre>{@code
 * {"epochs": 100, "batch_size": 128, "image_size": 224, "learning_rate": 0.1,
 *  "warmup_epochs": null, "weight_decay": 0, "temperature": 0.1, "seed": 1, "small_stem": null,
 *  "augmentation": "hulk", "preprocess": null, "workers": 4, "checkpoint_every": 1,
 *  "keep_last": 3, "val_k": 20}
 * }</pre>
 */
public final class SimclrTrainConfigJson {
  /** Epochs when a file does not say. */
  public static final int DEFAULT_EPOCHS = 100;

  private static final ObjectMapper MAPPER = JsonErrors.strictMapper();

  private SimclrTrainConfigJson() {}

  /**
   * Reads a training configuration file.
   *
   * @throws BadInputException naming the file if it is missing, not JSON, has an unknown key or an
   *     invalid value
   */
  public static SimclrTrainConfig read(Path file) {
    return parse(JsonErrors.readText(file, "training configuration"), file);
  }

  /**
   * Parses training configuration JSON; {@code source} names it in error messages.
   *
   * @throws BadInputException naming {@code source} on any problem
   */
  public static SimclrTrainConfig parse(String json, Path source) {
    if (json.isBlank()) {
      throw new BadInputException(source, "training configuration is empty (expected an object)");
    }
    Dto dto;
    try {
      dto = MAPPER.readValue(json, Dto.class);
    } catch (UnrecognizedPropertyException e) {
      List<String> known = new ArrayList<>();
      if (e.getKnownPropertyIds() != null) {
        for (Object o : e.getKnownPropertyIds()) {
          known.add(String.valueOf(o));
        }
      }
      known.sort(null);
      throw new BadInputException(
          source,
          "unknown key '"
              + e.getPropertyName()
              + "' (known keys: "
              + String.join(", ", known)
              + ")",
          e);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof StreamReadException syntax) {
        throw JsonErrors.notJson(source, syntax);
      }
      throw new BadInputException(
          source, "invalid training configuration: " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw JsonErrors.notJson(source, e);
    }
    if (dto == null) {
      throw new BadInputException(source, "training configuration is empty (expected an object)");
    }
    AugmentationPipeline augmentation = augmentation(dto.augmentation, source);
    PreprocessConfig preprocess =
        dto.preprocess == null || dto.preprocess.isNull()
            ? null
            : PreprocessConfigJson.parse(dto.preprocess.toString(), source);
    try {
      return new SimclrTrainConfig(
          dto.epochs,
          dto.batchSize,
          dto.imageSize,
          dto.learningRate,
          dto.warmupEpochs,
          dto.weightDecay,
          dto.temperature,
          dto.seed,
          dto.smallStem,
          augmentation,
          preprocess,
          dto.workers,
          dto.checkpointEvery,
          dto.keepLast,
          dto.valK);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(source, "invalid training configuration: " + e.getMessage(), e);
    }
  }

  private static AugmentationPipeline augmentation(JsonNode node, Path source) {
    if (node == null || node.isNull()) {
      return AugmentationPipeline.hulk();
    }
    if (node.isTextual()) {
      try {
        return AugmentationPipeline.preset(node.asText());
      } catch (IllegalArgumentException e) {
        throw new BadInputException(source, "invalid augmentation: " + e.getMessage(), e);
      }
    }
    if (node.isObject()) {
      return AugmentationPipelineJson.parse(node.toString(), source);
    }
    throw new BadInputException(
        source, "augmentation must be a preset name or an object, got " + node.getNodeType());
  }

  /** The configuration as JSON text (every key written, so it documents itself). */
  public static String toJson(SimclrTrainConfig config) {
    try {
      Dto d = new Dto();
      d.epochs = config.epochs();
      d.batchSize = config.batchSize();
      d.imageSize = config.imageSize();
      d.learningRate = config.learningRate();
      d.warmupEpochs = config.warmupEpochs();
      d.weightDecay = config.weightDecay();
      d.temperature = config.temperature();
      d.seed = config.seed();
      d.smallStem = config.smallStem();
      d.augmentation = MAPPER.readTree(AugmentationPipelineJson.toJson(config.augmentation()));
      d.preprocess =
          config.preprocess() == null
              ? null
              : MAPPER.readTree(PreprocessConfigJson.toJson(config.preprocess()));
      d.workers = config.workers();
      d.checkpointEvery = config.checkpointEvery();
      d.keepLast = config.keepLast();
      d.valK = config.valK();
      return MAPPER.writeValueAsString(d) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise training configuration", e);
    }
  }

  /** Writes the configuration as JSON, atomically. */
  public static void write(SimclrTrainConfig config, Path file) {
    AtomicFiles.writeString(file, toJson(config));
  }

  @JsonPropertyOrder({
    "epochs",
    "batch_size",
    "image_size",
    "learning_rate",
    "warmup_epochs",
    "weight_decay",
    "temperature",
    "seed",
    "small_stem",
    "augmentation",
    "preprocess",
    "workers",
    "checkpoint_every",
    "keep_last",
    "val_k"
  })
  static final class Dto {
    private static final SimclrTrainConfig D = SimclrTrainConfig.paper(DEFAULT_EPOCHS);

    @JsonProperty("epochs")
    public int epochs = D.epochs();

    @JsonProperty("batch_size")
    public int batchSize = D.batchSize();

    @JsonProperty("image_size")
    public int imageSize = D.imageSize();

    @JsonProperty("learning_rate")
    public double learningRate = D.learningRate();

    @JsonProperty("warmup_epochs")
    public Integer warmupEpochs = D.warmupEpochs();

    @JsonProperty("weight_decay")
    public double weightDecay = D.weightDecay();

    @JsonProperty("temperature")
    public double temperature = D.temperature();

    @JsonProperty("seed")
    public long seed = D.seed();

    @JsonProperty("small_stem")
    public Boolean smallStem;

    @JsonProperty("augmentation")
    public JsonNode augmentation;

    @JsonProperty("preprocess")
    public JsonNode preprocess;

    @JsonProperty("workers")
    public int workers = D.workers();

    @JsonProperty("checkpoint_every")
    public int checkpointEvery = D.checkpointEvery();

    @JsonProperty("keep_last")
    public int keepLast = D.keepLast();

    @JsonProperty("val_k")
    public int valK = D.valK();
  }
}
