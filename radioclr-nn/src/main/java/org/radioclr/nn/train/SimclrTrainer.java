package org.radioclr.nn.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.radioclr.classify.knn.KnnAccuracy;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.datalist.EntryFiles;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Json;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.io.Sha256;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.model.SimclrModel;
import org.radioclr.nn.weights.TorchvisionWeights;

/**
 * Trains a {@link SimclrModel} with NT-Xent (paper section 2.3) and writes a run folder: {@code
 * provenance.json} (what the run started from: datalist, validation datalist and {@code --init}
 * weights with their SHA-256, version, time), {@code config.json} (the {@link SimclrTrainConfig},
 * both written once the network is set up, before the first step), {@code metrics.csv} (one {@link
 * EpochMetrics} row per epoch, rewritten atomically after each), {@code metrics.png} (loss,
 * learning rate and kNN validation accuracy against the epoch, redrawn after each), {@code
 * checkpoints/epoch-NNNN/} ({@link Checkpoint}s every {@code checkpointEvery} epochs and after the
 * last, the newest {@code keepLast} kept) and {@code skipped.csv} when images could not be read or
 * pre-processed ({@link SkippedImages}: the run goes on without them and the listener gets one
 * summary line).
 *
 * <p>Each step takes a batch of B images as 2B views from {@link PairBatches}, runs the network in
 * training mode (batch norm sees both views), computes NT-Xent on the projections, back-propagates
 * and updates every trainable parameter with {@link ResumableAdam} at the rate of {@link
 * LearningRateSchedule} (step index = epoch * batches per epoch + batch). A batch left with fewer
 * than two images (all others unreadable) is skipped.
 *
 * <p>Exact resume: besides the contract's three files each run checkpoint holds {@code
 * optimizer-state.bin} (Adam's moments by parameter name) and {@code trainer-state.json} (epoch,
 * optimizer steps, datalist and its SHA-256). The data order and augmentations are pure functions
 * of (seed, epoch, image), and the engine's random generator is only used to initialise the
 * weights, so {@link #resume} continues with the same numbers an uninterrupted run would compute
 * (on the CPU; GPU kernels may not be deterministic). A run killed before its first checkpoint
 * starts again from its first step, from the same seed or {@code --init} weights.
 *
 * <p>A crash can leave hidden temporary files and folders in the run ({@code .NAME.*.part} of an
 * atomic file write, {@code checkpoints/.epoch-NNNN.tmp-*} of a checkpoint write, {@code
 * checkpoints/.epoch-NNNN.deleting} of a prune, {@code .interrupted.next} of a stop); nothing reads
 * them, and {@link #resume} removes them (a complete {@code .interrupted.next} becomes {@code
 * interrupted}).
 */
public final class SimclrTrainer {
  /** The run's training configuration file. */
  public static final String CONFIG_FILE = "config.json";

  /** The run's metrics file. */
  public static final String METRICS_FILE = "metrics.csv";

  /** The run's plot of the metrics. */
  public static final String PLOT_FILE = "metrics.png";

  /** Steps in a row skipped for a non-finite loss or gradients before the run stops. */
  static final int MAX_SKIPPED_IN_A_ROW = DivergenceGuard.MAX_IN_A_ROW;

  /** What the message of a diverged run suggests. */
  static final String DIVERGED_ADVICE = "try a smaller --lr; the paper's 0.1 is large for Adam";

  /** Trainer counters in a run checkpoint. */
  public static final String STATE_FILE = "trainer-state.json";

  /** Adam's moments in a run checkpoint. */
  public static final String OPTIMIZER_FILE = "optimizer-state.bin";

  /**
   * The checkpoint of a run stopped in the middle of an epoch (Ctrl-C), in the run folder: a
   * complete checkpoint whose trainer state says how many batches of the next epoch were done.
   * {@link #resume} continues from it when it is newer than the last epoch checkpoint, and removes
   * it once that epoch is complete.
   */
  public static final String INTERRUPTED_DIR = "interrupted";

