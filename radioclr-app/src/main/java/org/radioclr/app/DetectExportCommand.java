package org.radioclr.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radioclr.detect.net.DetectModel;
import org.radioclr.detect.net.DetectSpec;
import org.radioclr.detect.net.DetectWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin SafetensorsOutOptions output;

  @Override
  public Integer call() {
    Path file = output.file();
    try (DetectModel net = DetectModel.load(model)) {
      DetectWeights.export(net, file, output.dtype());
    }
    spec.commandLine().getOut().println("wrote " + file + " (detector " + model + ")");
    return 0;
  }
}
