package org.radioclr.nn.train;

/**
 * What one training epoch did (a row of {@code metrics.csv}).
 *
 * @param epoch the epoch's number, 1-based
 * @param steps optimizer steps taken in the epoch
 * @param loss mean NT-Xent loss over the epoch's steps (NaN when no step ran)
 * @param learningRate the learning rate of the epoch's last step
 * @param imagesPerSecond images (pairs of views) trained per second of wall time
 * @param dataWaitSeconds time the model spent waiting for the data pipeline
 * @param seconds wall time of the epoch
 */
public record EpochMetrics(
    int epoch,
    int steps,
    double loss,
    double learningRate,
    double imagesPerSecond,
    double dataWaitSeconds,
    double seconds) {

  /** The CSV header. */
  public static final String CSV_HEADER =
      "epoch,steps,loss,learning_rate,images_per_second,data_wait_seconds,seconds";

  /** This row as CSV (no line end). */
  public String toCsv() {
    return epoch
        + ","
        + steps
        + ","
        + loss
        + ","
        + learningRate
        + ","
        + String.format(java.util.Locale.ROOT, "%.3f", imagesPerSecond)
        + ","
        + String.format(java.util.Locale.ROOT, "%.3f", dataWaitSeconds)
        + ","
        + String.format(java.util.Locale.ROOT, "%.3f", seconds);
  }
}
