package org.radioclr.evaluate;

import ai.djl.Model;
import java.nio.file.Path;
import java.util.Locale;
import org.radioclr.core.BadInputException;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.LoadedModel;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.train.SimclrTrainConfig;
import org.radioclr.nn.weights.TorchvisionWeights;

/**
 * The encoder to evaluate, loaded on {@link Engines#bestDevice()}: a SimCLR run (its latest
 * checkpoint), a checkpoint folder, or a {@code .safetensors} file of torchvision ResNet18 encoder
 * weights (e.g. ImageNet's, or one written by {@code radioclr model export}), which is given the
 * paper's pre-processing at {@code imageSize} and the small stem up to 32 px (as {@code train
 * simclr}'s automatic stem).
 *
 * @param model the network, a {@code SimclrModel}; the caller owns it
 * @param config its shape, input size and pre-processing
 * @param source the checkpoint folder or weights file it came from
 */
public record EncoderSource(Model model, ModelConfig config, Path source) {

  /** Whether a path names a weights file rather than a run or checkpoint. */
  public static boolean isWeightsFile(Path path) {
    return path.getFileName() != null
        && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".safetensors");
  }

  /**
   * Loads the encoder.
   *
   * @param imageSize the network's input side for a weights file (0 for a run or checkpoint, which
   *     carry their own)
   * @throws BadInputException naming the folder or file when it is missing or broken, or a weights
   *     file comes without an image size
   */
  public static EncoderSource open(Path encoder, int imageSize) {
    if (!isWeightsFile(encoder)) {
      LoadedModel loaded = Checkpoint.load(encoder, Engines.bestDevice());
      return new EncoderSource(loaded.model(), loaded.config(), loaded.folder());
    }
    if (imageSize < 1) {
      throw new BadInputException(
          encoder, "a weights file needs the network's input size (--image-size)");
    }
    ModelConfig config =
        new ModelConfig(
            ResNet18Config.encoder(imageSize <= SimclrTrainConfig.SMALL_STEM_MAX_SIZE),
            ProjectionHeadConfig.paper(),
            imageSize,
            null);
    Engines.pytorch();
    Model model = Model.newInstance(Checkpoint.MODEL_NAME, Engines.bestDevice(), Engines.PYTORCH);
    try {
      TorchvisionWeights.load(encoder, Checkpoint.newBlock(model, config));
      return new EncoderSource(model, config, encoder);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }
}
