package org.radioclr.nn.train;

import java.util.Objects;
import org.radioclr.classify.knn.KnnAccuracy;
import org.radioclr.core.Records;
import org.radioclr.core.augment.AugmentationPipeline;
import org.radioclr.core.io.Json;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.nn.loss.NtXentLoss;

/**
 * Everything a SimCLR training run needs, immutable and validated (paper section 2.3).
 *
 * <p>JSON form ({@link Json}; docs/train-config.md): the components in snake_case, every key
 * optional (a missing key takes {@link #paper(int)}'s value, with {@value #DEFAULT_EPOCHS} epochs).
 * {@code "augmentation"} is a preset name ({@code "hulk"}, {@code "banner"}) or an object in {@link
 * AugmentationPipeline}'s form; {@code "preprocess"} is {@code null} (the paper's) or an object in
 * {@link PreprocessConfig}'s form; {@code "small_stem"} is {@code null} (automatic), {@code true}
 * or {@code false}; {@code "warmup_epochs"} is {@code null} (automatic: a tenth of the run, at most
 * 10 epochs) or a number of epochs fewer than {@code "epochs"}. Example:
 *
 * <pre>{@code
 * {"epochs": 100, "batch_size": 128, "image_size": 224, "learning_rate": 0.1,
 *  "warmup_epochs": null, "weight_decay": 0, "temperature": 0.1, "seed": 1, "small_stem": null,
 *  "augmentation": "hulk", "preprocess": null, "workers": 4, "checkpoint_every": 1,
 *  "keep_last": 3, "val_k": 20}
 * }</pre>
 *
 * <p>The learning rate follows a per-step schedule: a linear warm-up up to {@code learningRate},
 * then a cosine decay to 0 at the last step ({@link LearningRateSchedule}, built by {@link
 * #schedule(int)}). The warm-up lasts {@code warmupEpochs} epochs when given, which must be fewer
 * than the epochs ({@link #requireDecayingSchedule()}); left out ({@code null}) it is automatic: a
 * tenth of the run's steps, at most the paper's {@value #DEFAULT_WARMUP_EPOCHS} epochs (so 10 of
 * 100 epochs as in the paper, 1 of 10). The optimizer is Adam ({@link ResumableAdam}) with L2
 * weight decay.
 *
 * @param epochs passes over the data set, &ge; 1
 * @param batchSize images per step (each gives two views, so the network sees {@code 2 *
 *     batchSize}); &ge; 2 (NT-Xent needs negatives); the paper uses 128
 * @param imageSize side of the square network input in pixels (the pre-processing's output size);
 *     at least {@link #minImageSize(boolean)}; the paper uses 224, CPU runs 64
 * @param learningRate the warm-up's target (peak) learning rate, finite and &gt; 0; the paper's
 *     table gives 0.1 for Adam, often too large for Adam in practice: override it (e.g. 1e-3)
 * @param warmupEpochs epochs of linear warm-up, &ge; 0 (paper: 10), or {@code null} for the
 *     automatic warm-up ({@link #warmupSteps(int)})
 * @param weightDecay L2 weight decay added to the gradients, finite and &ge; 0
 * @param temperature NT-Xent temperature, finite and &gt; 0 (0.1)
 * @param seed seed of the weight initialisation, the epoch shuffles and the augmentations
 * @param smallStem whether the encoder uses the small-image stem; {@code null} = automatic (true
 *     for {@code imageSize <= 32}, {@link #SMALL_STEM_MAX_SIZE}); a run's {@code config.json}
 *     records the resolved choice
 * @param augmentation the augmentations of each view (preset {@code hulk} by default)
 * @param preprocess the pre-processing; {@code null} = the paper's; its output size is always
 *     replaced by {@code imageSize} (see {@link #effectivePreprocess()})
 * @param workers data-pipeline threads, &ge; 1
 * @param checkpointEvery a checkpoint every this many epochs (and always after the last), &ge; 1
 * @param keepLast how many of the newest checkpoints to keep, &ge; 1
 * @param valK neighbours of the per-epoch kNN validation ({@link KnnAccuracy}) when a labelled
 *     validation datalist is given, &ge; 1 (default {@link #DEFAULT_VAL_K})
 */
