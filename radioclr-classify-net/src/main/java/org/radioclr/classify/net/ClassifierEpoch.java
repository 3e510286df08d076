package org.radioclr.classify.net;

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

  /** One CSV row. */
  public String toCsv() {
    return String.format(
        Locale.ROOT,
        "%d,%.6f,%.6f,%.6f,%.6f,%.6g,%.3f,%.3f",
        epoch,
        loss,
        trainAccuracy,
        testAccuracy,
        testMacroF1,
        learningRate,
        imagesPerSecond,
        seconds);
  }
}
