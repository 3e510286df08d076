package org.radioclr.nn.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.Csv;
import org.radioclr.core.report.LinePlot;

/**
 * A training run's per-epoch record: {@code metrics.csv} (one {@link EpochMetrics} row per epoch)
 * and its plot {@code metrics.png} (loss, learning rate and, with validation, kNN accuracy).
 */
final class RunMetrics {
  private RunMetrics() {}

  /** Writes {@code metrics.csv} and {@code metrics.png} of a run, atomically. */
  static void write(Path run, List<EpochMetrics> rows, int valK) {
    writeCsv(run, rows);
    writePlot(run, rows, valK);
  }

  private static void writeCsv(Path run, List<EpochMetrics> rows) {
    Csv table = new Csv(EpochMetrics.CSV_HEADER.split(","));
    for (EpochMetrics m : rows) {
      table.row(m.csvCells());
    }
    table.write(run.resolve(SimclrTrainer.METRICS_FILE));
  }

  /**
   * Writes {@code metrics.png}: loss, learning rate and (when any epoch has one) kNN accuracy
   * against the epoch, one panel each.
   */
  private static void writePlot(Path run, List<EpochMetrics> rows, int valK) {
    int n = rows.size();
    double[] epoch = new double[n];
    double[] lossV = new double[n];
    double[] lr = new double[n];
    double[] knn = new double[n];
    boolean anyKnn = false;
    for (int i = 0; i < n; i++) {
      EpochMetrics m = rows.get(i);
      epoch[i] = m.epoch();
      lossV[i] = m.loss();
      lr[i] = m.learningRate();
      knn[i] = m.knnAccuracy();
      anyKnn |= m.hasKnnAccuracy();
    }
    List<LinePlot> panels = new ArrayList<>();
    panels.add(
        new LinePlot(
            "training loss",
            "epoch",
            "NT-Xent loss",
            false,
            List.of(new LinePlot.Series("loss", epoch, lossV))));
    panels.add(
        new LinePlot(
            "learning rate",
            "epoch",
            "learning rate",
            false,
            List.of(new LinePlot.Series("lr (last step)", epoch, lr))));
    if (anyKnn) {
      panels.add(
          new LinePlot(
              "validation",
              "epoch",
              "kNN accuracy",
              false,
              List.of(new LinePlot.Series("kNN accuracy (k=" + valK + ")", epoch, knn))));
    }
    LinePlot.writePanels(run.resolve(SimclrTrainer.PLOT_FILE), panels, 720, 260 * panels.size());
  }

  /** The rows of a run's {@code metrics.csv} up to {@code lastEpoch} (none when it is absent). */
  static List<EpochMetrics> read(Path run, int lastEpoch) {
    List<EpochMetrics> rows = new ArrayList<>();
    Path file = run.resolve(SimclrTrainer.METRICS_FILE);
    if (!Files.isRegularFile(file)) {
      return rows;
    }
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",");
        if (f.length < 7 || f.length > 8) {
          continue;
        }
        int epoch = Integer.parseInt(f[0]);
        if (epoch <= lastEpoch) {
          rows.add(
              new EpochMetrics(
                  epoch,
                  Integer.parseInt(f[1]),
                  Double.parseDouble(f[2]),
                  Double.parseDouble(f[3]),
                  Double.parseDouble(f[4]),
                  Double.parseDouble(f[5]),
                  Double.parseDouble(f[6]),
                  f.length == 8 && !f[7].isEmpty() ? Double.parseDouble(f[7]) : Double.NaN));
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new BadInputException(file, "cannot read metrics: " + e.getMessage(), e);
    }
    return rows;
  }
}
