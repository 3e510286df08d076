package org.radioclr.classify.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.radioclr.classify.Predictions;
import org.radioclr.classify.metrics.ClassificationMetrics;
import org.radioclr.classify.report.PredictionsCsv;
import org.radioclr.core.BadInputException;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.io.Json;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.io.Provenance;
import org.radioclr.core.io.Sha256;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.nn.Engines;
import org.radioclr.nn.model.ResNet18Config;
import org.radioclr.nn.train.DivergenceGuard;
import org.radioclr.nn.train.LearningRateSchedule;
import org.radioclr.nn.train.OptimiserStep;
import org.radioclr.nn.train.PairBatches;
import org.radioclr.nn.train.ResumableAdam;
import org.radioclr.nn.train.ValidationListener;

/**
 * Trains a {@link ClassifierNet} on a labelled training set and evaluates it on a test set after
 * every epoch (paper §3.2 linear probe, §3.3 fine-tuning), writing a run folder: {@code
 * config.json} ({@link ClassifierTrainConfig}), {@code metrics.csv} (one {@link ClassifierEpoch}
 * per epoch) and {@code metrics.png} (loss and accuracies against the epoch), both rewritten after
 * each epoch, then {@code predictions.csv} (the test set's probabilities, {@link PredictionsCsv}),
 * the classifier folder {@code classifier/} ({@link ClassifierNet#save}) and the scores of the last
 * epoch's test predictions ({@link RunReport}: {@code metrics.json}, {@code confusion.png} when
 * single-label, {@code report.html}).
 *
 * <p>Epoch {@code e} visits the training images in the order {@link PairBatches#order
 * PairBatches.order(n, seed, e)}, in batches of {@code batchSize} (the last one smaller), image
 * {@code i} under the symmetry {@link Symmetry#draw Symmetry.draw(seed, e, i)} when augmenting (one
 * of the eight flips and quarter turns of the square, uniformly), so runs repeat exactly on the
 * CPU. Optimiser: {@link ResumableAdam} with L2 weight decay; learning rate {@link
 * LearningRateSchedule} without warm-up (cosine from the peak to 0 over all steps).
 *
 * <p><b>Fine-tuning</b> ({@code frozenEncoder == false}): every step runs the whole network in
 * training mode (batch norm on batch statistics, running statistics updated) and updates every
 * parameter; a batch left with a single image is skipped (batch norm cannot train on one).
 *
 * <p><b>Linear probe</b> ({@code frozenEncoder == true}): the encoder runs only in inference mode
 * (batch norm on its running statistics) and none of its parameters is ever handed to the
 * optimiser, so the probe is a linear classifier on fixed features. Because a frozen encoder maps
 * an image under a given symmetry to the same features every time, the features of each (image,
 * symmetry) pair are computed once, the first time an epoch draws it, and kept in memory ({@code 8
 * x N x 512} floats at most; {@code N x 512} without augmentation); later epochs only train the
 * linear layer on cached features. The result equals on-the-fly augmentation (up to float rounding
 * across batch compositions) at a cost of at most eight encoder passes over the training set
 * instead of one per epoch. The test features are computed once.
 *
 * <p>The epoch loop calls the training listeners of {@code nn.train} the way {@code SimclrTrainer}
 * does: a {@link DivergenceGuard} after every step (a skipped step is warned about; {@link
 * DivergenceGuard#MAX_IN_A_ROW} in a row stop the run), a {@link ValidationListener} after every
 * epoch (the test set's predictions, in inference mode), then {@link EpochFiles} (metrics.csv and
 * metrics.png) and the caller's {@link Listener}.
 *
 * <p>Images that cannot be read or pre-processed are skipped with a warning; a class left without a
 * readable training image, or a test set without one, fails the run with a {@link
 * BadInputException} naming the datalist.
 */
public final class ClassifierTrainer {
  /** The run's metrics file. */
  public static final String METRICS_FILE = "metrics.csv";

