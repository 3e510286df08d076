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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Json;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.io.Provenance;
import org.radioclr.nn.Engines;
import org.radioclr.nn.checkpoint.Checkpoint;
import org.radioclr.nn.checkpoint.ModelConfig;
import org.radioclr.nn.model.ProjectionHeadConfig;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.model.SimclrModel;
import org.radioclr.nn.weights.TorchvisionWeights;

/**
 * Trains a {@link SimclrModel} with NT-Xent (paper section 2.3) and writes a run folder: {@code
 * config.json} (the {@link SimclrTrainConfig}), {@code metrics.csv} (one {@link EpochMetrics} row
 * per epoch, rewritten atomically after each), {@code metrics.png} (loss, learning rate and kNN
 * validation accuracy against the epoch, redrawn after each) and {@code checkpoints/epoch-NNNN/}
 * ({@link Checkpoint}s every {@code checkpointEvery} epochs and after the last, the newest {@code
 * keepLast} kept).
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
 * (on the CPU; GPU kernels may not be deterministic).
 */
public final class SimclrTrainer {
  /** The run's training configuration file. */
  public static final String CONFIG_FILE = "config.json";

  /** The run's metrics file. */
  public static final String METRICS_FILE = "metrics.csv";

  /** The run's plot of the metrics. */
  public static final String PLOT_FILE = "metrics.png";

  /** Steps in a row skipped for a non-finite loss or gradients before the run stops. */
  static final int MAX_SKIPPED_IN_A_ROW = 5;

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
    OutputFolders.requireEmpty(run, "use --resume to continue a run, or another --out folder");
    SimclrTrainer t = new SimclrTrainer(config, datalist, run, listener);
    List<Path> images = t.readImages();
    KnnValidation val =
        validation == null
            ? null
            : KnnValidation.load(validation, config.effectivePreprocess(), config.valK());
    AtomicFiles.ensureDirectory(t.run);
    Json.write(t.run.resolve(CONFIG_FILE), config);
    return t.run(images, init, null, val);
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
    SimclrTrainConfig config = Json.read(dir.resolve(CONFIG_FILE), SimclrTrainConfig.class);
    if (workers != null) {
      config = config.withWorkers(workers);
    }
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
      throw new BadInputException(dir, "cannot resume: the run has no checkpoint yet");
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
    String sha = sha256(t.datalist);
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
    return t.run(images, null, new ResumePoint(checkpoint, state), val);
  }

  private record ResumePoint(Path checkpoint, TrainerState state) {}

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
    List<Path> files = new ArrayList<>(entries.size());
    String firstMissing = null;
    int missing = 0;
    for (int i = 0; i < entries.size(); i++) {
      DatalistEntry e = entries.get(i);
      if (e.files().size() != 1) {
        throw new BadInputException(
            datalist,
            "data["
                + i
                + "] (sname "
                + e.sname()
                + ") has "
                + e.files().size()
                + " files; training reads one FITS file per image");
      }
      Path f = e.files().get(0);
      if (!Files.isRegularFile(f)) {
        if (firstMissing == null) {
          firstMissing = "data[" + i + "] (sname " + e.sname() + "): file not found: " + f;
        }
        missing++;
      }
      files.add(f);
    }
    if (firstMissing != null) {
      throw new BadInputException(
          datalist,
          firstMissing + (missing > 1 ? " (and " + (missing - 1) + " more missing)" : ""));
    }
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

  private List<EpochMetrics> run(
      List<Path> images, Path init, ResumePoint resume, KnnValidation validation) {
    ModelConfig modelConfig = modelConfig(config);
    String datalistSha = sha256(datalist);
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
                listener::warning)) {
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
      SimclrStep step = new SimclrStep(model, engine, config.temperature(), config.weightDecay());
      SimclrModel block = step.block();
      ResumableAdam adam = step.adam();
      int perEpoch = batches.batchesPerEpoch();
      LearningRateSchedule schedule =
          new LearningRateSchedule(
              config.learningRate(), config.warmupEpochs() * perEpoch, config.epochs() * perEpoch);
      int firstEpoch = 0;
      int optimizerSteps = 0;
      if (resume != null) {
        readOptimizer(resume.checkpoint, adam);
        firstEpoch = resume.state.epoch;
        optimizerSteps = resume.state.optimizerSteps;
      }
      ParameterStore ps = step.parameters();
      int skippedInARow = 0;
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
            if (Float.isFinite(value)) {
              skippedInARow = 0;
              optimizerSteps++;
              steps++;
              trained += pairs;
              lossSum += value;
            } else if (++skippedInARow >= MAX_SKIPPED_IN_A_ROW) {
              throw new RadioclrException(
                  "training diverged: "
                      + skippedInARow
                      + " steps in a row with a non-finite loss or gradients, at epoch "
                      + (e + 1)
                      + " (try a smaller --lr; the paper's 0.1 is large for Adam)");
            } else {
              listener.warning(
                  "epoch "
                      + (e + 1)
                      + ", batch "
                      + (batch.index() + 1)
                      + ": non-finite loss or gradients; step skipped, weights unchanged");
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
        if (validation != null) {
          m = m.withKnnAccuracy(validation.accuracy(block, ps, model.getNDManager()));
        }
        history.add(m);
        RunMetrics.write(run, history, config.valK());
        listener.epochDone(m);
        boolean last = e + 1 == config.epochs();
        boolean stop = !last && listener.stopRequested();
        if (last || stop || (e + 1) % config.checkpointEvery() == 0) {
          Path folder =
              run.resolve(Checkpoint.CHECKPOINTS_DIR).resolve(Checkpoint.folderName(e + 1));
          save(
              folder,
              model,
              modelConfig,
              state(e + 1, optimizerSteps, datalistSha, validation),
              init,
              adam);
          Checkpoint.prune(run, config.keepLast());
          OutputFolders.deleteTree(run.resolve(INTERRUPTED_DIR)); // superseded
          listener.checkpointSaved(folder);
          if (stop) {
            listener.stopped(folder, e + 1, perEpoch);
            return history;
          }
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
    Path next = run.resolve("." + INTERRUPTED_DIR + ".next");
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
        new Provenance("radioclr train simclr")
            .put("config", config)
            .put("seed", config.seed())
            .put("datalist", datalist.toString())
            .put("datalist_sha256", datalistSha)
            .put("epoch", epoch)
            .put("time", Instant.now().toString());
    if (batch > 0) {
      p.put("batches_into_next_epoch", batch);
    }
    if (init != null) {
      p.put("init", init.toAbsolutePath().normalize().toString());
    }
    return p;
  }

  private static void readOptimizer(Path checkpoint, ResumableAdam adam) {
    Path file = checkpoint.resolve(OPTIMIZER_FILE);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      adam.load(in);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read optimizer state: " + e.getMessage(), e);
    }
  }

  /** SHA-256 of a file as lower-case hex. */
  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
