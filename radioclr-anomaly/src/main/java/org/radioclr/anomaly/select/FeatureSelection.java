package org.radioclr.anomaly.select;

import com.microsoft.ml.lightgbm.PredictionType;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import java.util.Objects;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.progress.ProgressListener;

/**
 * LightGBM feature selection (paper §5.2; Ke et al. 2017): a gradient-boosted binary classifier of
 * interesting vs ordinary labelled frames with shallow trees, early-stopped on a seeded stratified
 * held-out part ({@link StratifiedSplit}), whose gain importance ranks the features.
 *
 * <p>Training: rounds run until {@link SelectConfig#patience()} rounds pass without a lower
 * validation binary log-loss, or {@link SelectConfig#maxRounds()}; the model is then cut back to
 * the best round (saved as text with that many trees and read back), and the importance, the
 * held-out accuracy and the model text all come from that cut model. All native memory is freed
 * before returning. Deterministic for a given seed, data and thread count.
 */
public final class FeatureSelection {
  private FeatureSelection() {}

  /**
   * Trains the classifier and ranks the features.
   *
   * @throws RadioclrException when LightGBM cannot be loaded or fails, or finds no split at all
   */
  public static SelectionResult run(
      SelectionData data, SelectConfig config, ProgressListener progress) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(progress, "progress");
    boolean[] held =
        StratifiedSplit.holdOut(data.interesting(), config.validationFraction(), config.seed());
    int d = data.featureNames().size();
    int nValid = 0;
    for (boolean h : held) {
      nValid += h ? 1 : 0;
    }
    int nTrain = data.size() - nValid;
    float[] trainX = new float[nTrain * d];
    float[] validX = new float[nValid * d];
    float[] trainY = new float[nTrain];
    float[] validY = new float[nValid];
    int ti = 0;
    int vi = 0;
    for (int i = 0; i < data.size(); i++) {
      float y = data.interesting()[i] ? 1f : 0f;
      if (held[i]) {
        System.arraycopy(data.features()[i], 0, validX, vi * d, d);
        validY[vi++] = y;
      } else {
        System.arraycopy(data.features()[i], 0, trainX, ti * d, d);
        trainY[ti++] = y;
      }
    }
    String[] names = data.featureNames().toArray(new String[0]);
    progress.start("LightGBM boosting rounds", -1);
    try (GbmSession session = new GbmSession()) {
      LGBMDataset train = session.dataset(trainX, nTrain, d, trainY, names, null);
      LGBMDataset valid = session.dataset(validX, nValid, d, validY, names, train);
      LGBMBooster booster = session.booster(train, config.boosterParameters());
      int best = 0;
      int run = 0;
      double bestLoss = Double.POSITIVE_INFINITY;
      try {
        booster.addValidData(valid);
        while (run < config.maxRounds()) {
          boolean finished = booster.updateOneIter();
          if (finished) {
            break;
          }
          run++;
          progress.advance(1);
          double loss = booster.getEval(1)[0];
          if (loss < bestLoss) {
            bestLoss = loss;
            best = run;
          } else if (run - best >= config.patience()) {
            break;
          }
        }
        if (best == 0) {
          throw new RadioclrException(
              "LightGBM found no split that separates the classes (are the features constant?)");
        }
        String text = booster.saveModelToString(0, best, LGBMBooster.FeatureImportanceType.GAIN);
        LGBMBooster kept = session.fromModel(text);
        double[] gain = kept.featureImportance(best, LGBMBooster.FeatureImportanceType.GAIN);
        double[] p =
            kept.predictForMat(validX, nValid, d, true, PredictionType.C_API_PREDICT_NORMAL);
        int correct = 0;
        int validPos = 0;
        for (int i = 0; i < nValid; i++) {
          boolean predicted = p[i] >= 0.5;
          boolean truth = validY[i] > 0.5f;
          correct += predicted == truth ? 1 : 0;
          validPos += truth ? 1 : 0;
        }
        int trainPos = data.positives() - validPos;
        return new SelectionResult(
            FeatureImportance.rank(data.featureNames(), gain),
            best,
            run,
            bestLoss,
            nValid == 0 ? Double.NaN : (double) correct / nValid,
            nTrain,
            trainPos,
            nValid,
            validPos,
            text);
      } catch (LGBMException e) {
        throw GbmSession.failure("LightGBM training failed", e);
      }
    } finally {
      progress.finish();
    }
  }
}
