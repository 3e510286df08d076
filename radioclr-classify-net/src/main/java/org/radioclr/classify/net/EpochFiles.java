package org.radioclr.classify.net;

import java.nio.file.Path;
import java.util.List;
import org.radioclr.core.io.Csv;
import org.radioclr.core.report.LinePlot;

/**
 * The epoch listener that keeps a classifier run's record up to date: after every epoch it rewrites
 * {@code metrics.csv} (one {@link ClassifierEpoch} per row, atomically) and {@code metrics.png}
 * (training loss; training and test accuracy against the epoch).
 */
final class EpochFiles {
  private final Path run;
  private final String what;
  private final boolean multiLabel;

  /**
   * @param run the run folder
   * @param frozenEncoder whether the run is a linear probe (else fine-tuning), for the plot titles
   * @param multiLabel whether the loss is binary cross-entropy (else cross-entropy)
   */
  EpochFiles(Path run, boolean frozenEncoder, boolean multiLabel) {
    this.run = run;
    this.what = frozenEncoder ? "linear probe" : "fine-tuning";
    this.multiLabel = multiLabel;
  }

  /** An epoch ended: writes the files of every epoch so far. */
  void epochDone(List<ClassifierEpoch> history) {
    writeMetrics(history);
    writePlot(history);
  }

  private void writeMetrics(List<ClassifierEpoch> rows) {
    Csv table = new Csv(ClassifierEpoch.CSV_HEADER.split(","));
    for (ClassifierEpoch m : rows) {
      table.row(m.csvCells());
    }
    table.write(run.resolve(ClassifierTrainer.METRICS_FILE));
  }

  private void writePlot(List<ClassifierEpoch> rows) {
    int n = rows.size();
    double[] epoch = new double[n];
    double[] loss = new double[n];
    double[] trainAcc = new double[n];
    double[] testAcc = new double[n];
    for (int i = 0; i < n; i++) {
      ClassifierEpoch m = rows.get(i);
      epoch[i] = m.epoch();
      loss[i] = m.loss();
      trainAcc[i] = m.trainAccuracy();
      testAcc[i] = m.testAccuracy();
    }
    List<LinePlot> panels =
        List.of(
            new LinePlot(
                what + ": training loss",
                "epoch",
                multiLabel ? "binary cross-entropy" : "cross-entropy",
                false,
                List.of(new LinePlot.Series("loss", epoch, loss))),
            new LinePlot(
                what + ": accuracy",
                "epoch",
                "accuracy",
                false,
                List.of(
                    new LinePlot.Series("train (augmented)", epoch, trainAcc),
                    new LinePlot.Series("test", epoch, testAcc))));
    LinePlot.writePanels(run.resolve(ClassifierTrainer.PLOT_FILE), panels, 720, 520);
  }
}
