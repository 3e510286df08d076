package org.radioclr.nn.checkpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.radioclr.core.BadInputException;

/**
 * Where the encoder weights of a classifier or a detector's backbone come from (paper §3.3 compares
 * a SimCLR initialisation with training from scratch; §3.2 adds the ImageNet baseline).
 */
public sealed interface EncoderInit {

  /** A short name for tables and folder names. */
  String label();

  /** The encoder of a SimCLR checkpoint, or of a run's latest checkpoint. */
  record Simclr(Path runOrCheckpoint) implements EncoderInit {
    /** Checks the path is given. */
    public Simclr {
      Objects.requireNonNull(runOrCheckpoint, "runOrCheckpoint");
    }

    @Override
    public String label() {
      Path name = runOrCheckpoint.toAbsolutePath().normalize().getFileName();
      return name == null ? "simclr" : name.toString();
    }
  }

  /** Random weights (torchvision's initialisation, seeded). */
  record Scratch() implements EncoderInit {
    @Override
    public String label() {
      return "scratch";
    }
  }

  /** A safetensors file of ResNet18 weights in torchvision naming (e.g. ImageNet-pretrained). */
  record Torchvision(Path file) implements EncoderInit {
    /** Checks the path is given. */
    public Torchvision {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String label() {
      String name = file.getFileName().toString();
      return name.substring(0, name.length() - ".safetensors".length());
    }
  }

  /**
   * Parses a command-line value: {@code scratch}, a {@code .safetensors} file, a SimCLR run or
   * checkpoint folder, or the name of a shipped encoder ({@link ShippedEncoders}).
   *
   * @throws BadInputException naming the path when it does not exist
   */
  static EncoderInit parse(String value) {
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
