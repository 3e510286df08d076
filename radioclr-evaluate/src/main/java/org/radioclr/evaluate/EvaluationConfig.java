package org.radioclr.evaluate;

import java.nio.file.Path;
import java.util.Objects;
import org.radioclr.classify.linear.LogisticOptions;
import org.radioclr.classify.split.BalancedSplits;

/**
 * What {@link Evaluation} measures and how.
 *
 * @param encoder a SimCLR training run (its latest checkpoint), a checkpoint folder, or a {@code
 *     .safetensors} file of torchvision ResNet18 encoder weights ({@link EncoderSource})
 * @param imageSize the network's input side for a weights file; 0 for a run or checkpoint (they
 *     carry their own)
 * @param labelled the labelled datalist (single-label entries; unlabelled ones are left out)
 * @param splits K, the number of class-balanced train/test draws, &ge; 1
 * @param trainPerClass training images per class in each draw (reduced, keeping the ratio, when the
 *     rarest class is smaller; {@link BalancedSplits})
 * @param testPerClass test images per class in each draw
 * @param seed seeds the draws and the random-weights network
 * @param k neighbours of the cosine kNN, &ge; 1 (capped at the training rows)
 * @param rawSize side of the downsampled image of the raw-pixel baseline, &ge; 1
 * @param logistic the logistic regression of the probe and the raw-pixel baseline
 * @param dihedral the encoder's and the random network's features averaged over the 8 orientations
 *     of each image ({@code FeatureOptions#dihedral()})
 */
public record EvaluationConfig(
    Path encoder,
    int imageSize,
    Path labelled,
    int splits,
    int trainPerClass,
    int testPerClass,
    long seed,
    int k,
    int rawSize,
    LogisticOptions logistic,
    boolean dihedral) {

  /** The default number of splits (the paper's 5). */
  public static final int DEFAULT_SPLITS = BalancedSplits.PAPER_SPLITS;

  /** The default kNN neighbours (as {@code classify knn}). */
  public static final int DEFAULT_K = 20;

  /** The default side of the raw-pixel baseline's image. */
  public static final int DEFAULT_RAW_SIZE = 32;

  /** Validates the fields, naming the bad one. */
  public EvaluationConfig {
    Objects.requireNonNull(encoder, "encoder");
    Objects.requireNonNull(labelled, "labelled");
    Objects.requireNonNull(logistic, "logistic");
    if (imageSize < 0) {
      throw new IllegalArgumentException("image size must be >= 0, got " + imageSize);
    }
    if (splits < 1) {
      throw new IllegalArgumentException("splits must be >= 1, got " + splits);
    }
    if (trainPerClass < 1 || testPerClass < 1) {
      throw new IllegalArgumentException(
          "train and test images per class must be >= 1, got "
              + trainPerClass
              + " and "
              + testPerClass);
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (rawSize < 1) {
      throw new IllegalArgumentException("raw pixel size must be >= 1, got " + rawSize);
    }
  }

  /** The defaults for an encoder and a datalist: 5 splits, the paper's sizes, seed 1. */
  public static EvaluationConfig defaults(Path encoder, Path labelled) {
    return new EvaluationConfig(
        encoder,
        0,
        labelled,
        DEFAULT_SPLITS,
        BalancedSplits.PAPER_TRAIN_PER_CLASS,
        BalancedSplits.PAPER_TEST_PER_CLASS,
        1,
        DEFAULT_K,
        DEFAULT_RAW_SIZE,
        LogisticOptions.defaults(),
        false);
  }
}
