package org.radioclr.nn.checkpoint;

import ai.djl.Model;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Json;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.Engines;
import org.radioclr.nn.model.SimclrModel;
import org.radioclr.nn.weights.Safetensors;
import org.radioclr.nn.weights.TorchvisionWeights;

/**
 * The pretrained encoders that ship inside radioclr, each known by a short name that any command
 * taking a run or checkpoint accepts instead of a path ({@code --encoder radioclr-first-v1}). An
 * encoder ships as two resources under {@code org/radioclr/nn/encoders/NAME/}: {@code
 * encoder.safetensors} (torchvision ResNet18 naming with the projection head under {@code head.},
 * float16) and {@code model-config.json} (network shape, input size and pre-processing). Its model
 * card is {@code docs/models/NAME.md}.
 *
 * <p>On first use an encoder is written out once as an ordinary checkpoint folder in the user's
 * cache ({@link ShippedFiles}), so the rest of radioclr reads it as any checkpoint.
 */
public final class ShippedEncoders {
  /** The names of the shipped encoders. */
  public static final List<String> NAMES = List.of("radioclr-first-v1");

  private static final String ROOT = "/org/radioclr/nn/encoders/";
  private static final String WEIGHTS = "encoder.safetensors";

  private ShippedEncoders() {}

  /** The shipped encoder {@code path} names: a bare name that is no existing file or folder. */
  public static Optional<String> named(Path path) {
    return ShippedFiles.named(path, NAMES);
  }

  /**
   * The checkpoint folder of shipped encoder {@code name}, written into the cache on first use.
   *
   * @throws BadInputException naming the cache folder when it cannot be written
   */
  public static Path checkpoint(String name) {
    byte[] weights = resource(name, WEIGHTS);
    return ShippedFiles.unpacked(
        "encoders",
        name,
        weights,
        Checkpoint::isComplete,
        folder -> {
          ModelConfig config =
              Json.parse(
                  new String(resource(name, ModelConfig.FILE_NAME), StandardCharsets.UTF_8),
                  Path.of(name, ModelConfig.FILE_NAME),
                  ModelConfig.class);
          try (Model model =
              Model.newInstance(
                  Checkpoint.MODEL_NAME, ai.djl.Device.cpu(), Engines.pytorch().getEngineName())) {
            SimclrModel block = Checkpoint.newBlock(model, config);
            Path source = Path.of(name, WEIGHTS);
            TorchvisionWeights.load(source, Safetensors.parse(source, weights), block);
            Checkpoint.save(
                folder,
                model,
                config,
                new Provenance("radioclr shipped encoder").put("name", name));
          }
        });
  }

  private static byte[] resource(String name, String file) {
    return ShippedFiles.resource(ShippedEncoders.class, ROOT + name + "/" + file);
  }
}
