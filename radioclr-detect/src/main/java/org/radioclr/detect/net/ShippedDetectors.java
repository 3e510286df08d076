package org.radioclr.detect.net;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Json;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.checkpoint.ShippedFiles;
import org.radioclr.nn.weights.Safetensors;

/**
 * The trained detectors that ship inside radioclr, each known by a short name that any command
 * taking a detector model folder accepts instead of a path ({@code --model
 * radioclr-detect-sim-v1}). A detector ships as two resources under {@code
 * org/radioclr/detect/models/NAME/}: {@code detector.safetensors} (float16, {@link DetectWeights})
 * and {@code detect.json} (its {@link DetectSpec}). Its model card is {@code docs/models/NAME.md}.
 * On first use it is written out once as an ordinary model folder in the user's cache ({@link
 * ShippedFiles}).
 */
public final class ShippedDetectors {
  /** The names of the shipped detectors. */
  public static final List<String> NAMES = List.of("radioclr-detect-sim-v1");

  private static final String ROOT = "/org/radioclr/detect/models/";
  private static final String WEIGHTS = "detector.safetensors";

  private ShippedDetectors() {}

  /** The shipped detector {@code path} names: a bare name that is no existing file or folder. */
  public static Optional<String> named(Path path) {
    return ShippedFiles.named(path, NAMES);
  }

  /**
   * The model folder of shipped detector {@code name}, written into the cache on first use.
   *
   * @throws BadInputException naming the cache folder when it cannot be written
   */
  public static Path folder(String name) {
    byte[] weights = resource(name, WEIGHTS);
    return ShippedFiles.unpacked(
        "detectors",
        name,
        weights,
        ShippedDetectors::isComplete,
        folder -> {
          DetectSpec spec =
              Json.parse(
                  new String(resource(name, DetectSpec.FILE_NAME), StandardCharsets.UTF_8),
                  Path.of(name, DetectSpec.FILE_NAME),
                  DetectSpec.class);
          try (DetectModel net = DetectModel.of(spec)) {
            Path source = Path.of(name, WEIGHTS);
            DetectWeights.load(source, Safetensors.parse(source, weights), net);
            net.save(folder, new Provenance("radioclr shipped detector").put("name", name));
          }
        });
  }

  private static boolean isComplete(Path folder) {
    return Files.isRegularFile(folder.resolve(DetectSpec.FILE_NAME))
        && Files.isRegularFile(folder.resolve(DetectModel.PARAMS_FILE));
  }

  private static byte[] resource(String name, String file) {
    return ShippedFiles.resource(ShippedDetectors.class, ROOT + name + "/" + file);
  }
}
