package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.radioclr.classify.net.ClassifierEpoch;
import org.radioclr.classify.net.ClassifierTrainConfig;
import org.radioclr.classify.net.EncoderShape;
import org.radioclr.classify.net.LabelFractionStudy;
import org.radioclr.core.io.Json;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.EncoderInit;
import org.radioclr.nn.checkpoint.ModelConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code classify probe} (on images) and {@code classify finetune}: the training
 * settings, and the encoder shape used for random or safetensors initialisations.
 */
final class ClassifyNetOptions {
  /** The options' names, for the probe's check that none is given with --features. */
  static final List<String> NAMES =
      List.of(
          "--epochs",
          "--batch",
          "--lr",
          "--weight-decay",
          "--workers",
          "--no-augment",
          "--multi-label",
          "--image-size",
          "--small-stem");

  /** The labelled datalists and the run folder of {@code classify finetune}. */
  static final class Datalists {
    @Option(
        names = "--train",
        required = true,
        paramLabel = "D1",
        description = "Labelled training datalist (each entry: one FITS file, label and id).")
    Path train;

    @Option(
        names = "--test",
        paramLabel = "D2",
        description =
            "Labelled test datalist with the same classes (optional with --splits: then the"
                + " splits are drawn from --train alone).")
    Path test;

