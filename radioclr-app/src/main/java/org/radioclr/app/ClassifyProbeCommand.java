package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radioclr.classify.linear.LogisticOptions;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.metrics.MeanAndError;
import org.radioclr.classify.net.ClassificationData;
import org.radioclr.classify.net.ClassifierNet;
import org.radioclr.classify.net.ClassifierTrainConfig;
import org.radioclr.classify.net.ClassifierTrainer;
import org.radioclr.classify.net.EncoderShape;
import org.radioclr.classify.net.ImageSplits;
import org.radioclr.classify.probe.FeatureProbe;
import org.radioclr.classify.report.SplitSummary;
import org.radioclr.classify.split.BalancedSplits;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.nn.checkpoint.EncoderInit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radioclr classify probe}: linear probe on a frozen encoder (paper §3.2), on images, or
 * with {@code --features} on feature tables ({@link FeatureProbe}).
 */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = {
      "Linear probe (paper §3.2), on images (--model) or, with --features, on feature tables from"
          + " 'radioclr features'.",
      "On images: freeze a SimCLR run's encoder (weights and batch-norm statistics) and train only"
          + " one linear layer (softmax, or one sigmoid per class for multi-label data) on the"
          + " training datalist, with random flips and quarter turns as the only augmentations,"
          + " evaluating on the test datalist after every epoch. The frozen encoder's features of"
          + " each training image under each of the 8 flips/turns are computed once, when an"
          + " epoch first draws them, and reused. Writes R/config.json, R/metrics.csv (loss,"
          + " train and test accuracy, test macro F1, lr, img/s per epoch), R/metrics.png,"
          + " R/predictions.csv (test probabilities), the classifier R/classifier/ for 'classify"
          + " predict', and the last epoch's test scores: R/metrics.json, R/confusion.png,"
          + " R/report.html.",
      "With --splits K (both modes): the labelled entries of --train and --test (or of --train"
          + " alone) are pooled and K class-balanced random train/test splits are drawn with"
          + " --seed (paper §3.1: 5 splits of 1000 train and 600 test images per class; fewer"
          + " when the rarest class is smaller, keeping the ratio), one probe per split, every"
          + " score reported as mean ± standard error over the splits: R/metrics.json holds the"
          + " mean ± standard error, R/confusion.png the counts pooled over the splits,"
          + " R/report.html both, and R/split-J/ each split's files (on images a run folder as"
          + " above); on images R/splits.csv (split, set, sname, label) lists every split's"
          + " images. Single-label data only.",
      "With --features: --train and --test are feature tables; a multinomial logistic regression"
          + " (features standardised on the training rows, L2 penalty, L-BFGS; one sigmoid per"
          + " class for multi-label data) is fitted on the labelled rows of --train and scored on"
          + " --test (rows without a label are left out). Writes R/metrics.json, R/confusion.png,"
          + " R/model.json, R/predictions.csv (sname, truth, predicted, p_CLASS...) and"
          + " R/report.html (with --splits: in each R/split-J/, and the summary in R).",
      "Both print the accuracy, macro F1 and the per-class precision, recall and F1. Options of"
          + " one mode given in the other are an error."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr classify probe --model run1 --train train.json --test test.json --out probe1",
      "  radioclr classify probe --model scratch --image-size 64 --train train.json --test"
          + " test.json --out probe-random",
      "  radioclr classify probe --model resnet18-imagenet.safetensors --image-size 224"
          + " --no-small-stem --train train.json --test test.json --out probe-imagenet",
      "  radioclr classify probe --model run1 --train train.json --test test.json --splits 5"
          + " --out probe5",
      "  radioclr classify probe --features --train train.parquet --test test.parquet --out p",
      "  radioclr classify probe --features --train all.parquet --splits 5 --train-per-class 1000"
          + " --test-per-class 600 --out probe5"
    })
