package org.radioclr.classify.net;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.radioclr.classify.Classes;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Json;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.nn.model.ResNet18Config;

/**
 * What a saved classifier is: its encoder's shape and input, its classes, whether it is
 * multi-label, and where its encoder weights started. JSON form ({@code classifier.json} in a
 * classifier folder, through {@link Json}):
 *
 * <pre>{@code
 * {"encoder": {"input_channels": 3, "small_input_stem": true, "num_classes": 0},
 *  "image_size": 64,
 *  "preprocess": null,
 *  "classes": [{"id": 0, "label": "FRI"}, {"id": 1, "label": "FRII"}],
 *  "multi_label": false,
 *  "init": "run1"}
 * }</pre>
 *
 * {@code preprocess} is {@code null} for the paper's pre-processing or an object in {@link
 * PreprocessConfig}'s form.
 *
 * @param encoder the encoder (no {@code fc}; the classifier adds its own)
 * @param imageSize side of the network input in pixels
 * @param preprocess the pre-processing; {@code null} = the paper's
 * @param classes the classes, in output order
 * @param multiLabel one sigmoid per class (true) or a softmax over the classes (false)
 * @param init a short description of the encoder's initial weights
 */
public record ClassifierSpec(
    ResNet18Config encoder,
    int imageSize,
    PreprocessConfig preprocess,
    Classes classes,
    boolean multiLabel,
    String init) {
  /** The file name inside a classifier folder. */
  public static final String FILE_NAME = "classifier.json";

  /** Validates the fields (the encoder, size and pre-processing as an {@link EncoderShape}). */
  public ClassifierSpec {
    Objects.requireNonNull(encoder, "encoder");
    new EncoderShape(encoder, imageSize, preprocess);
    Objects.requireNonNull(classes, "classes");
    Objects.requireNonNull(init, "init");
  }

  /** A classifier on an encoder of that shape. */
  public ClassifierSpec(EncoderShape shape, Classes classes, boolean multiLabel, String init) {
    this(shape.encoder(), shape.imageSize(), shape.preprocess(), classes, multiLabel, init);
  }

  /** The encoder and its input. */
  public EncoderShape shape() {
    return new EncoderShape(encoder, imageSize, preprocess);
  }

  /** Number of outputs (classes). */
  public int outputs() {
    return classes.size();
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
    return Json.read(file, ClassifierSpec.class);
  }
}
