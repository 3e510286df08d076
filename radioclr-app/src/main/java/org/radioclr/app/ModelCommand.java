package org.radioclr.app;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.LoadedModel;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.model.ModelSummary;
import org.radioclr.nn.model.SimclrModel;
import org.radioclr.nn.train.SimclrTrainConfig;
import org.radioclr.nn.train.SimclrTrainer;
import org.radioclr.nn.weights.TorchvisionWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radioclr model}: the networks radioclr trains. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description =
        "The SimCLR network: a torchvision-layout ResNet18 encoder and a projection head.",
    subcommands = {ModelCommand.Info.class, ModelCommand.Init.class, ModelCommand.Export.class})
final class ModelCommand {

  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description = {
        "Print the SimCLR model's architecture (paper Table 3): each stage with its output shape"
            + " for the given image size, its parameters and its multiply-accumulates per image,"
            + " and the totals (ResNet18 encoder 11,176,512 trainable parameters, 512-d features,"
            + " 1.81 G MACs at 224 px; projection head 512-256-128).",
        "With RUN (a training run or one of its checkpoints), the summary is of that model:"
            + " its stem, head sizes and image size."
      },
      footer = {
        "",
        "Examples:",
        "  radioclr model info",
        "  radioclr model info --image-size 64 --small-stem",
        "  radioclr model info runs/simclr"
      })
  static final class Info implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--image-size", paramLabel = "PIX", description = "Input side (default: 224).")
    int imageSize = 224;

    @Option(
        names = "--small-stem",
        description =
            "3x3 stride-1 first convolution without max-pool (for images of 32 px or less).")
    boolean smallStem;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "RUN",
        description = "A training run folder or checkpoint folder (default: the paper's model).")
    Path run;

    @Override
    public Integer call() {
      if (run != null) {
        try (LoadedModel loaded = Checkpoint.load(run, Device.cpu())) {
          Shape input = new Shape(1, 3, loaded.config().imageSize(), loaded.config().imageSize());
          spec.commandLine()
              .getOut()
              .print(
                  "checkpoint "
                      + loaded.folder()
                      + "\n"
                      + ModelSummary.of(loaded.network(), input).toText());
        }
        return 0;
      }
      if (imageSize < 8 || imageSize > 4096) {
        throw new BadOptionException("--image-size must be in [8, 4096], got " + imageSize);
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

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Write a trained encoder's weights as a safetensors file in torchvision's ResNet18 naming"
            + " (conv1.weight, bn1.running_mean, layer1.0.conv1.weight, ...), readable by PyTorch"
            + " (safetensors.torch.load_file, then resnet18().load_state_dict(..., strict=False))"
            + " and by 'radioclr train simclr --init FILE'. The projection head is included under"
            + " 'head.' unless --no-head."
      },
      footer = {
        "",
        "Examples:",
        "  radioclr model export runs/simclr --out encoder.safetensors",
        "  radioclr model export runs/simclr/checkpoints/epoch-0100 --out e100.safetensors --no-head"
      })
  static final class Export implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "RUN",
        description = "A training run (its latest checkpoint) or a checkpoint folder.")
    Path run;

    @Mixin SafetensorsOutOptions output;

    @Option(names = "--no-head", description = "Leave the projection head out.")
    boolean noHead;

    @Override
    public Integer call() {
      Path out = output.file();
      try (LoadedModel loaded = Checkpoint.load(run, Device.cpu())) {
        TorchvisionWeights.export(out, loaded.network(), !noHead, output.dtype());
        spec.commandLine()
            .getOut()
            .println(
                "wrote "
                    + out
                    + " (encoder"
                    + (noHead ? "" : " + projection head")
                    + " of "
                    + loaded.folder()
                    + ")");
      }
      return 0;
    }
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {
        "Write a checkpoint of a randomly initialised SimCLR network (seeded): the random-weights"
            + " baseline to compare a trained encoder with, e.g. 'radioclr features --model CKPT'"
            + " then 'radioclr classify probe --features' on both (paper §3)."
      },
      footer = {
        "",
        "Examples:",
        "  radioclr model init --out runs/random-64 --image-size 64 --stem standard --seed 1"
      })
  static final class Init implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "CKPT",
        description = "The checkpoint folder to create (must not exist).")
    Path out;

    @Option(
        names = "--image-size",
        paramLabel = "PIX",
        description = "Input side the features will be extracted at (default: 224).")
    int imageSize = 224;

    @Option(names = "--stem", paramLabel = "STEM", description = StemChoice.DESCRIPTION)
    StemChoice stem = StemChoice.auto;

    @Option(names = "--seed", paramLabel = "N", description = "Initialiser seed (default: 1).")
    long seed = 1;

    @Override
    public Integer call() {
      SimclrTrainConfig shape =
          BadOptionException.check(
              () ->
                  SimclrTrainConfig.paper(1)
                      .withImageSize(imageSize)
                      .withSmallStem(stem.smallStem()));
      ModelConfig config = SimclrTrainer.modelConfig(shape);
      Checkpoint.saveRandom(out, config, seed, new Provenance("radioclr model init"));
      spec.commandLine()
          .getOut()
          .println(
              "wrote "
                  + out
                  + " (random weights, seed "
                  + seed
                  + ", "
                  + (config.encoder().smallInputStem() ? "small" : "standard")
                  + " stem, "
                  + imageSize
                  + " px)");
      return 0;
    }
  }
}
