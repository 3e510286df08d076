package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.radioclr.core.io.Json;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.nn.train.EpochMetrics;
import org.radioclr.nn.train.LearningRateSchedule;
import org.radioclr.nn.train.SimclrTrainConfig;
import org.radioclr.nn.train.SimclrTrainer;
import org.radioclr.nn.train.TrainingListener;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr train}: self-supervised training. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train networks on unlabelled images.",
    subcommands = {TrainCommand.Simclr.class})
final class TrainCommand {

  @Command(
      name = "simclr",
      mixinStandardHelpOptions = true,
      description = {
        "Train the SimCLR model (ResNet18 encoder + projection head, NT-Xent loss; paper §2.3) on"
            + " the images of a datalist: each image is pre-processed and augmented twice per"
            + " epoch by worker threads ahead of the model. Adam with a linear warm-up to the"
            + " learning rate, then cosine decay. Writes RUN/config.json, RUN/metrics.csv (loss,"
            + " learning rate, img/s, data-wait time and, with --val, kNN accuracy per epoch),"
            + " RUN/metrics.png (their curves) and checkpoints"
            + " RUN/checkpoints/epoch-NNNN (weights, model-config.json, provenance.json, optimizer"
            + " state). --resume continues an interrupted run exactly.",
        "Defaults are the paper's (224 px, batch 128, lr 0.1, temperature 0.1, hulk"
            + " augmentations, 10 warm-up epochs; a shorter run warms up for a tenth of its"
            + " steps); for CPU runs use --image-size 64 and a smaller --lr such as 1e-3 (0.1 is"
            + " large for Adam). The schedule used is printed before the first epoch."
      },
      footer = {
        "",
        "Examples:",
        "  radioclr train simclr --datalist frames.json --out run1 --image-size 64 --batch 32"
            + " --epochs 20 --lr 1e-3",
        "  radioclr train simclr --datalist sources.json --out run2 --init run1 --config c.json",
        "  radioclr train simclr --datalist frames.json --val labelled.json --out run3",
        "  radioclr train simclr --resume run1"
      })
  static final class Simclr implements Callable<Integer>, ExclusiveOptions {
    @Spec CommandLine.Model.CommandSpec spec;

    /** Either --resume or the options of a new run; null when neither is given. */
    @ArgGroup(exclusive = true)
    Mode mode;

    @Option(
        names = "--workers",
        paramLabel = "N",
        description = "Data-pipeline threads (default: half the processors).")
    Integer workers;

    /** --resume RUN, or the new-run options: picocli refuses the two together. */
    static final class Mode {
      @Option(
          names = "--resume",
          paramLabel = "RUN",
          description =
              "Continue an interrupted run from its latest checkpoint (from its first step when it"
                  + " was killed before its first checkpoint).")
      Path resume;

      @ArgGroup(exclusive = false, heading = "New run:%n")
      NewRun run;
    }

    /** The options of a new run, which --resume refuses (the run's own settings are used). */
    static final class NewRun {
      @Option(names = "--datalist", paramLabel = "FILE", description = "Images to train on.")
      Path datalist;

      @Option(names = "--out", paramLabel = "RUN", description = "New (empty) run folder.")
      Path out;

      @Option(
          names = "--config",
          paramLabel = "FILE",
          description = "JSON training configuration (flags override it).")
      Path config;

      @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: 100).")
      Integer epochs;

      @Option(names = "--batch", paramLabel = "B", description = "Images per step (default: 128).")
      Integer batch;

      @Option(
          names = "--image-size",
          paramLabel = "PIX",
          description = "Network input side (default: 224; the small stem is used up to 32).")
      Integer imageSize;

      @Option(
          names = "--stem",
          paramLabel = "STEM",
          description =
              StemChoice.DESCRIPTION + " Default: the config file's small_stem, else auto.")
      StemChoice stem;

      @Option(
          names = "--lr",
          paramLabel = "LR",
          description = "Peak learning rate after the warm-up (default: 0.1).")
      Double lr;

      @Option(
          names = "--warmup-epochs",
          paramLabel = "N",
          description =
              "Epochs of linear warm-up, fewer than --epochs (default: automatic, a tenth of the"
                  + " run's steps, at most 10 epochs).")
      Integer warmupEpochs;

      @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: 1).")
      Long seed;

      @Option(
          names = "--init",
          paramLabel = "RUN|CKPT|FILE",
          description =
              "Start from the weights of a run's latest checkpoint, of a checkpoint, or of a"
                  + " .safetensors file of torchvision ResNet18 encoder weights (e.g. ImageNet"
                  + " pretrained; its fc is ignored, the head starts random).")
      Path init;