  /** The run's plot of the metrics. */
  public static final String PLOT_FILE = "metrics.png";

  /** The test set's predictions after the last epoch. */
  public static final String PREDICTIONS_FILE = "predictions.csv";

  /** The scores of those predictions ({@code MetricsJson}). */
  public static final String SCORES_FILE = "metrics.json";

  /** Their confusion matrix (single-label runs only). */
  public static final String CONFUSION_FILE = "confusion.png";

  /** The run's HTML report. */
  public static final String REPORT_FILE = "report.html";

  /** What the message of a diverged run suggests. */
  static final String DIVERGED_ADVICE = "try a smaller --lr";

  /** Receives progress, epoch summaries and warnings. */
  public interface Listener {
    /** A listener that ignores everything. */
    Listener NONE = new Listener() {};

    /** The progress bar of each epoch (images encoded and trained). */
    default ProgressListener progress() {
      return ProgressListener.NONE;
    }

    /** An epoch ended. */
    default void epochDone(ClassifierEpoch epoch) {}

    /**
     * A non-fatal problem; images that cannot be read or pre-processed come as one summary line at
     * the end of the run (how many, the main reasons, where the list is).
     */
    default void warning(String message) {}

    /** An image was left out (once per image, possibly from a reader thread; for --verbose). */
    default void imageSkipped(SkippedImages.Entry image) {}
  }

  /**
   * What a run produced.
   *
   * @param run the run folder
   * @param history every epoch
   * @param test the test set's predictions after the last epoch
   * @param metrics their scores
   * @param trainImages training images used (readable ones)
   */
  public record Result(
      Path run,
      List<ClassifierEpoch> history,
      Predictions test,
      ClassificationMetrics metrics,
      int trainImages) {
    /** Copies the history. */
    public Result {
      history = List.copyOf(history);
      Objects.requireNonNull(metrics, "metrics");
    }

    /** The test accuracy (subset accuracy when multi-label). */
    public double accuracy() {
      return metrics.accuracy();
    }

    /** The test macro F1. */
    public double macroF1() {
      return metrics.macro().f1();
    }
  }

  private final ClassifierNet net;
  private final ClassifierTrainConfig config;
  private final ClassificationData data;
  private final Path run;
  private final Listener listener;
  private final int classes;
  private final OptimiserStep optimiser;
  private final DivergenceGuard divergence;

  private ClassifierTrainer(
      ClassifierNet net,
      ClassifierTrainConfig config,
      ClassificationData data,
      Path run,
      Listener listener) {
    this.net = net;
    this.config = config;
    this.data = data;
    this.run = run;
    this.listener = listener;
    this.classes = data.classes().size();
    Block learning = config.frozenEncoder() ? net.block().fc() : net.block();
    this.optimiser =
        new OptimiserStep(
            learning, net.model().getNDManager(), Engines.pytorch(), config.weightDecay());
    this.divergence =
        new DivergenceGuard(DivergenceGuard.MAX_IN_A_ROW, DIVERGED_ADVICE, listener::warning);
  }

  /**
   * Trains without extra provenance; see {@link #train(ClassifierNet, ClassifierTrainConfig,
   * ClassificationData, Path, Map, Listener)}.
   */
  public static Result train(
      ClassifierNet net,
      ClassifierTrainConfig config,
      ClassificationData data,
      Path run,
      Listener listener) {
    return train(net, config, data, run, Map.of(), listener);
  }

