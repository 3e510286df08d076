package org.radioclr.nn.checkpoint;

import ai.djl.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Json;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.io.Sha256;
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
 * cache ({@code $RADIOCLR_CACHE}, else {@code $XDG_CACHE_HOME/radioclr}, else {@code
 * ~/.cache/radioclr}), in a folder named after the weights' SHA-256, so the rest of radioclr reads
 * it as any checkpoint. Nothing is downloaded.
 */
public final class ShippedEncoders {
  /** The names of the shipped encoders. */
  public static final List<String> NAMES = List.of("radioclr-first-v1");

  private static final String ROOT = "/org/radioclr/nn/encoders/";
  private static final String WEIGHTS = "encoder.safetensors";

  private ShippedEncoders() {}

  /** The shipped encoder {@code path} names: a bare name that is no existing file or folder. */
  public static Optional<String> named(Path path) {
    String s = path.toString();
    return NAMES.contains(s) && path.getNameCount() == 1 && !Files.exists(path)
        ? Optional.of(s)
        : Optional.empty();
  }

  /**
   * The checkpoint folder of shipped encoder {@code name}, written into the cache on first use.
   *
   * @throws BadInputException naming the cache folder when it cannot be written
   */
  public static Path checkpoint(String name) {
    byte[] weights = resource(name, WEIGHTS);
    Path folder = cacheRoot().resolve("encoders").resolve(name + "-" + shortHash(weights));
    if (Checkpoint.isComplete(folder)) {
      return folder;
    }
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
          folder, model, config, new Provenance("radioclr shipped encoder").put("name", name));
    } catch (BadInputException e) {
      if (!Checkpoint.isComplete(folder)) { // another process may have written it meanwhile
        throw e;
      }
    }
    return folder;
  }

  private static byte[] resource(String name, String file) {
    try (InputStream in = ShippedEncoders.class.getResourceAsStream(ROOT + name + "/" + file)) {
      if (in == null) {
        throw new IllegalStateException("shipped encoder " + name + " has no " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String shortHash(byte[] bytes) {
    return Sha256.hex(bytes).substring(0, 12);
  }

  private static Path cacheRoot() {
    String own = System.getenv("RADIOCLR_CACHE");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "radioclr");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "radioclr");
  }
}
