package org.radioclr.classify.net;

import java.util.Objects;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.train.SimclrTrainConfig;

/**
 * What a classifier's encoder looks like and what it eats: the ResNet18's shape, the side of the
 * square input and the pre-processing that makes it.
 *
 * @param encoder the encoder (no {@code fc}; the classifier adds its own)
 * @param imageSize side of the network input in pixels, &ge; 8
 * @param preprocess the pre-processing; {@code null} = the paper's ({@link
 *     PreprocessConfig#paper()})
 */
public record EncoderShape(ResNet18Config encoder, int imageSize, PreprocessConfig preprocess) {

  /** Validates the fields. */
  public EncoderShape {
    Objects.requireNonNull(encoder, "encoder");
    if (encoder.hasClassifier()) {
      throw new IllegalArgumentException(
          "the encoder must have no fc head, got numClasses " + encoder.numClasses());
    }
    if (imageSize < 8 || imageSize > 4096) {
      throw new IllegalArgumentException("image size must be in 8..4096, got " + imageSize);
    }
  }

  /** The shape of a SimCLR checkpoint's encoder, with its image size and pre-processing. */
  public static EncoderShape of(ModelConfig config) {
    return new EncoderShape(config.encoder(), config.imageSize(), config.preprocess());
  }

  /**
   * A three-channel encoder with the paper's pre-processing: the small stem when {@code smallStem}
   * is true, or when it is null and {@code imageSize <= SimclrTrainConfig.SMALL_STEM_MAX_SIZE} (as
   * {@code train simclr} decides).
   */
  public static EncoderShape of(int imageSize, Boolean smallStem) {
    boolean small =
        smallStem != null ? smallStem : imageSize <= SimclrTrainConfig.SMALL_STEM_MAX_SIZE;
    return new EncoderShape(ResNet18Config.encoder(small), imageSize, null);
  }

  /** The pre-processing applied to every image (output size {@code imageSize}). */
  public PreprocessConfig effectivePreprocess() {
    PreprocessConfig base = preprocess == null ? PreprocessConfig.paper() : preprocess;
    return base.withResize(true).withOutputSize(imageSize, imageSize);
  }

  /** A short description, e.g. {@code "small-stem ResNet18, 64 px"}. */
  public String describe() {
    return (encoder.smallInputStem() ? "small-stem" : "standard-stem")
        + " ResNet18, "
        + imageSize
        + " px";
  }
}
