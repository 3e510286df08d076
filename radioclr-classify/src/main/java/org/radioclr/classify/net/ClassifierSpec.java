package org.radioclr.classify.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.radioclr.classify.Classes;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.PreprocessConfigJson;
import org.radioclr.nn.model.ResNet18Config;

/**
 * What a saved classifier is: its encoder's shape and input, its classes, whether it is
 * multi-label, and where its encoder weights started. JSON form ({@code classifier.json} in a
 * classifier folder):
 *
 * <pre>{@code
 * {"encoder": {"input_channels": 3, "small_input_stem": true},
 *  "image_size": 64,
 *  "preprocess": null,
 *  "classes": [{"id": 0, "label": "FRI"}, {"id": 1, "label": "FRII"}],
 *  "multi_label": false,
 *  "init": "run1"}
 * }</pre>
 *
 * {@code preprocess} is {@code null} for the paper's pre-processing or an object in {@link
 * PreprocessConfigJson}'s form.
 *
 * @param shape the encoder and its input
 * @param classes the classes, in output order
 * @param multiLabel one sigmoid per class (true) or a softmax over the classes (false)
 * @param init a short description of the encoder's initial weights
 */
public record ClassifierSpec(EncoderShape shape, Classes classes, boolean multiLabel, String init) {
  /** The file name inside a classifier folder. */
  public static final String FILE_NAME = "classifier.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> KEYS =
      Set.of("encoder", "image_size", "preprocess", "classes", "multi_label", "init");

  /** Validates the fields. */
  public ClassifierSpec {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(classes, "classes");
    Objects.requireNonNull(init, "init");
  }

  /** Number of outputs (classes). */
  public int outputs() {
    return classes.size();
  }

  /** The JSON text. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode enc = root.putObject("encoder");
    enc.put("input_channels", shape.encoder().inputChannels());
    enc.put("small_input_stem", shape.encoder().smallInputStem());
    root.put("image_size", shape.imageSize());
    if (shape.preprocess() == null) {
      root.putNull("preprocess");
    } else {
      try {
        root.set("preprocess", JSON.readTree(PreprocessConfigJson.toJson(shape.preprocess())));
      } catch (IOException e) {
        throw new IllegalStateException("cannot convert the pre-processing", e);
      }
    }
    ArrayNode cls = root.putArray("classes");
    for (int i = 0; i < classes.size(); i++) {
      cls.addObject().put("id", classes.ids().get(i)).put("label", classes.names().get(i));
    }
    root.put("multi_label", multiLabel);
    root.put("init", init);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("cannot write classifier JSON", e);
    }
  }

  /** Writes {@code file} atomically. */
  public void write(Path file) {
    AtomicFiles.writeString(file, toJson());
  }

  /**
   * Reads {@code file}.
   *
   * @throws BadInputException naming the file when it is missing, not JSON, or invalid
   */
  public static ClassifierSpec read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file, "no classifier description (not a classifier folder?)");
    }
    try {
      JsonNode root = JSON.readTree(Files.readString(file));
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("expected a JSON object");
      }
      for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!KEYS.contains(key)) {
          throw new IllegalArgumentException("unknown key \"" + key + "\" (known: " + KEYS + ")");
        }
      }
      JsonNode enc = required(root, "encoder");
      ResNet18Config encoder =
          new ResNet18Config(
              required(enc, "input_channels").asInt(),
              required(enc, "small_input_stem").asBoolean(),
              0);
      JsonNode pre = root.get("preprocess");
      PreprocessConfig preprocess =
          pre == null || pre.isNull() ? null : PreprocessConfigJson.parse(pre.toString(), file);
      List<String> names = new ArrayList<>();
      List<Integer> ids = new ArrayList<>();
      for (JsonNode c : required(root, "classes")) {
        ids.add(required(c, "id").asInt());
        names.add(required(c, "label").asText());
      }
      return new ClassifierSpec(
          new EncoderShape(encoder, required(root, "image_size").asInt(), preprocess),
          new Classes(names, ids),
          required(root, "multi_label").asBoolean(),
          root.path("init").asText(""));
    } catch (IOException | IllegalArgumentException e) {
      throw new BadInputException(file, "invalid classifier description: " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing \"" + key + "\"");
    }
    return v;
  }
}