final class ClassifyProbeCommand implements Callable<Integer> {
  /** Options of the feature mode only. */
  private static final List<String> FEATURE_ONLY = List.of("--l2", "--max-iterations");

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--features",
      description = "Probe feature tables (.parquet or .csv from 'radioclr features') instead.")
  boolean features;

  @Option(
      names = "--model",
      paramLabel = "RUN|scratch|WEIGHTS",
      description =
          "Images: the encoder: a SimCLR run (its latest checkpoint) or checkpoint; 'scratch' for"
              + " random weights (a baseline; needs --image-size); or a .safetensors file of"
              + " torchvision ResNet18 weights such as ImageNet's (needs --image-size).")
  String model;

  @Option(
      names = "--train",
      required = true,
      paramLabel = "D1|F1",
      description =
          "Labelled training datalist (each entry: one FITS file, label and id); with --features,"
              + " a feature table with a label column.")
  Path train;

  @Option(
      names = "--test",
      paramLabel = "D2|F2",
      description =
          "Test datalist (or feature table) with the same classes; optional with --splits.")
  Path test;

  @Mixin OutFolderOption output;

  @Mixin ClassifyNetOptions options;

  @Option(
      names = "--splits",
      paramLabel = "K",
      description =
          "Draw K class-balanced random train/test splits from the pooled labelled entries of"
              + " --train and --test and probe each; scores as mean ± standard error.")
  Integer splits;

  @Option(
      names = "--train-per-class",
      paramLabel = "N",
      description = "With --splits: training images (rows) per class (default: ${DEFAULT-VALUE}).")
  int trainPerClass = BalancedSplits.PAPER_TRAIN_PER_CLASS;

  @Option(
      names = "--test-per-class",
      paramLabel = "M",
      description = "With --splits: test images (rows) per class (default: ${DEFAULT-VALUE}).")
  int testPerClass = BalancedSplits.PAPER_TEST_PER_CLASS;

  @Option(
      names = "--l2",
      paramLabel = "L",
      description =
          "Features: L2 penalty on the mean log-loss (default: ${DEFAULT-VALUE}; scikit-learn's C"
              + " on n training rows is l2 = 1/(C n)).")
  double l2 = LogisticOptions.DEFAULT_L2;

  @Option(
      names = "--max-iterations",
      paramLabel = "N",
      description = "Features: L-BFGS iteration budget (default: ${DEFAULT-VALUE}).")
  int maxIterations = LogisticOptions.DEFAULT_MAX_ITERATIONS;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> given = new ArrayList<>();
    for (OptionSpec opt : spec.commandLine().getParseResult().matchedOptions()) {
      given.add(opt.longestName());
    }
    if (features) {
      refuse(given, ClassifyNetOptions.NAMES, "--model", "images (without --features)");
      probeFeatures(o, err);
      return 0;
    }
    refuse(given, FEATURE_ONLY, null, "feature tables (with --features)");
    if (model == null) {
      throw new BadOptionException(
          "give --model RUN|scratch|WEIGHTS (or --features to probe feature tables)");
    }
    EncoderInit init = EncoderInit.parse(model);
    if (splits != null) {
      probeSplits(o, err, init);
      return 0;
    }
    if (test == null) {
      throw new BadOptionException(
          "give --test, the labelled test datalist, or --splits K to draw test sets");
    }
    ClassificationData data = ClassificationData.read(train, test, options.multiLabel);
    ClassifierTrainConfig config = options.resolve(ClassifierTrainConfig.probe());
    ClassifierTrainer.Result r;
    try (ClassifierNet net =
        ClassifierNet.create(
            init,
            options.shape(null, List.of(init)),
            data.classes(),
            data.multiLabel(),
            config.seed())) {
      o.println("probe: " + net.shape().describe() + ", " + data.describe());
      o.flush();
      r =
          ClassifierTrainer.train(
              net,
              config,
              data,
              output.requireEmpty(),
              new ClassifyNetOptions.Console(o, err, Main.verbose(spec)));
    }
    MetricsConsole.print(o, r);
    o.flush();
    return 0;
  }

  /** The probe on images over K class-balanced draws of the pooled entries. */
  private void probeSplits(PrintWriter o, PrintWriter err, EncoderInit init) {
    options.checkSplits(splits, trainPerClass, testPerClass);
    ClassifierTrainConfig config = options.resolve(ClassifierTrainConfig.probe());
    EncoderShape shape = options.shape(null, List.of(init));
    Path out = output.requireEmpty();
    ImageSplits drawn =
        ImageSplits.draw(train, test, trainPerClass, testPerClass, splits, config.seed());
    o.println((drawn.draws().reduced() ? "note: " : "") + drawn.draws().note());
    Path dir = out.toAbsolutePath().normalize();
    AtomicFiles.ensureDirectory(dir);
    drawn.writeCsv(dir.resolve(ImageSplits.CSV_FILE));
    ClassifyNetOptions.Console console = new ClassifyNetOptions.Console(o, err, Main.verbose(spec));
    List<ClassificationMetrics> all = new ArrayList<>();
    String encoder = null;
    for (int j = 0; j < splits; j++) {
      ClassificationData data = drawn.split(j);
      ClassifierTrainConfig c = config.withSeed(config.seed() + j);
      ClassifierTrainer.Result r;
      try (ClassifierNet net = ClassifierNet.create(init, shape, data.classes(), false, c.seed())) {
        encoder = net.shape().describe();
        o.println(
            "probe, split " + (j + 1) + " of " + splits + ": " + encoder + ", " + data.describe());
        o.flush();
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("split", j + 1);
        notes.put("splits", splits);
        notes.put("split_seed", config.seed());
        r = ClassifierTrainer.train(net, c, data, dir.resolve("split-" + (j + 1)), notes, console);
      }
      MetricsConsole.print(
          o, "split " + (j + 1) + " test set (" + r.test().size() + " images): ", r.metrics());
      o.flush();
      all.add(r.metrics());
    }
    MeanAndError summary =
        SplitSummary.write(
            dir,
            "linear probe",
            drawn.classes().names(),
            all,
            List.of(
                "Encoder "
                    + init.label()
                    + " ("
                    + encoder
                    + "), frozen; "
                    + config.epochs()
                    + " epochs per split.",
                drawn.describe()
                    + "; seed "
                    + config.seed()
                    + ". Each split's run (classifier, metrics, report) is in split-J/, its images"
                    + " in "
                    + ImageSplits.CSV_FILE
                    + "."));
    MetricsConsole.print(o, summary);
    o.println("report: " + dir.resolve(SplitSummary.REPORT_FILE));
    o.flush();
  }

  /** The probe on feature tables ({@link FeatureProbe}). */
  private void probeFeatures(PrintWriter o, PrintWriter err) {
    LogisticOptions logistic =
        BadOptionException.check(
            () -> new LogisticOptions(l2, maxIterations, LogisticOptions.DEFAULT_TOLERANCE));
    if (splits == null && test == null) {
      throw new BadOptionException("give --test, or --splits K to draw test sets");
    }
    if (splits != null && splits < 1) {
      throw new BadOptionException("--splits must be >= 1, got " + splits);
    }
    if (trainPerClass < 1 || testPerClass < 1) {
      throw new BadOptionException(
          "--train-per-class and --test-per-class must be >= 1, got "
              + trainPerClass
              + " and "
              + testPerClass);
    }
    FeatureProbe.Settings settings =
        new FeatureProbe.Settings(
            train,
            test,
            output.requireEmpty(),
            splits,
            trainPerClass,
            testPerClass,
            options.seed.orDefault(),
            logistic);
    FeatureProbe.Result r = FeatureProbe.run(settings, o, ConsoleProgress.onStderr(err));
    if (r.summary() == null) {
      MetricsConsole.print(o, "", r.metrics());
    } else {
      MetricsConsole.print(o, r.summary());
    }
    o.println("wrote " + output.dir);
    o.flush();
  }

  /** Fails on the first option of {@code other} (or {@code also}) given. */
  private static void refuse(List<String> given, List<String> other, String also, String mode) {
    for (String name : given) {
      if (other.contains(name) || name.equals(also)) {
        throw new BadOptionException(name + " applies only to probing " + mode);
      }
    }
  }
}
