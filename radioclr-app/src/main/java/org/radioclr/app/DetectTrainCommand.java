package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.io.Sha256;
import org.radioclr.detect.data.DetectionSet;
import org.radioclr.detect.data.Frame;
import org.radioclr.detect.eval.DetectionMetrics;
import org.radioclr.detect.eval.EvaluationReport;
import org.radioclr.detect.net.DetectModel;
import org.radioclr.detect.train.DetectTrainConfig;
import org.radioclr.detect.train.DetectTrainer;
import org.radioclr.detect.train.FrameSplit;
import org.radioclr.nn.checkpoint.EncoderInit;
import org.radioclr.nn.train.EpochMetrics;
import org.radioclr.nn.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr detect train}: trains the bottom-up detector on annotated frames. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train the detector (semantic classes + instance centres + offsets on an FPN decoder over"
          + " the ResNet18) on frames annotated in the caesar-mrcnn form, with the paper's"
          + " detection augmentations (rotations, flips, zscale contrast in [0.25, 0.4]) on random"
          + " crops. Each epoch is validated with the caesar-mrcnn protocol (score 0.5, IoU 0.6)"
          + " into metrics.csv and metrics.png; checkpoints go to --out/checkpoints and the final"
          + " model to --out/model. Running again with the same --out resumes."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr detect train --data sim/sets/detection/datalist.json --init scratch --out det",
      "  radioclr detect train --data filelist.txt --init runs/simclr --freeze-backbone --out det"
    })
final class DetectTrainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "LIST",
      description =
          "Annotated frames: a datalist with 'annotation' entries, a caesar-mrcnn file list"
              + " (one JSON per line) or one annotation JSON.")
  Path data;

  @Option(
      names = "--init",
      required = true,
      paramLabel = "RUN|scratch|W.safetensors",
      description = "Backbone start: a SimCLR run or checkpoint, scratch, or torchvision weights.")
  String init;

  @Option(names = "--freeze-backbone", description = "Keep the backbone's weights and statistics.")
  boolean freeze;

  @Option(
      names = "--label-fraction",
      paramLabel = "F",
      description = "Share of the training frames used, in (0, 1] (default: 1).")
  double labelFraction = 1;

  @Option(
      names = "--val-fraction",
      paramLabel = "F",
      description = "Share of the frames held out for validation (default: 0.1).")
  double valFraction = 0.1;

  @Mixin DetectTrainOptions training;

  @Option(
      names = "--checkpoint-every",
      paramLabel = "N",
      description = "Epochs between checkpoints (default: 1).")
  int checkpointEvery = 1;

  @Mixin SeedOption seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run folder.")
  Path out;

  @Override
  public Integer call() {
    DetectTrainConfig config = training.resolve(seed.orDefault(), checkpointEvery);
    EncoderInit start = EncoderInit.parse(init);
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Frame> frames = DetectionSet.read(data);
    FrameSplit split =
        BadOptionException.check(
            () -> FrameSplit.of(frames, valFraction, labelFraction, seed.orDefault()));
    o.printf(
        Locale.ROOT,
        "%d frames: %d for training, %d for validation%n",
        frames.size(),
        split.train().size(),
        split.validation().size());
    Provenance provenance =
        new Provenance("radioclr detect train")
            .put("data", data.toAbsolutePath().toString())
            .put("data_sha256", Sha256.hex(data))
            .put("init", start.label())
            .put("freeze_backbone", freeze)
            .put("label_fraction", labelFraction)
            .put("preprocess", training.preprocess)
            .put("config", config);
    Optional<DetectionMetrics> m =
        DetectTrainer.train(
            () ->
                DetectModel.create(
                    start, training.preprocess(), training.decoder, freeze, seed.orDefault()),
            split.train(),
            split.validation(),
            config,
            out,
            provenance,
            new Listener(o, err));
    m.ifPresent(x -> o.print(EvaluationReport.table(java.util.Map.of("detector", x))));
    o.printf("wrote %s%n", out.resolve(DetectTrainer.MODEL_DIR));
    return 0;
  }

  /** Progress bar per epoch and one line per epoch. */
  static final class Listener implements TrainingListener {
    private final PrintWriter out;
    private final ConsoleProgress progress;

    Listener(PrintWriter out, PrintWriter err) {
      this.out = out;
      this.progress = ConsoleProgress.onStderr(err);
    }

    @Override
    public void epochStarted(int epoch, int epochs, long images) {
      progress.start("epoch " + epoch + "/" + epochs, images);
    }

    @Override
    public void stepDone(int images, float loss) {
      progress.advance(images);
    }

    @Override
    public void epochDone(EpochMetrics m) {
      progress.finish();
      out.printf(
          Locale.ROOT,
          "epoch %d  loss %.4f  lr %.3g  %.1f crops/s%n",
          m.epoch(),
          m.loss(),
          m.learningRate(),
          m.imagesPerSecond());
      out.flush();
    }

    @Override
    public void note(String message) {
      out.println(message);
      out.flush();
    }
  }
}
