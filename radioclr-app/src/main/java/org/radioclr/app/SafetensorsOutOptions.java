package org.radioclr.app;

import java.nio.file.Path;
import org.radioclr.nn.weights.Safetensors;
import picocli.CommandLine.Option;

/** The {@code --out FILE.safetensors} and {@code --half} options of the weight exports. */
final class SafetensorsOutOptions {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The .safetensors file to write (replaced atomically).")
  Path out;

  @Option(
      names = "--half",
      description = "Write float16 tensors (half the size; how shipped models are stored).")
  boolean half;

  /**
   * The file to write.
   *
   * @throws BadOptionException when its name does not end in {@code .safetensors}
   */
  Path file() {
    if (!out.getFileName().toString().endsWith(".safetensors")) {
      throw new BadOptionException("--out must end in .safetensors, got " + out.getFileName());
    }
    return out;
  }

  /** The element type of the floating-point tensors. */
  Safetensors.Dtype dtype() {
    return half ? Safetensors.Dtype.F16 : Safetensors.Dtype.F32;
  }
}