  /**
   * Trains {@code net} in place and writes the run folder.
   *
   * @param net the classifier; its classes and multi-label setting must be the data's
   * @param run the run folder; must be missing or empty
   * @param notes extra fields for the classifier's {@code provenance.json} (e.g. the label
   *     fraction)
   * @throws BadInputException naming the folder or datalist on bad input
   */
  public static Result train(
      ClassifierNet net,
      ClassifierTrainConfig config,
      ClassificationData data,
      Path run,
      Map<String, Object> notes,
      Listener listener) {
    Objects.requireNonNull(net, "net");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(listener, "listener");
    if (!net.classes().equals(data.classes()) || net.multiLabel() != data.multiLabel()) {
      throw new IllegalArgumentException(
          "the classifier's classes "
              + net.classes().names()
              + (net.multiLabel() ? " (multi-label)" : "")
              + " are not the data's "
              + data.classes().names()
              + (data.multiLabel() ? " (multi-label)" : ""));
    }
    OutputFolders.requireEmpty(run, "choose another --out folder");
    Path dir = run.toAbsolutePath().normalize();
    AtomicFiles.ensureDirectory(dir);
    Json.write(dir.resolve(ClassifierTrainConfig.FILE_NAME), config);
    return new ClassifierTrainer(net, config, data, dir, listener).run(notes);
  }

  private static long cacheBudget() {
    return Math.min(Runtime.getRuntime().maxMemory() / 6, 2L << 30);
  }

  /**
   * Trains; then, when images were skipped, writes their list to {@code RUN/skipped.csv} and tells
   * the listener one summary line.
   */
  private Result run(Map<String, Object> notes) {
    SkippedImages skipped = new SkippedImages(listener::imageSkipped);
    try {
      return run(notes, skipped);
    } finally {
      if (!skipped.isEmpty()) {
        int total = data.train().size() + data.test().size();
        try {
          listener.warning(skipped.writeAndSummarise(total, run.resolve(SkippedImages.FILE_NAME)));
        } catch (RadioclrException e) { // do not hide a failure of the run itself
          listener.warning(skipped.count() + " of " + total + " images skipped; " + e.getMessage());
        }
      }
    }
  }