  /** {@link #INTERRUPTED_DIR}'s next version while it is written (a hidden sibling). */
  private static final String NEXT_INTERRUPTED_DIR = "." + INTERRUPTED_DIR + ".next";

  private final SimclrTrainConfig config;
  private final Path datalist;
  private final Path run;
  private final TrainingListener listener;

  private SimclrTrainer(
      SimclrTrainConfig config, Path datalist, Path run, TrainingListener listener) {
    this.config = config;
    this.datalist = datalist.toAbsolutePath().normalize();
    this.run = run.toAbsolutePath().normalize();
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Trains a new run.
   *
   * @param config the training configuration
   * @param datalist the images (one FITS file per entry)
   * @param run the run folder; must be missing or empty
   * @param init a checkpoint or run whose weights start the training (the same encoder and head), a
   *     {@code .safetensors} file of encoder weights in torchvision's ResNet18 naming (e.g. the
   *     ImageNet-pretrained baseline; see {@link TorchvisionWeights#load}; the head starts random
   *     from {@code config.seed()} unless the file has {@code head.*} tensors), or {@code null} for
   *     a random initialisation from {@code config.seed()}
   * @return the metrics of every epoch
   * @throws BadInputException naming the file on bad input (missing images, a non-empty run folder,
   *     an incompatible {@code init})
   * @throws IllegalArgumentException when the warm-up is not shorter than the run ({@link
   *     SimclrTrainConfig#requireDecayingSchedule()})
   */
  public static List<EpochMetrics> train(
      SimclrTrainConfig config, Path datalist, Path run, Path init, TrainingListener listener) {
    return train(config, datalist, null, run, init, listener);
  }

  /**
   * Trains a new run with a per-epoch kNN validation: after every epoch the encoder features of the
   * images of {@code validation} (computed in inference mode with the current weights) give a
   * leave-one-out kNN accuracy ({@link KnnAccuracy}, {@code config.valK()} neighbours) in {@link
   * EpochMetrics#knnAccuracy()}. Validation changes nothing in the training: the weights, losses
   * and checkpoints are those of a run without it.
   *
   * @param validation a labelled datalist (each entry's first label is its class), or {@code null}
   *     for none
   * @throws BadInputException naming the file on bad input (see {@link #train(SimclrTrainConfig,
   *     Path, Path, Path, TrainingListener)}; also a validation entry without a label or image)
   */
  public static List<EpochMetrics> train(
      SimclrTrainConfig config,
      Path datalist,
      Path validation,
      Path run,
      Path init,
      TrainingListener listener) {
    config.requireDecayingSchedule();
    SimclrTrainer t = new SimclrTrainer(config, datalist, run, listener);
    t.requireNewRunFolder();
    List<Path> images = t.readImages();
    KnnValidation val =
        validation == null
            ? null
            : KnnValidation.load(validation, config.effectivePreprocess(), config.valK());
    Path initFrom =
        init == null
            ? null
            : isSafetensors(init) ? init.toAbsolutePath().normalize() : Checkpoint.resolve(init);
    AtomicFiles.ensureDirectory(t.run);
    return t.run(images, initFrom, null, val, true);
  }

  /**
   * Refuses a run folder that holds anything but the leftovers of a start cut short (temporary
   * files of {@code provenance.json} and {@code config.json}, which it removes), pointing at {@code
   * --resume} when the folder is a run.
   */
  private void requireNewRunFolder() {
    if (!Files.isDirectory(run)) {
      OutputFolders.requireEmpty(run, "use another --out folder");
      return;
    }
    List<Path> entries;
    try (Stream<Path> s = Files.list(run)) {
      entries = s.sorted().toList();
    } catch (IOException e) {
      throw new BadInputException(run, "cannot read folder: " + RadioclrException.describe(e), e);
    }
    if (!entries.isEmpty() && entries.stream().allMatch(SimclrTrainer::isStartLeftover)) {
      removeAndNote(run, entries.stream().map(run::relativize).toList(), listener);
      return;
    }
    if (!entries.isEmpty() && isRun(run)) {
      throw new BadInputException(
          run,
          "output folder is not empty: it holds a training run; continue it with --resume "
              + run
              + " (or use another --out folder)");
    }
    OutputFolders.requireEmpty(run, "use another --out folder");
  }

  /**
   * A temporary file of {@code provenance.json} or {@code config.json} (see {@link AtomicFiles}).
   */
  private static boolean isStartLeftover(Path p) {
    String name = p.getFileName().toString();
    return Files.isRegularFile(p)
        && (name.startsWith("." + RunStart.FILE + ".") || name.startsWith("." + CONFIG_FILE + "."))
        && name.endsWith(".part");
  }

  /** Whether {@code dir} looks like a training run (its configuration and anything it wrote). */
  private static boolean isRun(Path dir) {
    return Files.isRegularFile(dir.resolve(CONFIG_FILE))
        && (Files.isRegularFile(dir.resolve(RunStart.FILE))
            || Files.isRegularFile(dir.resolve(METRICS_FILE))
            || Files.isDirectory(dir.resolve(Checkpoint.CHECKPOINTS_DIR))
            || Files.isDirectory(dir.resolve(INTERRUPTED_DIR)));
  }

  /**
   * Continues an interrupted run from its latest checkpoint, exactly as if it had not stopped.
   *
   * @param run the run folder
   * @param workers data-pipeline threads to use now ({@code null}: the run's setting); does not
   *     change the results
   * @throws BadInputException naming the run or checkpoint when it cannot be resumed
   */
  public static List<EpochMetrics> resume(Path run, Integer workers, TrainingListener listener) {
    Path dir = run.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve(CONFIG_FILE))) {
      throw new BadInputException(dir, "not a training run (no " + CONFIG_FILE + ")");
    }
    SimclrTrainConfig config =
        Json.read(dir.resolve(CONFIG_FILE), SimclrTrainConfig.class).asRecorded();
    if (workers != null) {
      config = config.withWorkers(workers);
    }
    removeLeftovers(dir, listener);
    Pair<Integer, Path> latest = null;
    for (Pair<Integer, Path> c : Checkpoint.list(dir)) {
      if (Checkpoint.isComplete(c.getValue())) {
        latest = c; // the list is in epoch order
      }
    }
    Path interrupted = dir.resolve(INTERRUPTED_DIR);
    TrainerState stopped =
        Checkpoint.isComplete(interrupted) && Files.isRegularFile(interrupted.resolve(STATE_FILE))
            ? TrainerState.read(interrupted.resolve(STATE_FILE))
            : null;
    boolean fromInterrupted =
        stopped != null && stopped.epoch >= (latest == null ? 0 : latest.getKey());
    if (!fromInterrupted && latest == null) {
      return restart(dir, config, listener);
    }
    Path checkpoint = fromInterrupted ? interrupted : latest.getValue();
    if (!Files.isRegularFile(checkpoint.resolve(STATE_FILE))
        || !Files.isRegularFile(checkpoint.resolve(OPTIMIZER_FILE))) {
      throw new BadInputException(
          checkpoint,
          "cannot resume: no " + STATE_FILE + " / " + OPTIMIZER_FILE + " (not a run checkpoint)");
    }
    TrainerState state =
        fromInterrupted ? stopped : TrainerState.read(checkpoint.resolve(STATE_FILE));
    if (state.epoch >= config.epochs()) {
      throw new BadInputException(
          dir, "the run is complete (" + state.epoch + " of " + config.epochs() + " epochs)");
    }
    SimclrTrainer t = new SimclrTrainer(config, Path.of(state.datalist), dir, listener);
    String sha = Sha256.hex(t.datalist);
    if (!sha.equals(state.datalistSha256)) {
      throw new BadInputException(
          t.datalist, "the datalist changed since the run started (SHA-256 differs)");
    }
    List<Path> images = t.readImages();
    KnnValidation val =
        state.validation == null
            ? null
            : KnnValidation.load(
                Path.of(state.validation), config.effectivePreprocess(), config.valK());
    for (Pair<Integer, Path> p : Checkpoint.list(dir)) {
      if (p.getKey() > state.epoch) {
        OutputFolders.deleteTree(
            p.getValue()); // written after the checkpoint we resume from (incomplete)
      }
    }
    if (!fromInterrupted && Files.exists(interrupted)) {
      OutputFolders.deleteTree(interrupted); // older than the epoch checkpoint, or incomplete
    }
    return t.run(images, null, new ResumePoint(checkpoint, state), val, false);
  }

  /**
   * Starts a run killed before its first checkpoint again from its first step, with what its {@code
   * provenance.json} says it started from.
   */
  private static List<EpochMetrics> restart(
      Path dir, SimclrTrainConfig config, TrainingListener listener) {
    RunStart start = RunStart.read(dir);
    if (start == null) {
      throw new BadInputException(
          dir,
          "cannot resume: the run has no checkpoint yet, and no "
              + RunStart.FILE
              + " saying what it started from (a run started by an older radioclr); remove the"
              + " folder and start the run again");
    }
    SimclrTrainer t = new SimclrTrainer(config, Path.of(start.datalist()), dir, listener);
    if (!Sha256.hex(t.datalist).equals(start.datalistSha256())) {
      throw new BadInputException(
          t.datalist, "the datalist changed since the run started (SHA-256 differs)");
    }
    Path init = start.init() == null ? null : Path.of(start.init());
    if (init != null) {
      Path weights = RunStart.initWeights(init);
      if (!Files.isRegularFile(weights)) {
        throw new BadInputException(
            weights, "cannot restart the run: its --init weights are gone (file not found)");
      }
      if (!Sha256.hex(weights).equals(start.initSha256())) {
        throw new BadInputException(
            weights, "the run's --init weights changed since the run started (SHA-256 differs)");
      }
    }
    List<Path> images = t.readImages();
    KnnValidation val =
        start.validation() == null
            ? null
            : KnnValidation.load(
                Path.of(start.validation()), config.effectivePreprocess(), config.valK());
    for (Pair<Integer, Path> p : Checkpoint.list(dir)) {
      OutputFolders.deleteTree(p.getValue()); // none is complete
    }
    OutputFolders.deleteTree(dir.resolve(INTERRUPTED_DIR)); // incomplete
    listener.note("the run has no checkpoint yet: starting it again from its first step");
    return t.run(images, init, null, val, false);
  }

  /**
   * Removes the temporary files and folders a crash leaves in the run (see the class comment), with
   * a note naming them; a complete {@code .interrupted.next} (a stop cut short between writing its
   * checkpoint and renaming it) becomes {@code interrupted} unless that is newer.
   */
  private static void removeLeftovers(Path run, TrainingListener listener) {
    List<Path> found = new ArrayList<>(Checkpoint.removeLeftovers(run));
    Path next = run.resolve(NEXT_INTERRUPTED_DIR);
    if (Files.isDirectory(next) && isNewerStop(next, run.resolve(INTERRUPTED_DIR))) {
      OutputFolders.deleteTree(run.resolve(INTERRUPTED_DIR));
      move(next, run.resolve(INTERRUPTED_DIR));
      listener.note(
          "recovered "
              + INTERRUPTED_DIR
              + " from "
              + NEXT_INTERRUPTED_DIR
              + " (a stop was cut short while saving its checkpoint)");
    }
    List<Path> here;
    try (Stream<Path> s = Files.list(run)) {
      here =
          s.filter(
                  p -> {
                    String n = p.getFileName().toString();
                    return (n.startsWith(".") && n.endsWith(".part") && Files.isRegularFile(p))
                        || n.equals(NEXT_INTERRUPTED_DIR)
                        || n.startsWith("." + NEXT_INTERRUPTED_DIR + ".tmp-");
                  })
              .map(run::relativize)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new BadInputException(run, "cannot read folder: " + RadioclrException.describe(e), e);
    }
    found.addAll(here);
    removeAndNote(run, found, listener);
  }

  /** Whether stop checkpoint {@code next} is complete and not older than {@code current}. */
  private static boolean isNewerStop(Path next, Path current) {
    if (!isRunCheckpoint(next)) {
      return false;
    }
    if (!isRunCheckpoint(current)) {
      return true;
    }
    try {
      TrainerState a = TrainerState.read(next.resolve(STATE_FILE));
      TrainerState b = TrainerState.read(current.resolve(STATE_FILE));
      return a.epoch > b.epoch || (a.epoch == b.epoch && a.batch >= b.batch);
    } catch (BadInputException e) {
      return false;
    }
  }

  private static boolean isRunCheckpoint(Path folder) {
    return Checkpoint.isComplete(folder)
        && Files.isRegularFile(folder.resolve(STATE_FILE))
        && Files.isRegularFile(folder.resolve(OPTIMIZER_FILE));
  }

  /** Deletes leftovers (paths relative to the run) and says so in one note. */
  private static void removeAndNote(Path run, List<Path> leftovers, TrainingListener listener) {
    if (leftovers.isEmpty()) {
      return;
    }
    List<Path> kept = new ArrayList<>();
    for (Path p : leftovers) {
      if (!OutputFolders.tryDeleteTree(run.resolve(p)) || Files.exists(run.resolve(p))) {
        kept.add(p);
      }
    }
    List<String> names = leftovers.stream().map(Path::toString).toList();
    listener.note(
        "removed "
            + (leftovers.size() == 1 ? "a temporary leftover" : "temporary leftovers")
            + " of an interrupted run from "
            + run
            + ": "
            + String.join(", ", names));
    if (!kept.isEmpty()) {
      listener.warning(
          "cannot remove "
              + String.join(", ", kept.stream().map(Path::toString).toList())
              + " (ignored)");
    }
  }

  private record ResumePoint(Path checkpoint, TrainerState state) {}

  /**
   * The line a run prints about its encoder, e.g. {@code encoder: ResNet18, standard stem (7x7
   * stride 2 + max-pool) at 64 px}.
   */
  static String stemNote(SimclrTrainConfig config) {
    return "encoder: ResNet18, "
        + (config.useSmallStem()
            ? "small stem (3x3 stride 1, no max-pool)"
            : "standard stem (7x7 stride 2 + max-pool)")
        + " at "
        + config.imageSize()
        + " px"
        + (config.smallStem() == null ? " (--stem auto)" : "");
  }

  /** The model configuration a run of {@code config} trains. */
  public static ModelConfig modelConfig(SimclrTrainConfig config) {
    return new ModelConfig(
        ResNet18Config.encoder(config.useSmallStem()),
        ProjectionHeadConfig.paper(),
        config.imageSize(),
        config.preprocess() == null
            ? null
            : config.preprocess().withOutputSize(config.imageSize(), config.imageSize()));
  }

  private List<Path> readImages() {
    List<DatalistEntry> entries = DatalistReader.readAll(datalist);
    List<Path> files = EntryFiles.singleFiles(datalist, entries, "training");
    if (files.size() < config.batchSize()) {
      throw new BadInputException(
          datalist,
          "has "
              + files.size()
              + " images, fewer than the batch size "
              + config.batchSize()
              + " (use a smaller --batch)");
    }
    return files;
  }

  /**
   * Trains; then, when images were skipped, writes their list to {@code RUN/skipped.csv} and tells
   * the listener one summary line ({@link TrainingListener#warning}).
   *
   * @param init the checkpoint folder or {@code .safetensors} file whose weights start a new run
   * @param fresh whether this is a new run, whose {@code provenance.json} and {@code config.json}
   *     are written once the network is set up (an error before leaves the folder empty)
   */
  private List<EpochMetrics> run(
      List<Path> images, Path init, ResumePoint resume, KnnValidation validation, boolean fresh) {
    SkippedImages skipped = new SkippedImages(listener::imageSkipped);
    try {
      return run(images, init, resume, validation, fresh, skipped);
    } finally {
      if (!skipped.isEmpty()) {
        Path csv = run.resolve(SkippedImages.FILE_NAME);
        try {
          listener.warning(skipped.writeAndSummarise(images.size(), csv));
        } catch (RadioclrException e) { // do not hide a failure of the run itself
          listener.warning(
              skipped.count() + " of " + images.size() + " images skipped; " + e.getMessage());
        }
      }
    }
  }

  private List<EpochMetrics> run(
      List<Path> images,
      Path init,
      ResumePoint resume,
      KnnValidation validation,
      boolean fresh,
      SkippedImages skipped) {
    ModelConfig modelConfig = modelConfig(config);
    String datalistSha = Sha256.hex(datalist);
    Engine engine = Engines.pytorch();
    Device device = Engines.bestDevice();
    List<EpochMetrics> history =
        resume == null ? new ArrayList<>() : RunMetrics.read(run, resume.state.epoch);
    try (Model model = Model.newInstance(Checkpoint.MODEL_NAME, device, engine.getEngineName());
        PairBatches batches =
            new PairBatches(
                images,
                config.effectivePreprocess(),
                config.augmentation(),
                config.batchSize(),
                config.seed(),
                config.workers(),
                config.workers() + 2,
                skipped)) {
      engine.setRandomSeed((int) config.seed());
      if (resume != null) {
        Checkpoint.loadInto(resume.checkpoint, model, modelConfig);
      } else if (init != null && !isSafetensors(init)) {
        loadInit(init, model, modelConfig);
      } else {
        SimclrModel block = modelConfig.newModel();
        model.setBlock(block);
        block.initialize(
            model.getNDManager(),
            DataType.FLOAT32,
            new Shape(2L * config.batchSize(), 3, config.imageSize(), config.imageSize()));
        if (init != null) {
          TorchvisionWeights.LoadReport report = TorchvisionWeights.load(init, block);
          if (report.ignored().stream().anyMatch(k -> !k.endsWith("num_batches_tracked"))) {
            listener.warning(init + ": " + report.note());
          }
        }
      }
      if (fresh) {
        new RunStart(
                datalist.toString(),
                datalistSha,
                validation == null ? null : validation.datalist().toString(),
                init == null ? null : init.toString(),
                init == null ? null : Sha256.hex(RunStart.initWeights(init)))
            .write(run, provenance(datalistSha).put("time", Instant.now().toString()));
        Json.write(run.resolve(CONFIG_FILE), config.withResolvedStem());
      }
      SimclrStep step = new SimclrStep(model, engine, config.temperature(), config.weightDecay());
      SimclrModel block = step.block();
      ResumableAdam adam = step.adam();
      int perEpoch = batches.batchesPerEpoch();
      LearningRateSchedule schedule = config.schedule(perEpoch);
      listener.encoder(stemNote(config));
      listener.schedule(schedule, perEpoch);
      int firstEpoch = 0;
      int optimizerSteps = 0;
      if (resume != null) {
        readOptimizer(resume.checkpoint, adam);
        firstEpoch = resume.state.epoch;
        optimizerSteps = resume.state.optimizerSteps;
      }
      ParameterStore ps = step.parameters();
      DivergenceGuard divergence =
          new DivergenceGuard(MAX_SKIPPED_IN_A_ROW, DIVERGED_ADVICE, listener::warning);
      ValidationListener<Double> validate =
          new ValidationListener<>(
              validation == null
                  ? null
                  : () -> validation.accuracy(block, ps, model.getNDManager()));
      int[] stepsDone = {optimizerSteps};
      EpochCheckpoints checkpoints =
          new EpochCheckpoints(
              run,
              config.checkpointEvery(),
              config.keepLast(),
              (folder, epoch) ->
                  save(
                      folder,
                      model,
                      modelConfig,
                      state(epoch, stepsDone[0], datalistSha, validation),
                      init,
                      adam),
              listener);
      int channels = batches.channels();
      int side = batches.side();
      for (int e = firstEpoch; e < config.epochs(); e++) {
        listener.epochStarted(e + 1, config.epochs(), (long) perEpoch * config.batchSize());
        long start = System.nanoTime();
        double lossSum = 0;
        int steps = 0;
        int trained = 0;
        double earlierSeconds = 0;
        int firstBatch = 0;
        if (resume != null && e == firstEpoch) {
          lossSum = resume.state.lossSum;
          steps = resume.state.steps;
          trained = resume.state.trained;
          earlierSeconds = resume.state.seconds;
          firstBatch = resume.state.batch;
          if (firstBatch > 0) {
            listener.epochResumed(trained);
          }
        }
        float lr = 0;
        long waitNanos;
        try (PairBatches.Epoch epoch = batches.epoch(e, firstBatch)) {
          PairBatches.Batch batch;
          while ((batch = epoch.next()) != null) {
            int pairs = batch.pairs();
            if (pairs < 2) {
              batch.release();
              continue;
            }
            lr = schedule.at(e * perEpoch + batch.index());
            float value =
                step.run(batch.data(), pairs, channels, side, optimizerSteps, lr, batch::release);
            if (divergence.stepDone(value, e, batch.index())) {
              optimizerSteps++;
              steps++;
              trained += pairs;
              lossSum += value;
            }
            listener.stepDone(pairs, value);
            if (batch.index() + 1 < perEpoch && listener.stopRequested()) {
              TrainerState state = state(e, optimizerSteps, datalistSha, validation);
              state.batch = batch.index() + 1;
              state.lossSum = lossSum;
              state.steps = steps;
              state.trained = trained;
              state.seconds = earlierSeconds + (System.nanoTime() - start) / 1e9;
              Path folder = saveInterrupted(model, modelConfig, state, init, adam);
              listener.stopped(folder, e + 1, state.batch);
              return history;
            }
          }
          waitNanos = epoch.waitNanos();
        }
        double seconds = earlierSeconds + (System.nanoTime() - start) / 1e9;
        EpochMetrics m =
            new EpochMetrics(
                e + 1,
                steps,
                steps == 0 ? Double.NaN : lossSum / steps,
                lr,
                trained / seconds,
                waitNanos / 1e9,
                seconds);
        Double knnAccuracy = validate.epochDone();
        if (knnAccuracy != null) {
          m = m.withKnnAccuracy(knnAccuracy);
        }
        history.add(m);
        RunMetrics.write(run, history, config.valK());
        listener.epochDone(m);
        boolean last = e + 1 == config.epochs();
        boolean stop = !last && listener.stopRequested();
        stepsDone[0] = optimizerSteps;
        Path folder = checkpoints.epochDone(e + 1, last || stop);
        if (stop) {
          listener.stopped(folder, e + 1, perEpoch);
          return history;
        }
      }
    }
    return history;
  }

  private TrainerState state(
      int epoch, int optimizerSteps, String datalistSha, KnnValidation validation) {
    return new TrainerState(
        epoch,
        optimizerSteps,
        datalist.toString(),
        datalistSha,
        validation == null ? null : validation.datalist().toString());
  }

  /**
   * Saves {@code RUN/interrupted} through a hidden sibling: an earlier stop's checkpoint (which
   * this run continued) is removed only once the new one is complete.
   */
  private Path saveInterrupted(
      Model model, ModelConfig modelConfig, TrainerState state, Path init, ResumableAdam adam) {
    Path folder = run.resolve(INTERRUPTED_DIR);
    Path next = run.resolve(NEXT_INTERRUPTED_DIR);
    OutputFolders.deleteTree(next);
    save(next, model, modelConfig, state, init, adam);
    OutputFolders.deleteTree(folder);
    move(next, folder);
    return folder;
  }

  private void save(
      Path folder,
      Model model,
      ModelConfig modelConfig,
      TrainerState state,
      Path init,
      ResumableAdam adam) {
    Checkpoint.save(
        folder,
        model,
        modelConfig,
        provenance(state.epoch, state.batch, state.datalistSha256, init),
        dir -> {
          state.write(dir.resolve(STATE_FILE));
          try (DataOutputStream out =
              new DataOutputStream(
                  new BufferedOutputStream(Files.newOutputStream(dir.resolve(OPTIMIZER_FILE))))) {
            adam.save(out);
          }
        });
  }

  /** Whether {@code init} names a torchvision-style weights file rather than a run/checkpoint. */
  static boolean isSafetensors(Path init) {
    return Files.isRegularFile(init)
        && init.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".safetensors");
  }

