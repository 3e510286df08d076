package org.radioclr.nn.checkpoint;

import java.util.Objects;
import org.radioclr.core.io.Json;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.model.SimclrModel;

/**
 * What a checkpoint's parameters belong to: the {@link SimclrModel}'s encoder and head, the side of
 * the square images it was trained on, and the pre-processing that made them.
 *
 * <p>JSON form ({@value #FILE_NAME} in a checkpoint, through {@link Json}):
 *
 * <pre>{@code
 * {"encoder": {"input_channels": 3, "small_input_stem": false, "num_classes": 0},
 *  "head": {"input_dim": 512, "hidden_dim": 256, "output_dim": 128},
 *  "image_size": 224,
 *  "preprocess": null}
 * }</pre>
 *
 * {@code encoder}, {@code head} and {@code image_size} are required (their inner keys default to
 * the paper's values); {@code preprocess} is {@code null} (or absent) for the paper's
 * pre-processing, or an object in {@link PreprocessConfig}'s form.
 *
 * @param encoder the encoder's shape (no classifier)
 * @param head the projection head's sizes
 * @param imageSize side of the network input in pixels, &ge; 1
 * @param preprocess the pre-processing; {@code null} = the paper's ({@link
 *     PreprocessConfig#paper()} at {@code imageSize})
 */
public record ModelConfig(
    ResNet18Config encoder, ProjectionHeadConfig head, int imageSize, PreprocessConfig preprocess) {

  /** The file name inside a checkpoint folder. */
  public static final String FILE_NAME = "model-config.json";

  /** Validates the fields (the pair must make a {@link SimclrModel}). */
  public ModelConfig {
    Objects.requireNonNull(encoder, "encoder");
    Objects.requireNonNull(head, "head");
    if (imageSize < 1) {
      throw new IllegalArgumentException("image size must be >= 1, got " + imageSize);
    }
    if (encoder.hasClassifier()) {
      throw new IllegalArgumentException(
          "the SimCLR encoder must have no fc head, got numClasses " + encoder.numClasses());
    }
    if (head.inputDim() != ResNet18Config.FEATURE_DIM) {
      throw new IllegalArgumentException(
          "projection head inputDim must be "
              + ResNet18Config.FEATURE_DIM
              + ", got "
              + head.inputDim());
    }
  }

  /** A new, uninitialised network of this shape. */
  public SimclrModel newModel() {
    return new SimclrModel(encoder, head);
  }

  /** The pre-processing to apply to images fed to this model (output size = {@code imageSize}). */
  public PreprocessConfig effectivePreprocess() {
    PreprocessConfig base = preprocess == null ? PreprocessConfig.paper() : preprocess;
    return base.withResize(true).withOutputSize(imageSize, imageSize);
  }

  /**
   * The network in a few words, for messages: {@code small stem, 3 channels, head 512-512-128}
   * (what {@link #sameArchitecture} compares).
   */
  public String architecture() {
    return (encoder.smallInputStem() ? "small" : "standard")
        + " stem, "
        + encoder.inputChannels()
        + " channels, head "
        + head.inputDim()
        + "-"
        + head.hiddenDim()
        + "-"
        + head.outputDim();
  }

  /** Whether a network of {@code other}'s shape has the same parameter shapes as this one. */
  public boolean sameArchitecture(ModelConfig other) {
    return encoder.equals(other.encoder) && head.equals(other.head);
  }
}