  private Result run(Map<String, Object> notes, SkippedImages skipped) {
    var pre = net.shape().effectivePreprocess();
    List<ClassifierEpoch> history = new ArrayList<>();
    Predictions last = null;
    try (ImageBatches train =
            new ImageBatches(data.train().files(), pre, config.workers(), cacheBudget(), skipped);
        ImageBatches test =
            new ImageBatches(data.test().files(), pre, config.workers(), cacheBudget(), skipped)) {
      Loop loop =
          config.frozenEncoder() ? new ProbeLoop(train, test) : new FinetuneLoop(train, test);
      ValidationListener<Predictions> validate = new ValidationListener<>(loop::evaluate);
      EpochFiles files = new EpochFiles(run, config.frozenEncoder(), data.multiLabel());
      int n = train.size();
      int perEpoch = (n + config.batchSize() - 1) / config.batchSize();
      LearningRateSchedule schedule =
          new LearningRateSchedule(config.learningRate(), 0, config.epochs() * perEpoch);
      for (int e = 0; e < config.epochs(); e++) {
        long start = System.nanoTime();
        Tally tally = loop.epoch(e, perEpoch, schedule);
        if (e == 0) {
          requireEveryClass(train);
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        last = validate.epochDone();
        ClassificationMetrics scores = ClassificationMetrics.of(last);
        double seconds = (System.nanoTime() - start) / 1e9;
        ClassifierEpoch m =
            new ClassifierEpoch(
                e + 1,
                tally.steps == 0 ? Double.NaN : tally.loss / tally.steps,
                tally.images == 0 ? Double.NaN : tally.correct / (double) tally.images,
                scores.accuracy(),
                scores.macro().f1(),
                tally.lr,
                tally.images / trainSeconds,
                seconds);
        history.add(m);
        files.epochDone(history);
        listener.epochDone(m);
      }
      int used = 0;
      for (int i = 0; i < train.size(); i++) {
        used += train.failed(i) ? 0 : 1;
      }
      ClassificationMetrics scores = ClassificationMetrics.of(last);
      PredictionsCsv.write(run.resolve(PREDICTIONS_FILE), last);
      net.save(
          run.resolve(ClassifierNet.RUN_FOLDER),
          provenance(notes, scores.accuracy(), scores.macro().f1(), used));
      RunReport.write(run, config.frozenEncoder(), describe(notes, used), scores, history.size());
      return new Result(run, history, last, scores, used);
    }
  }

  private void requireEveryClass(ImageBatches train) {
    int[] count = new int[classes];
    for (int i = 0; i < train.size(); i++) {
      if (!train.failed(i)) {
        for (int c : data.train().truth()[i]) {
          count[c]++;
        }
      }
    }
    for (int c = 0; c < classes; c++) {
      if (count[c] == 0) {
        throw new BadInputException(
            data.train().datalist(),
            "class '"
                + data.classes().names().get(c)
                + "' has no readable training image (its images failed to load)");
      }
    }
  }

  /** The report's opening lines: what was trained on what. */
  private List<String> describe(Map<String, Object> notes, int used) {
    List<String> lines = new ArrayList<>();
    lines.add(
        (config.frozenEncoder() ? "Linear probe" : "Fine-tuning")
            + " of "
            + net.shape().describe()
            + ", encoder initialised from "
            + net.spec().init()
            + "; classes "
            + data.classes().names()
            + (data.multiLabel() ? " (multi-label)" : "")
            + ".");
    lines.add(
        "Train: "
            + data.train().datalist()
            + " ("
            + used
            + " images used). Test: "
            + data.test().datalist()
            + ".");
    StringBuilder settings = new StringBuilder("Settings: ");
    Json.toMap(config).forEach((k, v) -> settings.append(k).append(' ').append(v).append(", "));
    notes.forEach((k, v) -> settings.append(k).append(' ').append(v).append(", "));
    lines.add(settings.substring(0, settings.length() - 2) + ".");
    return lines;
  }

  private Provenance provenance(Map<String, Object> notes, double accuracy, double f1, int used) {
    Provenance p =
        new Provenance(
                config.frozenEncoder() ? "radioclr classify probe" : "radioclr classify finetune")
            .put("config", config)
            .put("seed", config.seed())
            .put("init", net.spec().init())
            .put("train", data.train().datalist().toString())
            .put("train_sha256", Sha256.hex(data.train().datalist()))
            .put("train_images", used)
            .put("test", data.test().datalist().toString())
            .put("test_sha256", Sha256.hex(data.test().datalist()))
            .put("test_accuracy", accuracy)
            .put("test_macro_f1", f1)
            .put("time", Instant.now().toString());
    notes.forEach(p::put);
    return p;
  }

  /** Sums over an epoch's steps. */
  private static final class Tally {
    double loss;
    int steps;
    int images;
    int correct;
    float lr;
  }

  /** One training mode. */
  private interface Loop {
    Tally epoch(int epoch, int perEpoch, LearningRateSchedule schedule);

    Predictions evaluate();
  }

  private int[] symmetries(int n, int epoch) {
    int[] s = new int[n];
    if (config.augment()) {
      for (int i = 0; i < n; i++) {
        s[i] = Symmetry.draw(config.seed(), epoch, i);
      }
    }
    return s;
  }

  /**
   * One optimiser step on {@code x} through {@code block} in training mode ({@link OptimiserStep}:
   * a non-finite loss or gradient skips the step, leaving the weights and batch-norm statistics as
   * they were; the {@link DivergenceGuard} warns, and stops the run after {@link
   * DivergenceGuard#MAX_IN_A_ROW} skipped steps in a row).
   *
   * @param rows the image numbers of the rows (for their true classes)
   */
  private void step(
      NDManager scope,
      Block block,
      NDArray x,
      int[] rows,
      int count,
      int epoch,
      int batchIndex,
      int step,
      float lr,
      Tally t) {
    float[] targets = new float[count * classes];
    for (int r = 0; r < count; r++) {
      for (int c : data.train().truth()[rows[r]]) {
        targets[r * classes + c] = 1;
      }
    }
    NDArray y = scope.create(targets, new Shape(count, classes));
    float[][] logits = new float[1][];
    float value =
        optimiser.run(
            step,
            lr,
            ps -> {
              NDArray out = block.forward(ps, new NDList(x), true).singletonOrThrow();
              logits[0] = out.toFloatArray();
              return ClassifierNet.loss(out, y, data.multiLabel());
            });
    if (!divergence.stepDone(value, epoch, batchIndex)) {
      return;
    }
    float[][] probs = ClassifierNet.activate(logits[0], count, classes, data.multiLabel());
    Predictions batch =
        new Predictions(
            data.classes().names(),
            Arrays.stream(rows, 0, count).mapToObj(Integer::toString).toList(),
            data.multiLabel(),
            Arrays.stream(rows, 0, count)
                .mapToObj(i -> data.train().truth()[i])
                .toArray(int[][]::new),
            probs);
    t.correct += (int) Math.round(ClassificationMetrics.of(batch).accuracy() * count);
    t.images += count;
    t.loss += value;
    t.steps++;
    t.lr = lr;
  }

  private Predictions predictions(List<Integer> kept, float[][] scores) {
    if (kept.isEmpty()) {
      throw new BadInputException(data.test().datalist(), "no test image could be read");
    }
    List<String> snames = new ArrayList<>(kept.size());
    int[][] truth = new int[kept.size()][];
    for (int k = 0; k < kept.size(); k++) {
      snames.add(data.test().snames().get(kept.get(k)));
      truth[k] = data.test().truth()[kept.get(k)];
    }
    return new Predictions(data.classes().names(), snames, data.multiLabel(), truth, scores);
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** Fine-tuning: the whole network learns, images flow through the encoder every epoch. */
  private final class FinetuneLoop implements Loop {
    private final ImageBatches train;
    private final ImageBatches test;

    FinetuneLoop(ImageBatches train, ImageBatches test) {
      this.train = train;
      this.test = test;
    }

    @Override
    public Tally epoch(int epoch, int perEpoch, LearningRateSchedule schedule) {
      int n = train.size();
      Tally t = new Tally();
      ProgressListener progress = listener.progress();
      progress.start("epoch " + (epoch + 1) + "/" + config.epochs(), n);
      int[] order = PairBatches.order(n, config.seed(), epoch);
      int[] sym = new int[n];
      int[] all = symmetries(n, epoch);
      for (int j = 0; j < n; j++) {
        sym[j] = all[order[j]];
      }
      try (ImageBatches.Pass pass = train.pass(order, sym, config.batchSize())) {
        ImageBatches.Batch b;
        int index = 0;
        while ((b = pass.next()) != null) {
          int s = Math.min(epoch * perEpoch + index, schedule.totalSteps() - 1);
          index++;
          if (b.count() >= 2) {
            try (NDManager scope = net.model().getNDManager().newSubManager()) {
              NDArray x =
                  scope.create(
                      FloatBuffer.wrap(b.data(), 0, b.count() * train.imageFloats()),
                      new Shape(b.count(), train.channels(), train.side(), train.side()));
              step(
                  scope,
                  net.block(),
                  x,
                  b.images(),
                  b.count(),
                  epoch,
                  index - 1,
                  s,
                  schedule.at(s),
                  t);
            }
          }
          progress.advance(b.count());
        }
      } finally {
        progress.finish();
      }
      return t;
    }

    @Override
    public Predictions evaluate() {
      List<Integer> kept = new ArrayList<>();
      List<float[]> scores = new ArrayList<>();
      int n = test.size();
      try (ImageBatches.Pass pass = test.pass(identity(n), new int[n], config.batchSize())) {
        ImageBatches.Batch b;
        while ((b = pass.next()) != null) {
          float[][] p = net.probabilities(b.data(), b.count());
          for (int r = 0; r < b.count(); r++) {
            kept.add(b.images()[r]);
            scores.add(p[r]);
          }
        }
      }
      return predictions(kept, scores.toArray(float[][]::new));
    }
  }

  /** Linear probe: cached frozen-encoder features, only the linear layer learns. */
  private final class ProbeLoop implements Loop {
    private static final int D = ResNet18Config.FEATURE_DIM;
    private final ImageBatches train;
    private final ImageBatches test;
    private final float[][][] features; // [symmetry][image] -> [512] or null
    private List<Integer> testKept;
    private float[] testFeatures;

    ProbeLoop(ImageBatches train, ImageBatches test) {
      this.train = train;
      this.test = test;
      this.features = new float[config.augment() ? Symmetry.COUNT : 1][train.size()][];
    }

    @Override
    public Tally epoch(int epoch, int perEpoch, LearningRateSchedule schedule) {
      int n = train.size();
      int[] order = PairBatches.order(n, config.seed(), epoch);
      int[] sym = symmetries(n, epoch);
      List<Integer> missImages = new ArrayList<>();
      List<Integer> missSym = new ArrayList<>();
      for (int i : order) {
        if (!train.failed(i) && features[sym[i]][i] == null) {
          missImages.add(i);
          missSym.add(sym[i]);
        }
      }
      ProgressListener progress = listener.progress();
      progress.start("epoch " + (epoch + 1) + "/" + config.epochs(), missImages.size() + n);
      Tally t = new Tally();
      try {
        encode(missImages, missSym, progress);
        float[] x = new float[config.batchSize() * D];
        int[] rows = new int[config.batchSize()];
        int count = 0;
        int index = 0;
        for (int j = 0; j <= n; j++) {
          if (j < n) {
            int i = order[j];
            float[] f = features[sym[i]][i];
            if (f != null) {
              System.arraycopy(f, 0, x, count * D, D);
              rows[count++] = i;
            }
            if (count < config.batchSize()) {
              continue;
            }
          }
          if (count > 0) {
            int s = Math.min(epoch * perEpoch + index, schedule.totalSteps() - 1);
            try (NDManager scope = net.model().getNDManager().newSubManager()) {
              NDArray in = scope.create(FloatBuffer.wrap(x, 0, count * D), new Shape(count, D));
              step(scope, net.block().fc(), in, rows, count, epoch, index, s, schedule.at(s), t);
            }
            progress.advance(count);
          }
          index++;
          count = 0;
        }
      } finally {
        progress.finish();
      }
      return t;
    }

    private void encode(List<Integer> images, List<Integer> sym, ProgressListener progress) {
      int[] img = images.stream().mapToInt(Integer::intValue).toArray();
      int[] s = sym.stream().mapToInt(Integer::intValue).toArray();
      try (ImageBatches.Pass pass = train.pass(img, s, config.batchSize())) {
        ImageBatches.Batch b;
        int from = 0;
        while ((b = pass.next()) != null) {
          // the batch's rows are the pass's images from 'from' on, in order, minus failed ones
          int end = Math.min(img.length, from + config.batchSize());
          if (b.count() > 0) {
            float[] f = net.features(b.data(), b.count());
            int r = 0;
            for (int j = from; j < end; j++) {
              if (r < b.count() && b.images()[r] == img[j]) {
                features[s[j]][img[j]] = Arrays.copyOfRange(f, r * D, (r + 1) * D);
                r++;
              }
            }
          }
          progress.advance(end - from);
          from = end;
        }
      }
    }

    @Override
    public Predictions evaluate() {
      if (testKept == null) {
        int n = test.size();
        testKept = new ArrayList<>();
        float[] all = new float[n * D];
        try (ImageBatches.Pass pass = test.pass(identity(n), new int[n], config.batchSize())) {
          ImageBatches.Batch b;
          while ((b = pass.next()) != null) {
            if (b.count() == 0) {
              continue;
            }
            float[] f = net.features(b.data(), b.count());
            System.arraycopy(f, 0, all, testKept.size() * D, b.count() * D);
            for (int r = 0; r < b.count(); r++) {
              testKept.add(b.images()[r]);
            }
          }
        }
        testFeatures = Arrays.copyOf(all, testKept.size() * D);
      }
      return predictions(testKept, net.headProbabilities(testFeatures, testKept.size()));
    }
  }
}
