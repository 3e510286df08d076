package org.radioclr.classify.net;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.radioclr.core.Records;

/**
 * How a classifier is trained (paper §3.2 linear probe, §3.3 fine-tuning): Adam with L2 weight
 * decay, the learning rate decayed along a cosine from {@code learningRate} to 0 over the run (no
 * warm-up), softmax or binary cross-entropy. The image size and pre-processing are the network's
 * ({@link EncoderShape}); the only augmentations are the eight flips and quarter turns of the
 * square ({@code augment}). A run writes it to {@value #FILE_NAME} (through {@link
 * org.radioclr.core.io.Json}, with a derived {@code "mode"} key first).
 *
 * @param epochs passes over the training set, &ge; 1 (paper: 30 for the probe, 150 fine-tuning)
 * @param batchSize images per optimiser step, &ge; 2 (batch norm trains on the batch)
 * @param learningRate peak learning rate, finite and &gt; 0
 * @param weightDecay L2 weight decay added to the gradients, finite and &ge; 0
 * @param seed seeds the linear layer (and a scratch encoder), epoch order and augmentations
 * @param frozenEncoder linear probe: the encoder's weights and batch-norm statistics stay fixed and
 *     only the linear layer learns; otherwise the whole network is fine-tuned
 * @param augment random flips and quarter turns of each training image per epoch
 * @param workers image-reading threads, &ge; 1
 */
@JsonPropertyOrder("mode")
public record ClassifierTrainConfig(
    int epochs,
    int batchSize,
    double learningRate,
    double weightDecay,
    long seed,
    boolean frozenEncoder,
    boolean augment,
    int workers) {

  /** The paper's epochs for the linear probe. */
  public static final int PROBE_EPOCHS = 30;

  /** The paper's epochs for fine-tuning. */
  public static final int FINETUNE_EPOCHS = 150;

  /** Default batch size. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  /** Default learning rate of the linear probe. */
  public static final double PROBE_LEARNING_RATE = 1e-3;

  /** Default learning rate of fine-tuning. */
  public static final double FINETUNE_LEARNING_RATE = 3e-4;

  /** The file a run writes it to. */
  public static final String FILE_NAME = "config.json";

  /** Validates the fields. */
  public ClassifierTrainConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (batchSize < 2) {
      throw new IllegalArgumentException("batch size must be >= 2, got " + batchSize);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
    if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
      throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
  }

  private static int defaultWorkers() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }

  /** The linear probe: frozen encoder, 30 epochs, batch 32, lr 1e-3, flips and rotations. */
  public static ClassifierTrainConfig probe() {
    return new ClassifierTrainConfig(
        PROBE_EPOCHS, DEFAULT_BATCH_SIZE, PROBE_LEARNING_RATE, 0, 1, true, true, defaultWorkers());
  }

  /** Fine-tuning: whole network, 150 epochs, batch 32, lr 3e-4, flips and rotations. */
  public static ClassifierTrainConfig finetune() {
    return new ClassifierTrainConfig(
        FINETUNE_EPOCHS,
        DEFAULT_BATCH_SIZE,
        FINETUNE_LEARNING_RATE,
        0,
        1,
        false,
        true,
        defaultWorkers());
  }

  /** With another number of epochs. */
  public ClassifierTrainConfig withEpochs(int value) {
    return Records.with(this, "epochs", value);
  }

  /** With another batch size. */
  public ClassifierTrainConfig withBatchSize(int value) {
    return Records.with(this, "batchSize", value);
  }

  /** With another learning rate. */
  public ClassifierTrainConfig withLearningRate(double value) {
    return Records.with(this, "learningRate", value);
  }

  /** With another weight decay. */
  public ClassifierTrainConfig withWeightDecay(double value) {
    return Records.with(this, "weightDecay", value);
  }

  /** With another seed. */
  public ClassifierTrainConfig withSeed(long value) {
    return Records.with(this, "seed", value);
  }

  /** With augmentation on or off. */
  public ClassifierTrainConfig withAugment(boolean value) {
    return Records.with(this, "augment", value);
  }

  /** With another number of worker threads. */
  public ClassifierTrainConfig withWorkers(int value) {
    return Records.with(this, "workers", value);
  }

  /** {@code "probe"} (frozen encoder) or {@code "finetune"}; written first, ignored when read. */
  @JsonProperty(value = "mode", access = JsonProperty.Access.READ_ONLY)
  public String mode() {
    return frozenEncoder ? "probe" : "finetune";
  }
}
