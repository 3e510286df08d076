package org.radioclr.detect.net;

import java.util.Objects;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.nn.checkpoint.EncoderInit;

/**
 * What a saved detector is ({@code detect.json} of a model folder).
 *
 * @param decoderChannels width of the decoder
 * @param preprocess the pre-processing of its input (applied without resizing)
 * @param init where its backbone started ({@link EncoderInit#label})
 * @param frozenBackbone whether the backbone was frozen in training
 */
public record DetectSpec(
    int decoderChannels, PreprocessConfig preprocess, String init, boolean frozenBackbone) {

  /** The file name in a model folder. */
  public static final String FILE_NAME = "detect.json";

  public DetectSpec {
    Objects.requireNonNull(preprocess, "preprocess");
    Objects.requireNonNull(init, "init");
    if (decoderChannels < 1) {
      throw new IllegalArgumentException("decoder channels must be >= 1, got " + decoderChannels);
    }
  }
}
