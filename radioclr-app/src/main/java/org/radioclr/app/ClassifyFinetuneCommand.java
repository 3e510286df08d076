package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.classify.net.ClassificationData;
import org.radioclr.classify.net.ClassifierNet;
import org.radioclr.classify.net.ClassifierTrainConfig;
import org.radioclr.classify.net.ClassifierTrainer;
import org.radioclr.classify.net.EncoderShape;
import org.radioclr.classify.net.ImageSplits;
import org.radioclr.classify.net.LabelFractionStudy;
import org.radioclr.classify.net.LabelFractionSummary;
import org.radioclr.classify.split.BalancedSplits;
import org.radioclr.nn.checkpoint.EncoderInit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr classify finetune}: fine-tuning and the label-fraction study (paper §3.3). */
@Command(
    name = "finetune",
    mixinStandardHelpOptions = true,
    description = {
      "Fine-tune the whole classifier (ResNet18 encoder + one linear layer; paper §3.3), its"
          + " encoder starting from a SimCLR run, from random weights ('scratch') or from a"
          + " .safetensors file of torchvision ResNet18 weights; flips and quarter turns as the"
          + " only augmentations; the test set is evaluated after every epoch.",
      "One initialisation, label fraction 1, no --splits: R is a run folder (config.json,"
          + " metrics.csv, metrics.png, predictions.csv, classifier/, and the test scores of the"
          + " last epoch: metrics.json, confusion.png, report.html), and the accuracy, macro F1"
          + " and per-class table are printed. Several --init, or --label-fraction / --splits:"
          + " one such run per (init, fraction, split) in R/<init>/f<fraction>-s<split>/, the"
          + " table R/fractions.csv (init, fraction, split, n_train, test accuracy, macro F1,"
          + " run), and per (init, fraction) the mean ± standard error over the splits in"
          + " R/summary.csv and R/summary.json, the plot R/fractions.png (macro F1 against the"
          + " label fraction, one curve per init) and R/report.html; all rewritten after each"
          + " run; the comparison table is printed at the end. A fraction keeps every class"
          + " (at least one image each) and the same subsample serves every initialisation.",
      "Without --splits the train and test sets are --train and --test as given (one split)."
          + " With --splits K the labelled entries of --train and --test (or of --train alone)"
          + " are pooled and K class-balanced random train/test splits are drawn with --seed"
          + " (paper §3.1: 5 splits of 1000 train and 600 test images per class; fewer when the"
          + " rarest class is smaller, keeping the ratio); each label fraction subsamples the"
          + " split's training part, the split's test part scores it, and R/splits.csv (split,"
          + " set, sname, label) lists every split's images. Single-label data only.",
      "'scratch' and .safetensors initialisations take their architecture, image size and"
          + " pre-processing from --image-size/--small-stem when given, else from --model RUN,"
          + " else from the first SimCLR --init."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr classify finetune --init run1 --train train.json --test test.json --out ft1",
      "  radioclr classify finetune --init run1 --init scratch --train train.json --test test.json"
          + " --out study --label-fraction 0.01,0.05,0.1,0.25,0.5,1.0 --splits 5",
      "  radioclr classify finetune --init scratch --model run1 --train train.json --test"
          + " test.json --out ft-scratch"
    })
