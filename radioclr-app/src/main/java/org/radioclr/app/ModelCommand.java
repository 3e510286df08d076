package org.radioclr.app;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.Callable;
import org.radioclr.nn.Engines;
import org.radioclr.nn.model.ModelSummary;
import org.radioclr.nn.model.SimclrModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr model}: the networks radioclr trains. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description =
        "The SimCLR network: a torchvision-layout ResNet18 encoder and a projection head.",
    subcommands = {ModelCommand.Info.class})
final class ModelCommand {

  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description = {
        "Print the SimCLR model's architecture (paper Table 3): each stage with its output shape"
            + " for the given image size and its parameters, and the totals (ResNet18 encoder"
            + " 11,176,512 trainable parameters, 512-d features; projection head 512-256-128)."
      },
      footer = {
        "",
        "Examples:",
        "  radioclr model info",
        "  radioclr model info --image-size 64 --small-stem"
      })
  static final class Info implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--image-size", paramLabel = "PIX", description = "Input side (default: 224).")
    int imageSize = 224;

    @Option(
        names = "--small-stem",
        description = "3x3 stride-1 first convolution without max-pool (for images <= 64 px).")
    boolean smallStem;

    @Override
    public Integer call() {
      if (imageSize < 8 || imageSize > 4096) {
        throw new IllegalArgumentException("--image-size must be in [8, 4096], got " + imageSize);
      }
      try (NDManager manager = Engines.newManager()) {
        SimclrModel model = SimclrModel.paper(smallStem);
        Shape input = new Shape(1, 3, imageSize, imageSize);
        model.initialize(manager, DataType.FLOAT32, input);
        spec.commandLine().getOut().print(ModelSummary.of(model, input).toText());
      }
      return 0;
    }
  }
}
