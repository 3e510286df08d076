package org.radioclr.classify.net;

import java.util.List;
import java.util.Locale;

/**
 * What one classifier training epoch did.
 *
 * @param epoch 1-based
 * @param loss mean training loss over the epoch's steps
 * @param trainAccuracy accuracy on the epoch's (augmented) training batches, during training
 * @param testAccuracy accuracy on the test set after the epoch (inference mode)
 * @param testMacroF1 macro-averaged F1 on the test set after the epoch
 * @param learningRate the rate of the epoch's last step
 * @param imagesPerSecond training images per second of wall time (feature encoding included)
 * @param seconds wall time of the epoch, test evaluation included
 */
public record ClassifierEpoch(
    int epoch,
    double loss,
    double trainAccuracy,
    double testAccuracy,
    double testMacroF1,
    double learningRate,
    double imagesPerSecond,
    double seconds) {

  /** The header of {@code metrics.csv}. */
  public static final String CSV_HEADER =
      "epoch,loss,train_accuracy,test_accuracy,test_macro_f1,learning_rate,images_per_second,seconds";

  /**
   * This row's cells under {@link #CSV_HEADER}, for {@link org.radioclr.core.io.Csv}: rates and
   * accuracies with 6 decimals, the learning rate with 6 significant digits, speed and seconds with
   * 3 decimals.
   */
  public List<Object> csvCells() {
    return List.of(
        epoch,
        String.format(Locale.ROOT, "%.6f", loss),
        String.format(Locale.ROOT, "%.6f", trainAccuracy),
        String.format(Locale.ROOT, "%.6f", testAccuracy),
        String.format(Locale.ROOT, "%.6f", testMacroF1),
        String.format(Locale.ROOT, "%.6g", learningRate),
        String.format(Locale.ROOT, "%.3f", imagesPerSecond),
        String.format(Locale.ROOT, "%.3f", seconds));
  }
}
