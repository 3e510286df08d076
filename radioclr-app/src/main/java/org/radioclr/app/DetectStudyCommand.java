package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.core.io.Provenance;
import org.radioclr.detect.data.DetectionSet;
import org.radioclr.detect.data.Frame;
import org.radioclr.detect.study.DetectStudy;
import org.radioclr.detect.study.StudyArm;
import org.radioclr.nn.checkpoint.EncoderInit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr detect study}: backbone starts, frozen or trained, over label fractions. */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    description = {
      "The paper's detection comparisons in one run (section 4, Figs 9-10): for each arm, label"
          + " fraction and draw, train a detector on that share of --train and score it on --test"
          + " with caesar-mrcnn's protocol. Arms: frozen-random and finetune-scratch always;"
          + " frozen-simclr and finetune-simclr with --simclr; frozen-imagenet with --imagenet."
          + " Writes --out/runs.csv, summary.csv (SOURCE and EXTENDED-MULTISLAND F1, mean and"
          + " standard error over the draws), fractions.png and report.html; each run in"
          + " --out/runs/ (an interrupted study resumes)."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr detect study --train sim/sets/detection/datalist.json \\",
      "      --test test/sets/detection/datalist.json --simclr runs/simclr --out study",
      "  radioclr detect study --train a.json --test b.json --fractions 0.25,1 --draws 2 \\",
      "      --epochs 5 --out quick"
    })
final class DetectStudyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--train", required = true, paramLabel = "LIST", description = "Training frames.")
  Path train;

  @Option(names = "--test", required = true, paramLabel = "LIST", description = "Test frames.")
  Path test;

  @Option(names = "--simclr", paramLabel = "RUN", description = "A SimCLR run or checkpoint.")
  String simclr;

  @Option(
      names = "--imagenet",
      paramLabel = "W.safetensors",
      description = "Torchvision ResNet18 weights (e.g. ImageNet) for a frozen-imagenet arm.")
  String imagenet;

  @Option(
      names = "--fractions",
      split = ",",
      paramLabel = "F,...",
      description = "Label fractions (default: 0.1,0.25,0.5,1).")
  List<Double> fractions = List.of(0.1, 0.25, 0.5, 1.0);

  @Option(names = "--draws", paramLabel = "N", description = "Draws per fraction (default: 3).")
  int draws = 3;

  @Mixin DetectTrainOptions training;

  @Mixin SeedOption seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Study folder (a new one, or an interrupted study's to resume).")
  Path out;

  @Override
  public Integer call() {
    List<StudyArm> arms = new ArrayList<>();
    if (simclr != null) {
      EncoderInit s = EncoderInit.parse(simclr);
      arms.add(new StudyArm("frozen-simclr", s, true));
      arms.add(new StudyArm("finetune-simclr", s, false));
    }
    arms.add(new StudyArm("frozen-random", new EncoderInit.Scratch(), true));
    arms.add(new StudyArm("finetune-scratch", new EncoderInit.Scratch(), false));
    if (imagenet != null) {
      arms.add(new StudyArm("frozen-imagenet", EncoderInit.parse(imagenet), true));
    }
    DetectStudy.Settings settings =
        BadOptionException.check(
            () ->
                new DetectStudy.Settings(
                    arms,
                    fractions,
                    draws,
                    training.resolve(seed.orDefault(), training.epochs),
                    training.decoder,
                    training.preprocess()));
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Frame> trainFrames = DetectionSet.read(train);
    List<Frame> testFrames = DetectionSet.read(test);
    o.printf(
        "%d training frames, %d test frames; %d arms x %d fractions x %d draws%n",
        trainFrames.size(), testFrames.size(), arms.size(), fractions.size(), draws);
    List<DetectStudy.Run> runs =
        DetectStudy.run(
            trainFrames,
            testFrames,
            settings,
            out,
            new DetectTrainCommand.Listener(o, err),
            ConsoleProgress.onStderr(err));
    new Provenance("radioclr detect study")
        .put("train", train.toAbsolutePath().toString())
        .put("test", test.toAbsolutePath().toString())
        .put("simclr", simclr)
        .put("imagenet", imagenet)
        .put("fractions", fractions)
        .put("draws", draws)
        .put("config", settings.train())
        .writeTo(out);
    o.printf(
        "%d runs; wrote %s and %s%n",
        runs.size(), out.resolve("summary.csv"), out.resolve("report.html"));
    return 0;
  }
}
