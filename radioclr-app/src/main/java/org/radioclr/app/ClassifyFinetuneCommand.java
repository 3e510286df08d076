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
import org.radioclr.classify.net.EncoderInit;
import org.radioclr.classify.net.EncoderShape;
import org.radioclr.classify.net.LabelFractionStudy;
import org.radioclr.classify.net.LabelFractionSummary;
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
      "One initialisation, one label fraction, one split: R is a run folder (config.json,"
          + " metrics.csv, metrics.png, predictions.csv, classifier/, and the test scores of the"
          + " last epoch: metrics.json, confusion.png, report.html), and the accuracy, macro F1"
          + " and per-class table are printed. Several --init, or --label-fraction / --splits:"
          + " one such run per (init, fraction, split) in R/<init>/f<fraction>-s<split>/, the"
          + " table R/fractions.csv (init, fraction, split, n_train, test accuracy, macro F1,"
          + " run), and per (init, fraction) the mean ± standard error over the splits in"
          + " R/summary.csv and R/summary.json, the plot R/fractions.png (macro F1 against the"
          + " label fraction, one curve per init) and R/report.html; all rewritten after each"
          + " run; the comparison table is printed at the end. A fraction keeps every class"
          + " (at least one image each); the same subsample serves every initialisation; split"
          + " k draws it with another seed.",
      "'scratch' and .safetensors initialisations take their architecture, image size and"
          + " pre-processing from --image-size/--small-stem when given, else from --model RUN,"
          + " else from the first SimCLR --init."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr classify finetune --init run1 --train train.json --test test.json --out ft1",
      "  radioclr classify finetune --init run1 --init scratch --train train.json --test test.json"
          + " --out study --label-fraction 0.01,0.05,0.1,0.25,0.5,1.0 --splits 3",
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
          "Repetitions per (init, fraction) with other subsamples and seeds (default: 1).")
  int splits = 1;

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
    ClassificationData data = ClassificationData.read(sets.train, sets.test, options.multiLabel);
    ClassifierTrainConfig config = options.resolve(ClassifierTrainConfig.finetune());
    List<Double> f = fractions == null || fractions.isEmpty() ? List.of(1.0) : fractions;
    ClassifyNetOptions.Console console = new ClassifyNetOptions.Console(out, err);
    if (parsed.size() == 1 && f.size() == 1 && f.get(0) == 1.0 && splits == 1) {
      ClassifierTrainer.Result r;
      try (ClassifierNet net =
          ClassifierNet.create(
              parsed.get(0), shape, data.classes(), data.multiLabel(), config.seed())) {
        out.println(
            "finetune: "
                + net.shape().describe()
                + ", init "
                + parsed.get(0).label()
                + ", classes "
                + data.classes().names()
                + ", "
                + data.train().size()
                + " train / "
                + data.test().size()
                + " test images");
        out.flush();
        r = ClassifierTrainer.train(net, config, data, sets.out, console);
      }
      MetricsConsole.print(out, "test set (" + r.test().size() + " images): ", r.metrics());
      out.println("classifier: " + r.run().resolve(ClassifierNet.RUN_FOLDER));
      out.println("report: " + r.run().resolve(ClassifierTrainer.REPORT_FILE));
    } else {
      List<LabelFractionStudy.Row> rows =
          LabelFractionStudy.run(parsed, shape, data, f, splits, config, sets.out, console);
      out.println(
          "test scores per (init, fraction)"
              + (splits > 1 ? ", mean ± standard error over " + splits + " splits" : "")
              + ":");
      out.print(TextTables.format(LabelFractionSummary.table(LabelFractionSummary.of(rows))));
      Path dir = sets.out.toAbsolutePath().normalize();
      out.println("table: " + dir.resolve(LabelFractionStudy.TABLE_FILE));
      out.println("summary: " + dir.resolve(LabelFractionSummary.CSV_FILE));
      out.println("report: " + dir.resolve(LabelFractionSummary.REPORT_FILE));
    }
    out.flush();
    return 0;
  }
}
