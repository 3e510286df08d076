package org.radioclr.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radioclr.classify.net.ClassificationData;
import org.radioclr.classify.net.ClassifierNet;
import org.radioclr.classify.net.ClassifierTrainConfig;
import org.radioclr.classify.net.ClassifierTrainer;
import org.radioclr.classify.net.EncoderInit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr classify probe}: linear probe on a frozen encoder (paper §3.2). */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = {
      "Linear probe (paper §3.2): freeze a SimCLR run's encoder (weights and batch-norm"
          + " statistics) and train only one linear layer (softmax, or one sigmoid per class for"
          + " multi-label data) on the training set, with random flips and quarter turns as the"
          + " only augmentations, evaluating on the test set after every epoch.",
      "The frozen encoder's features of each training image under each of the 8 flips/turns are"
          + " computed once, when an epoch first draws them, and reused (at most 8 encoder passes"
          + " over the training set, whatever the epochs).",
      "Writes R/config.json, R/metrics.csv (loss, train and test accuracy, test macro F1, lr,"
          + " img/s per epoch), R/metrics.png, R/predictions.csv (test probabilities) and the"
          + " classifier R/classifier/ for 'classify predict'."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr classify probe --model run1 --train train.json --test test.json --out probe1",
      "  radioclr classify probe --model scratch --image-size 64 --train train.json --test"
          + " test.json --out probe-random",
      "  radioclr classify probe --model resnet18-imagenet.safetensors --image-size 224"
          + " --no-small-stem --train train.json --test test.json --out probe-imagenet"
    })
final class ClassifyProbeCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "RUN|scratch|WEIGHTS",
      description =
          "The encoder: a SimCLR run (its latest checkpoint) or checkpoint; 'scratch' for random"
              + " weights (a baseline; needs --image-size); or a .safetensors file of torchvision"
              + " ResNet18 weights such as ImageNet's (needs --image-size).")
  String model;

  @Mixin ClassifyNetOptions options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EncoderInit init = EncoderInit.parse(model);
    ClassificationData data =
        ClassificationData.read(options.train, options.test, options.multiLabel);
    ClassifierTrainConfig config = options.resolve(ClassifierTrainConfig.probe());
    ClassifierTrainer.Result r;
    try (ClassifierNet net =
        ClassifierNet.create(
            init,
            options.shape(null, List.of(init)),
            data.classes(),
            data.multiLabel(),
            config.seed())) {
      out.println(
          "probe: "
              + net.shape().describe()
              + ", classes "
              + data.classes().names()
              + ", "
              + data.train().size()
              + " train / "
              + data.test().size()
              + " test images");
      out.flush();
      r =
          ClassifierTrainer.train(
              net, config, data, options.out, new ClassifyNetOptions.Console(out, err));
    }
    out.println(
        String.format(
            Locale.ROOT,
            "test accuracy %.4f  macro F1 %.4f  (%d images)",
            r.accuracy(),
            r.macroF1(),
            r.test().size()));
    out.println("classifier: " + r.run().resolve(ClassifierNet.RUN_FOLDER));
    out.flush();
    return 0;
  }
}
