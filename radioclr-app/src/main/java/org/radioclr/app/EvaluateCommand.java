package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radioclr.classify.linear.LogisticOptions;
import org.radioclr.classify.split.BalancedSplits;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.evaluate.EncoderSource;
import org.radioclr.evaluate.Evaluation;
import org.radioclr.evaluate.EvaluationConfig;
import org.radioclr.evaluate.EvaluationReport;
import org.radioclr.evaluate.EvaluationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr evaluate}: how good an encoder is, against its baselines, in one table. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Measure an encoder on one labelled datalist: draw K class-balanced train/test splits"
          + " (paper §3.1) and, on the same splits, score four classifiers on each test set:"
          + " 'linear probe' (logistic regression on the frozen encoder's 512 features),"
          + " 'kNN' (majority class of the k most cosine-similar training images in that feature"
          + " space), 'random weights' (the probe on the same network with seeded random"
          + " weights) and 'raw pixels' (logistic regression on the pre-processed image resized"
          + " to --raw-size pixels per channel). Each as accuracy and macro F1, mean ± standard"
          + " error over the splits.",
      "Writes R/results.csv, R/results.json, R/splits.csv (every split's images),"
          + " R/accuracy.png, R/report.html and the random-weights checkpoint"
          + " R/random-encoder/; prints the table."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr evaluate --encoder runs/simclr --labelled labelled.json --out eval1",
      "  radioclr evaluate --encoder resnet18-imagenet.safetensors --image-size 64 --labelled"
          + " l.json --out eval-imagenet",
      "  radioclr evaluate --encoder runs/simclr/checkpoints/epoch-0020 --labelled l.json"
          + " --splits 5 --seed 7 --out eval2"
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--encoder",
      required = true,
      paramLabel = "RUN|CKPT|WEIGHTS",
      description =
          "A SimCLR training run (its latest checkpoint), a checkpoint folder, or a .safetensors"
              + " file of torchvision ResNet18 encoder weights (needs --image-size; the paper's"
              + " pre-processing, the small stem up to 32 px).")
  Path encoder;

  @Option(
      names = "--image-size",
      paramLabel = "PIX",
      description = "With a .safetensors WEIGHTS file: the network's input side.")
  Integer imageSize;

  @Option(
      names = "--labelled",
      required = true,
      paramLabel = "L.json",
      description = "Labelled datalist (one label per image; unlabelled entries are left out).")
  Path labelled;

  @Mixin OutFolderOption output;

  @Option(
      names = "--splits",
      paramLabel = "K",
      description = "Class-balanced train/test splits (default: ${DEFAULT-VALUE}).")
  int splits = EvaluationConfig.DEFAULT_SPLITS;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the splits and the random weights (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--train-per-class",
      paramLabel = "N",
      description =
          "Training images per class in each split (default: ${DEFAULT-VALUE}; fewer, keeping"
              + " the ratio, when the rarest class is smaller).")
  int trainPerClass = BalancedSplits.PAPER_TRAIN_PER_CLASS;

  @Option(
      names = "--test-per-class",
      paramLabel = "M",
      description = "Test images per class in each split (default: ${DEFAULT-VALUE}).")
  int testPerClass = BalancedSplits.PAPER_TEST_PER_CLASS;

  @Option(
      names = "--k",
      paramLabel = "K",
      description = "kNN neighbours (default: ${DEFAULT-VALUE}).")
  int k = EvaluationConfig.DEFAULT_K;

  @Option(
      names = "--raw-size",
      paramLabel = "PIX",
      description = "Side of the raw-pixel baseline's image (default: ${DEFAULT-VALUE}).")
  int rawSize = EvaluationConfig.DEFAULT_RAW_SIZE;

  @Option(
      names = "--l2",
      paramLabel = "L",
      description = "L2 penalty of the logistic regressions (default: ${DEFAULT-VALUE}).")
  double l2 = LogisticOptions.DEFAULT_L2;

  @Option(names = "--dihedral", description = FeatureArgs.DIHEDRAL_DESCRIPTION)
  boolean dihedral;

  @Override
  public Integer call() {
    atLeastOne("--splits", splits);
    boolean weights = EncoderSource.isWeightsFile(encoder);
    if (weights && imageSize == null) {
      throw new BadOptionException("a .safetensors --encoder needs --image-size");
    }
    if (!weights && imageSize != null) {
      throw new BadOptionException(
          "--image-size applies only to a .safetensors --encoder; a run or checkpoint has its own");
    }
    if (imageSize != null) {
      atLeastOne("--image-size", imageSize);
    }
    atLeastOne("--train-per-class", trainPerClass);
    atLeastOne("--test-per-class", testPerClass);
    atLeastOne("--k", k);
    atLeastOne("--raw-size", rawSize);
    EvaluationConfig config =
        BadOptionException.check(
            () ->
                new EvaluationConfig(
                    encoder,
                    imageSize == null ? 0 : imageSize,
                    labelled,
                    splits,
                    trainPerClass,
                    testPerClass,
                    seed,
                    k,
                    rawSize,
                    new LogisticOptions(
                        l2,
                        LogisticOptions.DEFAULT_MAX_ITERATIONS,
                        LogisticOptions.DEFAULT_TOLERANCE),
                    dihedral));
    Path dir = output.requireEmpty().toAbsolutePath().normalize();
    AtomicFiles.ensureDirectory(dir);
    PrintWriter o = spec.commandLine().getOut();
    EvaluationResult r =
        Evaluation.run(config, dir, ConsoleProgress.onStderr(spec.commandLine().getErr()));
    EvaluationReport.write(dir, r);
    o.printf(
        Locale.ROOT,
        "%s (%s, %d px) on %d images of %s, %s; %s%n",
        r.checkpoint(),
        r.architecture(),
        r.imageSize(),
        r.snames().size(),
        labelled,
        r.classes(),
        r.splits().note());
    if (!r.skipped().isEmpty()) {
      Main.warn(
          spec.commandLine().getErr(),
          r.skipped().size() + " images could not be read and were left out");
    }
    o.print(TextTables.format(EvaluationReport.table(r)));
    o.printf(
        Locale.ROOT,
        "report: %s (%.0f s)%n",
        dir.resolve(EvaluationReport.REPORT_FILE),
        r.seconds());
    o.flush();
    return 0;
  }

  private static void atLeastOne(String option, int value) {
    if (value < 1) {
      throw new BadOptionException(option + " must be >= 1, got " + value);
    }
  }
}
