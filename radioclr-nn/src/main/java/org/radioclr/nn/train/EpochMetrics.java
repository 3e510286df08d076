package org.radioclr.nn.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.radioclr.classify.knn.KnnAccuracy;

/**
 * What one training epoch did (a row of {@code metrics.csv}).
 *
 * @param epoch the epoch's number, 1-based
 * @param steps optimizer steps taken in the epoch
 * @param loss mean NT-Xent loss over the epoch's steps (NaN when no step ran)
 * @param learningRate the learning rate of the epoch's last step
 * @param imagesPerSecond images (pairs of views) trained per second of wall time (the validation
 *     excluded)
 * @param dataWaitSeconds time the model spent waiting for the data pipeline
 * @param seconds wall time of the epoch's training (the validation excluded)
 * @param knnAccuracy leave-one-out kNN accuracy of the validation images' encoder features after
 *     the epoch ({@link KnnAccuracy}), in [0, 1]; NaN without validation (an empty CSV field)
 */
public record EpochMetrics(
    int epoch,
    int steps,
    double loss,
    double learningRate,
    double imagesPerSecond,
    double dataWaitSeconds,
    double seconds,
    double knnAccuracy) {

  /** The CSV header. */
  public static final String CSV_HEADER =
      "epoch,steps,loss,learning_rate,images_per_second,data_wait_seconds,seconds,knn_accuracy";

  /** A row without validation. */
  public EpochMetrics(
      int epoch,
      int steps,
      double loss,
      double learningRate,
      double imagesPerSecond,
      double dataWaitSeconds,
      double seconds) {
    this(epoch, steps, loss, learningRate, imagesPerSecond, dataWaitSeconds, seconds, Double.NaN);
  }

  /** Whether the row has a kNN accuracy. */
  public boolean hasKnnAccuracy() {
    return !Double.isNaN(knnAccuracy);
  }

  /** A copy with the kNN accuracy set. */
  public EpochMetrics withKnnAccuracy(double value) {
    return new EpochMetrics(
        epoch, steps, loss, learningRate, imagesPerSecond, dataWaitSeconds, seconds, value);
  }

  /** This row's cells under {@link #CSV_HEADER}, for {@link org.radioclr.core.io.Csv}. */
  public List<Object> csvCells() {
    return Arrays.asList(
        epoch,
        steps,
        loss,
        learningRate,
        String.format(Locale.ROOT, "%.3f", imagesPerSecond),
        String.format(Locale.ROOT, "%.3f", dataWaitSeconds),
        String.format(Locale.ROOT, "%.3f", seconds),
        hasKnnAccuracy() ? String.format(Locale.ROOT, "%.4f", knnAccuracy) : null);
  }
}
