package org.radioclr.anomaly.select;

import java.util.Objects;

/**
 * What the feature selection found.
 *
 * @param importance features ranked by gain importance of the early-stopped model
 * @param bestRounds boosting rounds kept (best validation log-loss)
 * @param roundsRun rounds trained before stopping
 * @param validationLogLoss binary log-loss of the kept model on the held-out rows
 * @param validationAccuracy accuracy on the held-out rows (probability >= 0.5 = interesting)
 * @param trainRows training rows
 * @param trainPositives interesting training rows
 * @param validationRows held-out rows
 * @param validationPositives interesting held-out rows
 * @param modelText the kept model in LightGBM's text format
 */
public record SelectionResult(
    FeatureImportance importance,
    int bestRounds,
    int roundsRun,
    double validationLogLoss,
    double validationAccuracy,
    int trainRows,
    int trainPositives,
    int validationRows,
    int validationPositives,
    String modelText) {

  public SelectionResult {
    Objects.requireNonNull(importance, "importance");
    Objects.requireNonNull(modelText, "modelText");
    if (bestRounds < 1 || roundsRun < bestRounds) {
      throw new IllegalArgumentException(
          "rounds must satisfy 1 <= best <= run, got best " + bestRounds + ", run " + roundsRun);
    }
  }
}
