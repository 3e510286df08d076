package org.radioclr.detect.train;

/**
 * Settings of a detector training run.
 *
 * @param epochs passes over the training frames
 * @param batchSize crops per step
 * @param crop side of the training crops, pixels, a multiple of 32
 * @param learningRate Adam's peak learning rate (cosine decay after a one-epoch warm-up)
 * @param weightDecay L2 weight decay
 * @param seed seeds the weights, the crops and the augmentations
 * @param checkpointEvery epochs between checkpoints (the last epoch always has one)
 */
public record DetectTrainConfig(
    int epochs,
    int batchSize,
    int crop,
    double learningRate,
    double weightDecay,
    long seed,
    int checkpointEvery) {

  public DetectTrainConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (crop < 32 || crop % 32 != 0) {
      throw new IllegalArgumentException("crop must be a multiple of 32 pixels, got " + crop);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException(
          "checkpoint interval must be >= 1 epoch, got " + checkpointEvery);
    }
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
    }
  }
}
