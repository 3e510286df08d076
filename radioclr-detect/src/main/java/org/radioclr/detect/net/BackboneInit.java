package org.radioclr.detect.net;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.radioclr.core.BadInputException;
import org.radioclr.nn.checkpoint.ShippedEncoders;

/**
 * Where the detector's ResNet18 backbone starts (paper §4.3–4.4: SimCLR weights against random
 * ones, with ImageNet weights as a further baseline).
 */
public sealed interface BackboneInit {

  /** A short name for tables and provenance. */
  String label();

  /** The encoder of a SimCLR checkpoint, or of a run's latest checkpoint. */
  record Simclr(Path runOrCheckpoint) implements BackboneInit {
    public Simclr {
      Objects.requireNonNull(runOrCheckpoint, "runOrCheckpoint");
    }

    @Override
    public String label() {
      return "simclr:" + runOrCheckpoint.toAbsolutePath().normalize();
    }
  }

  /** Random weights (torchvision's initialisation, seeded). */
  record Scratch() implements BackboneInit {
    @Override
    public String label() {
      return "scratch";
    }
  }

  /** A safetensors file of ResNet18 weights in torchvision naming (e.g. ImageNet). */
  record Torchvision(Path file) implements BackboneInit {
    public Torchvision {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String label() {
      return "torchvision:" + file.toAbsolutePath().normalize();
    }
  }

  /**
   * Parses {@code scratch}, a {@code .safetensors} file, a SimCLR run or checkpoint folder, or the
   * name of a shipped encoder ({@link ShippedEncoders}).
   *
   * @throws BadInputException naming the path when it does not exist
   */
  static BackboneInit parse(String value) {
    Objects.requireNonNull(value, "value");
    if (value.equals("scratch")) {
      return new Scratch();
    }
    Path p = Path.of(value);
    if (value.toLowerCase(Locale.ROOT).endsWith(".safetensors")) {
      if (!Files.isRegularFile(p)) {
        throw new BadInputException(p, "no such weights file");
      }
      return new Torchvision(p);
    }
    if (!Files.isDirectory(p) && ShippedEncoders.named(p).isEmpty()) {
      throw new BadInputException(
          p,
          "no such SimCLR run or checkpoint folder (use 'scratch', a .safetensors file or a"
              + " shipped encoder: "
              + String.join(", ", ShippedEncoders.NAMES)
              + ")");
    }
    return new Simclr(p);
  }
}