  private static void loadInit(Path init, Model model, ModelConfig runConfig) {
    Path folder = Checkpoint.resolve(init);
    ModelConfig other = Json.read(folder.resolve(ModelConfig.FILE_NAME), ModelConfig.class);
    if (!other.sameArchitecture(runConfig)) {
      throw new BadInputException(
          folder,
          "checkpoint is another network ("
              + describe(other)
              + ") than this run needs ("
              + describe(runConfig)
              + ")");
    }
    Checkpoint.loadInto(folder, model, runConfig);
  }

  private static String describe(ModelConfig c) {
    return (c.encoder().smallInputStem() ? "small" : "standard")
        + " stem, "
        + c.encoder().inputChannels()
        + " channels, head "
        + c.head().inputDim()
        + "-"
        + c.head().hiddenDim()
        + "-"
        + c.head().outputDim();
  }

  private Provenance provenance(int epoch, int batch, String datalistSha, Path init) {
    Provenance p =
        provenance(datalistSha).put("epoch", epoch).put("time", Instant.now().toString());
    if (batch > 0) {
      p.put("batches_into_next_epoch", batch);
    }
    if (init != null) {
      p.put("init", init.toAbsolutePath().normalize().toString());
    }
    return p;
  }

  /** The provenance fields of the run and its checkpoints: tool, configuration, seed, datalist. */
  private Provenance provenance(String datalistSha) {
    return new Provenance(RunStart.TOOL)
        .put("config", config)
        .put("seed", config.seed())
        .put("datalist", datalist.toString())
        .put("datalist_sha256", datalistSha);
  }

  private static void readOptimizer(Path checkpoint, ResumableAdam adam) {
    Path file = checkpoint.resolve(OPTIMIZER_FILE);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      adam.load(in);
      if (in.read() != -1) {
        throw new BadInputException(
            file,
            "cannot read optimizer state: the file goes on after the state ends ("
                + Files.size(file)
                + " bytes; not written by this run?)");
      }
    } catch (EOFException e) {
      throw new BadInputException(
          file,
          "cannot read optimizer state: truncated (the file ends after "
              + size(file)
              + " bytes, in the middle of the state; a copy or write cut short?)",
          e);
    } catch (IOException e) {
      throw new BadInputException(
          file, "cannot read optimizer state: " + RadioclrException.describe(e), e);
    }
  }

  private static String size(Path file) {
    try {
      return Long.toString(Files.size(file));
    } catch (IOException e) {
      return "?";
    }
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new BadInputException(to, "cannot write checkpoint: " + e.getMessage(), e);
    }
  }
}
