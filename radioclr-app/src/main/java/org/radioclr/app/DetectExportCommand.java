package org.radioclr.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radioclr.detect.net.DetectModel;
import org.radioclr.detect.net.DetectSpec;
import org.radioclr.detect.net.DetectWeights;
import org.radioclr.nn.weights.Safetensors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radioclr detect export}: a detector's weights as safetensors. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write a trained detector's weights as a safetensors file: every parameter under its DJL"
          + " name, batch-norm statistics included. With the model folder's "
          + DetectSpec.FILE_NAME
          + " it is how a detector ships inside radioclr (scripts/ship-detector.sh)."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr detect export det/model --out detector.safetensors --half"
    })
final class DetectExportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "MODEL",
      description = "A detector model folder (detect train's --out/model) or a shipped name.")
  Path model;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The .safetensors file to write (replaced atomically).")
  Path out;

  @Option(
      names = "--half",
      description = "Write float16 tensors (half the size; how shipped detectors are stored).")
  boolean half;

  @Override
  public Integer call() {
    if (!out.getFileName().toString().endsWith(".safetensors")) {
      throw new BadOptionException("--out must end in .safetensors, got " + out.getFileName());
    }
    try (DetectModel net = DetectModel.load(model)) {
      DetectWeights.export(net, out, half ? Safetensors.Dtype.F16 : Safetensors.Dtype.F32);
    }
    spec.commandLine().getOut().println("wrote " + out + " (detector " + model + ")");
    return 0;
  }
}
