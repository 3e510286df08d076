package org.radioclr.nn.features;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.radioclr.core.BadInputException;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.PreprocessConfigJson;
import org.radioclr.nn.Engines;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.model.SimclrModel;

/**
 * A minimal reader of the checkpoint contract, for feature extraction only (the training side's
 * {@code Checkpoint.load} will replace it): a CHECKPOINT folder holds {@code model-config.json},
 * {@code simclr-0000.params} (DJL {@code Model.save(folder, "simclr")} of a {@link SimclrModel})
 * and {@code provenance.json}; a RUN folder holds {@code checkpoints/epoch-NNNN/} checkpoint
 * folders, the latest complete one being used. Every problem is a {@link BadInputException} naming
 * the folder or file.
 */
final class FeatureModelLoader {
  static final String CONFIG = "model-config.json";
  static final String PARAMS = "simclr-0000.params";
  static final String PROVENANCE = "provenance.json";
  static final String PREFIX = "simclr";

  private static final Pattern EPOCH = Pattern.compile("epoch-[0-9]{4}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private FeatureModelLoader() {}

  /**
   * A loaded checkpoint; the caller closes {@link #model()}.
   *
   * @param model the DJL model holding {@code block}
   * @param block the network, parameters loaded
   * @param head the projection head's sizes
   * @param imageSize the side of the square images the network was trained on
   * @param preprocess the checkpoint's pre-processing, resizing to {@code imageSize}
   * @param checkpoint the checkpoint folder read
   */
  record Loaded(
      Model model,
      SimclrModel block,
      ProjectionHeadConfig head,
      int imageSize,
      PreprocessConfig preprocess,
      Path checkpoint) {}

  /** The checkpoint folder of a run (its latest complete checkpoint) or a checkpoint. */
  static Path resolve(Path runOrCheckpoint) {
    if (!Files.exists(runOrCheckpoint)) {
      throw new BadInputException(runOrCheckpoint, "no such checkpoint or run folder");
    }
    if (!Files.isDirectory(runOrCheckpoint)) {
      throw new BadInputException(
          runOrCheckpoint, "is a file; give a checkpoint folder or a run folder");
    }
    if (Files.exists(runOrCheckpoint.resolve(CONFIG))
        || Files.exists(runOrCheckpoint.resolve(PARAMS))) {
      List<String> missing = missing(runOrCheckpoint);
      if (!missing.isEmpty()) {
        throw new BadInputException(
            runOrCheckpoint, "incomplete checkpoint: missing " + String.join(", ", missing));
      }
      return runOrCheckpoint;
    }
    Path checkpoints = runOrCheckpoint.resolve("checkpoints");
    if (!Files.isDirectory(checkpoints)) {
      throw new BadInputException(
          runOrCheckpoint,
          "neither a checkpoint ("
              + CONFIG
              + ", "
              + PARAMS
              + ", "
              + PROVENANCE
              + ") nor a run (checkpoints/epoch-NNNN/)");
    }
    List<Path> epochs = new ArrayList<>();
    try (Stream<Path> list = Files.list(checkpoints)) {
      list.filter(p -> EPOCH.matcher(p.getFileName().toString()).matches())
          .filter(Files::isDirectory)
          .filter(p -> missing(p).isEmpty())
          .forEach(epochs::add);
    } catch (IOException e) {
      throw new BadInputException(checkpoints, "cannot list: " + e.getMessage(), e);
    }
    return epochs.stream()
        .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
        .orElseThrow(
            () ->
                new BadInputException(
                    runOrCheckpoint, "run has no complete checkpoint under checkpoints/"));
  }

  private static List<String> missing(Path folder) {
    List<String> missing = new ArrayList<>();
    for (String name : List.of(CONFIG, PARAMS, PROVENANCE)) {
      if (!Files.isRegularFile(folder.resolve(name))) {
        missing.add(name);
      }
    }
    return missing;
  }

  /** Loads a run's latest checkpoint or a checkpoint onto {@code device}. */
  static Loaded load(Path runOrCheckpoint, Device device) {
    Path folder = resolve(runOrCheckpoint);
    Path configFile = folder.resolve(CONFIG);
    JsonNode root;
    try {
      root = JSON.readTree(configFile.toFile());
    } catch (JsonProcessingException e) {
      throw new BadInputException(configFile, "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BadInputException(configFile, "cannot read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException(configFile, "must be a JSON object");
    }
    ResNet18Config encoder;
    ProjectionHeadConfig head;
    int imageSize;
    PreprocessConfig preprocess;
    try {
      JsonNode e = object(root, "encoder", configFile);
      encoder =
          new ResNet18Config(
              integer(e, "input_channels", 3, configFile),
              bool(e, "small_input_stem", configFile),
              integer(e, "num_classes", 0, configFile));
      JsonNode h = object(root, "head", configFile);
      head =
          new ProjectionHeadConfig(
              integer(h, "input_dim", 512, configFile),
              integer(h, "hidden_dim", 256, configFile),
              integer(h, "output_dim", 128, configFile));
      imageSize = integer(root, "image_size", -1, configFile);
      if (imageSize < 1) {
        throw new BadInputException(configFile, "image_size must be a positive integer");
      }
      JsonNode p = root.get("preprocess");
      PreprocessConfig base =
          p == null || p.isNull()
              ? PreprocessConfig.paper()
              : PreprocessConfigJson.parse(JSON.writeValueAsString(p), configFile);
      preprocess = base.withOutputSize(imageSize, imageSize);
    } catch (IllegalArgumentException | JsonProcessingException ex) {
      throw new BadInputException(
          configFile, "invalid model configuration: " + ex.getMessage(), ex);
    }
    if (preprocess.channelCount() != encoder.inputChannels()) {
      throw new BadInputException(
          configFile,
          "preprocess makes "
              + preprocess.channelCount()
              + " channels but the encoder takes "
              + encoder.inputChannels());
    }

    SimclrModel block;
    try {
      block = new SimclrModel(encoder, head);
    } catch (IllegalArgumentException ex) {
      throw new BadInputException(
          configFile, "invalid model configuration: " + ex.getMessage(), ex);
    }
    Model model = Model.newInstance(PREFIX, device, Engines.pytorch().getEngineName());
    try {
      model.setBlock(block);
      block.initialize(
          model.getNDManager(),
          DataType.FLOAT32,
          new Shape(1, encoder.inputChannels(), imageSize, imageSize));
      Map<String, Shape> expected = shapes(block);
      try {
        model.load(folder, PREFIX);
      } catch (IOException | MalformedModelException | RuntimeException ex) {
        throw new BadInputException(
            folder.resolve(PARAMS),
            "cannot load parameters (another architecture?): " + ex.getMessage(),
            ex);
      }
      Map<String, Shape> loaded = shapes(block);
      for (Map.Entry<String, Shape> x : expected.entrySet()) {
        Shape got = loaded.get(x.getKey());
        if (!x.getValue().equals(got)) {
          throw new BadInputException(
              folder.resolve(PARAMS),
              "parameters do not match "
                  + CONFIG
                  + " (another architecture or size): "
                  + x.getKey()
                  + " has shape "
                  + got
                  + ", expected "
                  + x.getValue());
        }
      }
      return new Loaded(model, block, head, imageSize, preprocess, folder);
    } catch (RuntimeException ex) {
      model.close();
      throw ex;
    }
  }

  private static Map<String, Shape> shapes(SimclrModel block) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    for (var e : block.getParameters().toMap().entrySet()) {
      Parameter p = e.getValue();
      shapes.put(e.getKey(), p.isInitialized() ? p.getArray().getShape() : null);
    }
    return shapes;
  }

  private static JsonNode object(JsonNode parent, String key, Path file) {
    JsonNode n = parent.get(key);
    if (n == null || !n.isObject()) {
      throw new BadInputException(file, "\"" + key + "\" must be a JSON object");
    }
    return n;
  }

  private static int integer(JsonNode parent, String key, int fallback, Path file) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      if (fallback < 0) {
        throw new BadInputException(file, "no \"" + key + "\"");
      }
      return fallback;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw new BadInputException(file, "\"" + key + "\" must be an integer, got " + n);
    }
    return n.intValue();
  }

  private static boolean bool(JsonNode parent, String key, Path file) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      return false;
    }
    if (!n.isBoolean()) {
      throw new BadInputException(file, "\"" + key + "\" must be true or false, got " + n);
    }
    return n.booleanValue();
  }
}