    @Mixin OutFolderOption out;
  }

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description = "Epochs (default: 30 probe, 150 finetune, as the paper).")
  Integer epochs;

  @Option(names = "--batch", paramLabel = "B", description = "Images per step (default: 32).")
  Integer batch;

  @Option(
      names = "--lr",
      paramLabel = "LR",
      description = "Peak learning rate, cosine-decayed to 0 (default: 1e-3 probe, 3e-4 finetune).")
  Double lr;

  @Option(names = "--weight-decay", paramLabel = "W", description = "L2 weight decay (default: 0).")
  Double weightDecay;

  @Mixin SeedOption seed;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Image-reading threads (default: half the processors).")
  Integer workers;

  @Option(
      names = "--no-augment",
      description = "No random flips and quarter turns of the training images.")
  boolean noAugment;

  @Option(
      names = "--multi-label",
      description =
          "One sigmoid per class and binary cross-entropy (automatic when an entry has a label"
              + " list of another length than one).")
  boolean multiLabel;

  @Option(
      names = "--image-size",
      paramLabel = "PIX",
      description =
          "Encoder input side for 'scratch' and .safetensors initialisations (default: that of"
              + " the SimCLR run given, if any).")
  Integer imageSize;

  @Option(
      names = "--small-stem",
      negatable = true,
      description =
          "Small-image stem (3x3 conv, no max-pool) for 'scratch' and .safetensors"
              + " initialisations (default: on up to 32 px; ImageNet weights need --no-small-stem).")
  Boolean smallStem;

  /**
   * The configuration: {@code base} with the flags applied.
   *
   * @throws BadOptionException when the configuration rejects a flag's value
   */
  ClassifierTrainConfig resolve(ClassifierTrainConfig base) {
    return BadOptionException.check(() -> apply(base));
  }

  private ClassifierTrainConfig apply(ClassifierTrainConfig base) {
    ClassifierTrainConfig c = base;
    if (epochs != null) {
      c = c.withEpochs(epochs);
    }
    if (batch != null) {
      c = c.withBatchSize(batch);
    }
    if (lr != null) {
      c = c.withLearningRate(lr);
    }
    if (weightDecay != null) {
      c = c.withWeightDecay(weightDecay);
    }
    if (seed.seed != null) {
      c = c.withSeed(seed.seed);
    }
    if (workers != null) {
      c = c.withWorkers(workers);
    }
    return c.withAugment(!noAugment);
  }

  /**
   * The encoder shape for scratch and safetensors initialisations: {@code --image-size} (with
   * {@code --small-stem}), else the shape of {@code model} or of the first SimCLR initialisation,
   * else null when no initialisation needs one.
   *
   * @throws BadOptionException when an initialisation needs a shape and none is known, or {@code
   *     --image-size} is out of range
   */
  EncoderShape shape(Path model, List<EncoderInit> inits) {
    if (imageSize != null) {
      return BadOptionException.check(() -> EncoderShape.of(imageSize, smallStem));
    }
    if (smallStem != null) {
      throw new BadOptionException("--small-stem / --no-small-stem needs --image-size");
    }
    Path from = model;
    if (from == null) {
      from =
          inits.stream()
              .filter(i -> i instanceof EncoderInit.Simclr)
              .map(i -> ((EncoderInit.Simclr) i).runOrCheckpoint())
              .findFirst()
              .orElse(null);
    }
    if (from != null) {
      Path folder = Checkpoint.resolve(from);
      return EncoderShape.of(Json.read(folder.resolve(ModelConfig.FILE_NAME), ModelConfig.class));
    }
    if (inits.stream().anyMatch(i -> !(i instanceof EncoderInit.Simclr))) {
      throw new BadOptionException(
          "'scratch' and .safetensors initialisations need --image-size (or --model RUN to take"
              + " the architecture of a SimCLR run)");
    }
    return null;
  }

  /**
   * Progress bar per epoch, one line per epoch and per run, warnings on standard error (skipped
   * images as one summary line, each of them too when verbose).
   */
  static final class Console implements LabelFractionStudy.Listener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final ConsoleProgress progress;

    private final boolean verbose;

    /**
     * @param verbose whether to print each skipped image (the summary line is always printed)
     */
    Console(PrintWriter out, PrintWriter err, boolean verbose) {
      this.out = out;
      this.err = err;
      this.verbose = verbose;
      this.progress = ConsoleProgress.onStderr(err);
    }

    @Override
    public ProgressListener progress() {
      return progress;
    }

    @Override
    public void epochDone(ClassifierEpoch m) {
      out.println(
          String.format(
              Locale.ROOT,
              "epoch %d  loss %.4f  train acc %.3f  test acc %.3f  test F1 %.3f  lr %.3g  %.1f img/s",
              m.epoch(),
              m.loss(),
              m.trainAccuracy(),
              m.testAccuracy(),
              m.testMacroF1(),
              m.learningRate(),
              m.imagesPerSecond()));
      out.flush();
    }

    @Override
    public void runStarted(String init, double fraction, int split, int trainImages) {
      out.println(
          String.format(
              Locale.ROOT,
              "run: init %s, label fraction %s, split %d, %d training images",
              init,
              fraction,
              split,
              trainImages));
      out.flush();
    }

    @Override
    public void runDone(LabelFractionStudy.Row row) {
      out.println(
          String.format(
              Locale.ROOT,
              "done: %s  test accuracy %.4f  macro F1 %.4f",
              row.run(),
              row.accuracy(),
              row.macroF1()));
      out.flush();
    }

    @Override
    public void warning(String message) {
      synchronized (err) {
        err.println("radioclr: warning: " + message);
        err.flush();
      }
    }

    @Override
    public void imageSkipped(SkippedImages.Entry image) {
      if (verbose) {
        warning(image.line());
      }
    }
  }

  /**
   * Checks the options of K class-balanced splits: {@code --splits}, {@code --train-per-class} and
   * {@code --test-per-class} at least 1, and single-label data.
   */
  void checkSplits(int splits, int trainPerClass, int testPerClass) {
    if (splits < 1) {
      throw new BadOptionException("--splits must be >= 1, got " + splits);
    }
    if (trainPerClass < 1 || testPerClass < 1) {
      throw new BadOptionException(
          "--train-per-class and --test-per-class must be >= 1, got "
              + trainPerClass
              + " and "
              + testPerClass);
    }
    if (multiLabel) {
      throw new BadOptionException("--splits needs single-label data; drop --multi-label");
    }
  }
}