final class ClassifyFinetuneCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--init",
      required = true,
      paramLabel = "RUN|scratch|WEIGHTS",
      description =
          "Encoder initialisation (repeatable): a SimCLR run or checkpoint, 'scratch', or a"
              + " .safetensors file of torchvision ResNet18 weights.")
  List<String> inits;

  @Option(
      names = "--model",
      paramLabel = "RUN",
      description = "A SimCLR run whose architecture and pre-processing 'scratch' should use.")
  Path model;

  @Option(
      names = "--label-fraction",
      split = ",",
      paramLabel = "F",
      description =
          "Fractions of the training set to train on, comma-separated, in (0, 1] (default: 1;"
              + " the paper's study: 0.01,0.05,0.1,0.25,0.5,1.0).")
  List<Double> fractions;

  @Option(
      names = "--splits",
      paramLabel = "K",
      description =
          "Draw K class-balanced random train/test splits from the pooled labelled entries of"
              + " --train and --test; one run per (init, fraction, split), scores as mean ±"
              + " standard error over the splits.")
  Integer splits;

  @Option(
      names = "--train-per-class",
      paramLabel = "N",
      description = "With --splits: training images per class (default: ${DEFAULT-VALUE}).")
  int trainPerClass = BalancedSplits.PAPER_TRAIN_PER_CLASS;

  @Option(
      names = "--test-per-class",
      paramLabel = "M",
      description = "With --splits: test images per class (default: ${DEFAULT-VALUE}).")
  int testPerClass = BalancedSplits.PAPER_TEST_PER_CLASS;

  @Mixin ClassifyNetOptions.Datalists sets;

  @Mixin ClassifyNetOptions options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<EncoderInit> parsed = new ArrayList<>();
    for (String s : inits) {
      parsed.add(EncoderInit.parse(s));
    }
    EncoderShape shape = options.shape(model, parsed);
    ClassifierTrainConfig config = options.resolve(ClassifierTrainConfig.finetune());
    List<Double> f = fractions == null || fractions.isEmpty() ? List.of(1.0) : fractions;
    for (double fraction : f) {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new BadOptionException("--label-fraction must be in (0, 1], got " + fraction);
      }
    }
    if (splits != null) {
      study(out, err, parsed, shape, config, f);
      out.flush();
      return 0;
    }
    if (sets.test == null) {
      throw new BadOptionException(
          "give --test, the labelled test datalist, or --splits K to draw test sets");
    }
    ClassificationData data = ClassificationData.read(sets.train, sets.test, options.multiLabel);
    ClassifyNetOptions.Console console =
        new ClassifyNetOptions.Console(out, err, Main.verbose(spec));
    if (parsed.size() == 1 && f.size() == 1 && f.get(0) == 1.0) {
      ClassifierTrainer.Result r;
      try (ClassifierNet net =
          ClassifierNet.create(
              parsed.get(0), shape, data.classes(), data.multiLabel(), config.seed())) {
        out.println(
            "finetune: "
                + net.shape().describe()
                + ", init "
                + parsed.get(0).label()
                + ", "
                + data.describe());
        out.flush();
        r = ClassifierTrainer.train(net, config, data, sets.out.dir, console);
      }
      MetricsConsole.print(out, r);
    } else {
      List<LabelFractionStudy.Row> rows =
          LabelFractionStudy.run(parsed, shape, data, f, 1, config, sets.out.dir, console);
      printStudy(out, rows, 1);
    }
    out.flush();
    return 0;
  }

  /** One run per (init, fraction, split) over K class-balanced draws of the pooled entries. */
  private void study(
      PrintWriter out,
      PrintWriter err,
      List<EncoderInit> parsed,
      EncoderShape shape,
      ClassifierTrainConfig config,
      List<Double> f) {
    options.checkSplits(splits, trainPerClass, testPerClass);
    sets.out.requireEmpty();
    ImageSplits drawn =
        ImageSplits.draw(sets.train, sets.test, trainPerClass, testPerClass, splits, config.seed());
    out.println((drawn.draws().reduced() ? "note: " : "") + drawn.draws().note());
    out.flush();
    List<ClassificationData> pairs = new ArrayList<>();
    for (int j = 0; j < drawn.size(); j++) {
      pairs.add(drawn.split(j));
    }
    List<LabelFractionStudy.Row> rows =
        LabelFractionStudy.run(
            parsed,
            shape,
            pairs,
            drawn.describe() + ", seed " + config.seed() + " (the images of each: splits.csv)",
            f,
            config,
            sets.out.dir,
            new ClassifyNetOptions.Console(out, err, Main.verbose(spec)));
    Path dir = sets.out.dir.toAbsolutePath().normalize();
    drawn.writeCsv(dir.resolve(ImageSplits.CSV_FILE));
    printStudy(out, rows, splits);
    out.println("splits: " + dir.resolve(ImageSplits.CSV_FILE));
  }

  private void printStudy(PrintWriter out, List<LabelFractionStudy.Row> rows, int k) {
    out.println(
        "test scores per (init, fraction)"
            + (k > 1 ? ", mean ± standard error over " + k + " splits" : "")
            + ":");
    out.print(TextTables.format(LabelFractionSummary.table(LabelFractionSummary.of(rows))));
    Path dir = sets.out.dir.toAbsolutePath().normalize();
    out.println("table: " + dir.resolve(LabelFractionStudy.TABLE_FILE));
    out.println("summary: " + dir.resolve(LabelFractionSummary.CSV_FILE));
    out.println("report: " + dir.resolve(LabelFractionSummary.REPORT_FILE));
  }
}