public record SimclrTrainConfig(
    int epochs,
    int batchSize,
    int imageSize,
    double learningRate,
    Integer warmupEpochs,
    double weightDecay,
    double temperature,
    long seed,
    Boolean smallStem,
    AugmentationPipeline augmentation,
    PreprocessConfig preprocess,
    int workers,
    int checkpointEvery,
    int keepLast,
    int valK) {

  /** Epochs when a configuration file does not say. */
  public static final int DEFAULT_EPOCHS = 100;

  /** The paper's batch size. */
  public static final int DEFAULT_BATCH_SIZE = 128;

  /** The paper's image size. */
  public static final int DEFAULT_IMAGE_SIZE = 224;

  /**
   * Images up to this side get the small stem automatically. Measured at 64 px (bench train, 2
   * cores): the small stem's step is about 16x slower than the standard stem's, whose 2x2 final
   * feature map still carries the runs of the README's FR-DEEP table; below 64 px the standard stem
   * would leave a 1x1 map, so the small stem takes over at 32 px and less.
   */
  public static final int SMALL_STEM_MAX_SIZE = 32;

  /**
   * The automatic rule of runs started before {@link #SMALL_STEM_MAX_SIZE} became 32 (their {@code
   * config.json} has no stem): the small stem up to 64 px.
   */
  public static final int LEGACY_SMALL_STEM_MAX_SIZE = 64;

  /** The paper's table's learning rate (the warm-up target). */
  public static final double DEFAULT_LEARNING_RATE = 0.1;

  /** The paper's warm-up length in epochs, the longest automatic warm-up. */
  public static final int DEFAULT_WARMUP_EPOCHS = 10;

  /** The automatic warm-up is at most this fraction of the run's steps. */
  public static final double AUTO_WARMUP_FRACTION = 0.1;

  /** Neighbours of the kNN validation when a configuration does not say. */
  public static final int DEFAULT_VAL_K = 20;

  /** Validates the fields. */
  public SimclrTrainConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (batchSize < 2) {
      throw new IllegalArgumentException(
          "batch size must be >= 2 (NT-Xent needs negatives), got " + batchSize);
    }
    boolean small = smallStem != null ? smallStem : imageSize <= SMALL_STEM_MAX_SIZE;
    if (imageSize < minImageSize(small)) {
      throw new IllegalArgumentException(
          "image size must be >= "
              + minImageSize(small)
              + " for the "
              + (small ? "small" : "standard")
              + " stem, got "
              + imageSize);
    }
    if (imageSize > 4096) {
      throw new IllegalArgumentException("image size must be <= 4096, got " + imageSize);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
    if (warmupEpochs != null && warmupEpochs < 0) {
      throw new IllegalArgumentException("warm-up epochs must be >= 0, got " + warmupEpochs);
    }
    if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
      throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
    }
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
    }
    Objects.requireNonNull(augmentation, "augmentation");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException("checkpoint every must be >= 1, got " + checkpointEvery);
    }
    if (keepLast < 1) {
      throw new IllegalArgumentException("keep last must be >= 1, got " + keepLast);
    }
    if (valK < 1) {
      throw new IllegalArgumentException("val_k must be >= 1, got " + valK);
    }
  }

  /** The configuration with the default {@code valK} ({@value #DEFAULT_VAL_K}). */
  public SimclrTrainConfig(
      int epochs,
      int batchSize,
      int imageSize,
      double learningRate,
      Integer warmupEpochs,
      double weightDecay,
      double temperature,
      long seed,
      Boolean smallStem,
      AugmentationPipeline augmentation,
      PreprocessConfig preprocess,
      int workers,
      int checkpointEvery,
      int keepLast) {
    this(
        epochs,
        batchSize,
        imageSize,
        learningRate,
        warmupEpochs,
        weightDecay,
        temperature,
        seed,
        smallStem,
        augmentation,
        preprocess,
        workers,
        checkpointEvery,
        keepLast,
        DEFAULT_VAL_K);
  }

  /**
   * The smallest image side accepted: the standard stem halves the side five times before the last
   * stage (32 px leaves 1x1), the small stem three times (16 px leaves 2x2). Smaller inputs still
   * run but reduce every feature map to a single padded pixel, which is not a useful network.
   */
  public static int minImageSize(boolean smallStem) {
    return smallStem ? 16 : 32;
  }

  /**
   * The paper's settings (224 px, batch 128, lr 0.1, the automatic warm-up: the paper's 10 epochs
   * from 100 epochs on, a tenth of a shorter run) for {@code epochs}.
   */
  public static SimclrTrainConfig paper(int epochs) {
    return new SimclrTrainConfig(
        epochs,
        DEFAULT_BATCH_SIZE,
        DEFAULT_IMAGE_SIZE,
        DEFAULT_LEARNING_RATE,
        null,
        0.0,
        NtXentLoss.DEFAULT_TEMPERATURE,
        1L,
        null,
        AugmentationPipeline.hulk(),
        null,
        Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
        1,
        3);
  }

  /**
   * The warm-up in optimizer steps: {@code warmupEpochs * stepsPerEpoch} when given, else the
   * automatic one, {@code min(10 * stepsPerEpoch, floor(0.1 * epochs * stepsPerEpoch))}.
   *
   * @param stepsPerEpoch optimizer steps per epoch, &ge; 1
   */
  public int warmupSteps(int stepsPerEpoch) {
    if (stepsPerEpoch < 1) {
      throw new IllegalArgumentException("steps per epoch must be >= 1, got " + stepsPerEpoch);
    }
    if (warmupEpochs != null) {
      return warmupEpochs * stepsPerEpoch;
    }
    int total = epochs * stepsPerEpoch;
    return Math.min(
        DEFAULT_WARMUP_EPOCHS * stepsPerEpoch, (int) Math.floor(AUTO_WARMUP_FRACTION * total));
  }

  /** The learning-rate schedule of a run with {@code stepsPerEpoch} optimizer steps per epoch. */
  public LearningRateSchedule schedule(int stepsPerEpoch) {
    return new LearningRateSchedule(
        learningRate, warmupSteps(stepsPerEpoch), epochs * stepsPerEpoch);
  }

  /**
   * Checks that the learning rate decays: a warm-up given in epochs must be shorter than the run
   * (with {@code warmupEpochs >= epochs} the rate would still be rising at the last step). New runs
   * call this; resumed runs keep the schedule they started with.
   *
   * @throws IllegalArgumentException naming both ways out
   */
  public void requireDecayingSchedule() {
    if (warmupEpochs != null && warmupEpochs > 0 && warmupEpochs >= epochs) {
      double auto = Math.min(DEFAULT_WARMUP_EPOCHS, AUTO_WARMUP_FRACTION * epochs);
      throw new IllegalArgumentException(
          "a warm-up of "
              + warmupEpochs
              + " epochs is not shorter than the "
              + epochs
              + "-epoch run: the learning rate would still be rising at the last step and"
              + " never decay. Give fewer warm-up epochs (--warmup-epochs / warmup_epochs, at most "
              + (epochs - 1)
              + ") or more epochs (--epochs / epochs, at least "
              + (warmupEpochs + 1)
              + "), or leave the warm-up out for the automatic one (a tenth of the run, at most "
              + DEFAULT_WARMUP_EPOCHS
              + " epochs: "
              + java.math.BigDecimal.valueOf(auto).stripTrailingZeros().toPlainString()
              + (auto == 1 ? " epoch" : " epochs")
              + " here)");
    }
  }

  @Json.Defaults
  static SimclrTrainConfig jsonDefaults() {
    return paper(DEFAULT_EPOCHS);
  }

  /** Whether the encoder uses the small-image stem (resolving the automatic choice). */
  public boolean useSmallStem() {
    return smallStem != null ? smallStem : imageSize <= SMALL_STEM_MAX_SIZE;
  }

  /** The pre-processing with its output size set to {@code imageSize x imageSize}. */
  public PreprocessConfig effectivePreprocess() {
    PreprocessConfig base = preprocess == null ? PreprocessConfig.paper() : preprocess;
    return base.withResize(true).withOutputSize(imageSize, imageSize);
  }

  /** A copy with another number of epochs. */
  public SimclrTrainConfig withEpochs(int value) {
    return Records.with(this, "epochs", value);
  }

  /** A copy with another batch size. */
  public SimclrTrainConfig withBatchSize(int value) {
    return Records.with(this, "batchSize", value);
  }

  /** A copy with another image size. */
  public SimclrTrainConfig withImageSize(int value) {
    return Records.with(this, "imageSize", value);
  }

  /** A copy with another learning rate. */
  public SimclrTrainConfig withLearningRate(double value) {
    return Records.with(this, "learningRate", value);
  }

  /** A copy with another number of warm-up epochs ({@code null}: the automatic warm-up). */
  public SimclrTrainConfig withWarmupEpochs(Integer value) {
    return Records.with(this, "warmupEpochs", value);
  }

  /** A copy with another seed. */
  public SimclrTrainConfig withSeed(long value) {
    return Records.with(this, "seed", value);
  }

  /** A copy whose stem choice is explicit ({@link #useSmallStem()}), as a run records it. */
  public SimclrTrainConfig withResolvedStem() {
    return withSmallStem(useSmallStem());
  }

  /**
   * A run's recorded configuration as it was meant: an automatic stem (only in runs started before
   * the stem was recorded) resolved by the rule of those runs, {@link #LEGACY_SMALL_STEM_MAX_SIZE}.
   */
  public SimclrTrainConfig asRecorded() {
    return smallStem != null ? this : withSmallStem(imageSize <= LEGACY_SMALL_STEM_MAX_SIZE);
  }

  /** A copy with another stem choice ({@code null} = automatic by image size). */
  public SimclrTrainConfig withSmallStem(Boolean value) {
    return Records.with(this, "smallStem", value);
  }

  /** A copy with another number of data-pipeline threads. */
  public SimclrTrainConfig withWorkers(int value) {
    return Records.with(this, "workers", value);
  }

  /** A copy with other checkpoint settings. */
  public SimclrTrainConfig withCheckpoints(int every, int keep) {
    return Records.with(this, "checkpointEvery", every, "keepLast", keep);
  }

  /** A copy with another number of kNN validation neighbours. */
  public SimclrTrainConfig withValK(int value) {
    return Records.with(this, "valK", value);
  }
}