      @Option(
          names = "--val",
          paramLabel = "FILE",
          description =
              "Labelled validation datalist: after every epoch, the leave-one-out kNN accuracy of"
                  + " its encoder features (cosine, k = val_k of the config, default 20) goes to"
                  + " metrics.csv and the epoch line. Does not change the training.")
      Path val;
    }

    @Override
    public Integer call() {
      if (workers != null && workers < 1) {
        throw new BadOptionException("--workers must be >= 1, got " + workers);
      }
      PrintWriter stdout = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Listener listener = new Listener(stdout, err, Main.verbose(spec));
      // Ctrl-C (or a polite kill): finish the step, save a checkpoint to resume from, then exit
      CountDownLatch finished = new CountDownLatch(1);
      Thread hook =
          new Thread(
              () -> {
                listener.requestStop();
                try {
                  finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "radioclr-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        return train(stdout, listener);
      } finally {
        finished.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running: it returns now that the trainer is done
        }
      }
    }

    /** How long a stop request waits for the current step and the checkpoint. */
    private static final long STOP_WAIT_SECONDS = 600;

    private int train(PrintWriter stdout, Listener listener) {
      List<EpochMetrics> metrics;
      Path resume = mode == null ? null : mode.resume;
      NewRun run = mode == null ? null : mode.run;
      if (resume != null) {
        listener.run = resume;
        metrics = SimclrTrainer.resume(resume, workers, listener);
        stdout.println("run: " + resume);
      } else {
        if (run == null || run.datalist == null || run.out == null) {
          throw new BadOptionException("--datalist and --out are required (or --resume RUN)");
        }
        listener.run = run.out;
        metrics =
            SimclrTrainer.train(resolve(run), run.datalist, run.val, run.out, run.init, listener);
        stdout.println("run: " + run.out);
      }
      stdout.flush();
      if (listener.stopped) {
        return STOPPED;
      }
      return metrics.isEmpty() ? 1 : 0;
    }

    /**
     * The one-line problem when new-run options come with --resume (picocli's own message lists the
     * whole group).
     */
    @Override
    public String conflict(List<String> given) {
      List<String> others = given.stream().filter(n -> !RESUME_OPTIONS.contains(n)).toList();
      return "--resume takes no "
          + String.join(", ", others)
          + ": the run's own settings are used; only --workers may be given";
    }

    /** The options --resume goes with (--verbose is the top command's, inherited). */
    private static final Set<String> RESUME_OPTIONS = Set.of("--resume", "--workers", "--verbose");

    /** The exit status after a stop on request (as a shell reports a SIGINT'ed command). */
    static final int STOPPED = 130;

    /** The settings the options ask for; a value they reject is a {@link BadOptionException}. */
    private SimclrTrainConfig resolve(NewRun run) {
      return BadOptionException.check(() -> settings(run));
    }

    private SimclrTrainConfig settings(NewRun run) {
      SimclrTrainConfig c =
          run.config == null
              ? SimclrTrainConfig.paper(SimclrTrainConfig.DEFAULT_EPOCHS)
              : Json.read(run.config, SimclrTrainConfig.class);
      if (run.epochs != null) {
        c = c.withEpochs(run.epochs);
      }
      if (run.batch != null) {
        c = c.withBatchSize(run.batch);
      }
      if (run.imageSize != null) {
        c = c.withImageSize(run.imageSize);
      }
      if (run.stem != null) {
        c = c.withSmallStem(run.stem.smallStem());
      }
      if (run.lr != null) {
        c = c.withLearningRate(run.lr);
      }
      if (run.warmupEpochs != null) {
        c = c.withWarmupEpochs(run.warmupEpochs);
      }
      if (run.seed != null) {
        c = c.withSeed(run.seed);
      }
      if (workers != null) {
        c = c.withWorkers(workers);
      }
      c.requireDecayingSchedule();
      return c;
    }
  }

  /**
   * Progress bar per epoch, one summary line per epoch, warnings on standard error (skipped images
   * as one summary line, each of them too with --verbose).
   */
  private static final class Listener implements TrainingListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final ConsoleProgress progress;

    private volatile boolean stopRequested;
    private volatile boolean stopped;
    private Path run;

    private final boolean verbose;

    Listener(PrintWriter out, PrintWriter err, boolean verbose) {
      this.out = out;
      this.err = err;
      this.verbose = verbose;
      this.progress = ConsoleProgress.onStderr(err);
    }

    void requestStop() {
      if (!stopRequested) {
        stopRequested = true;
        synchronized (err) {
          err.println();
          err.println(
              "radioclr: stopping after this step; saving a checkpoint to resume from"
                  + " (waits up to "
                  + Simclr.STOP_WAIT_SECONDS / 60
                  + " min)");
          err.flush();
        }
      }
    }

    @Override
    public boolean stopRequested() {
      return stopRequested;
    }

    @Override
    public void stopped(Path checkpoint, int epoch, int batch) {
      stopped = true;
      progress.finish();
      out.println(
          "stopped in epoch "
              + epoch
              + " after "
              + batch
              + " batches; saved "
              + checkpoint
              + "\ncontinue with: radioclr train simclr --resume "
              + run);
      out.flush();
    }

    @Override
    public void encoder(String description) {
      out.println(description);
      out.flush();
    }

    @Override
    public void schedule(LearningRateSchedule schedule, int stepsPerEpoch) {
      out.println("learning rate: " + schedule.describe(stepsPerEpoch));
      out.flush();
    }

    @Override
    public void epochStarted(int epoch, int epochs, long images) {
      progress.start("epoch " + epoch + "/" + epochs, images);
    }

    @Override
    public void epochResumed(long images) {
      progress.advance(images);
    }

    @Override
    public void stepDone(int pairs, float loss) {
      progress.advance(pairs);
    }

    @Override
    public void epochDone(EpochMetrics m) {
      progress.finish();
      out.println(
          String.format(
                  Locale.ROOT,
                  "epoch %d  loss %.4f  lr %.3g  %.1f img/s  data wait %.1f s of %.1f s",
                  m.epoch(),
                  m.loss(),
                  m.learningRate(),
                  m.imagesPerSecond(),
                  m.dataWaitSeconds(),
                  m.seconds())
              + (m.hasKnnAccuracy()
                  ? String.format(Locale.ROOT, "  kNN acc %.3f", m.knnAccuracy())
                  : ""));
      out.flush();
    }

    @Override
    public void checkpointSaved(Path folder) {
      out.println("checkpoint: " + folder);
      out.flush();
    }

    @Override
    public void note(String message) {
      synchronized (err) {
        err.println("radioclr: " + message);
        err.flush();
      }
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
}
