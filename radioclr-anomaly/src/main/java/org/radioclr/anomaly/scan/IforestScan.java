package org.radioclr.anomaly.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.radioclr.anomaly.evaluate.FrameGroup;
import org.radioclr.anomaly.evaluate.FrameGroups;
import org.radioclr.anomaly.evaluate.ThresholdMetrics;
import org.radioclr.anomaly.iforest.IsolationForest;
import org.radioclr.anomaly.iforest.IsolationForestConfig;
import org.radioclr.anomaly.iforest.IsolationForestConfig.Contamination;
import org.radioclr.anomaly.iforest.IsolationForestConfig.MaxSamples;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.table.FeatureMatrix;

/**
 * The paper's Isolation Forest tuning (§5.2): for every feature set and {@code max_samples}, one
 * forest is fitted on all rows and scores them; every {@code contamination} then only places the
 * threshold (0.5 for {@code auto}, else the (1 − c) quantile of all rows' scores). Each setting's
 * outlier flag ({@code score > threshold}) is judged as {@code anomaly evaluate} judges a
 * threshold, with {@link ThresholdMetrics} over all rows (precision and contamination as shares of
 * the flagged labelled rows, recall of the PECULIAR rows, the unlabelled share of the flagged
 * rows), and its score by the average precision of PECULIAR against the other labelled rows. The
 * chosen setting has the best F1 (of that precision and recall); ties go to the higher average
 * precision, then to fewer rows per tree, then to grid order.
 */
public final class IforestScan {
  private IforestScan() {}

  /**
   * A named set of columns.
   *
   * @param name e.g. {@code top5}
   * @param columns indices into the scanned matrix's columns
   */
  public record FeatureSet(String name, int[] columns) {
    /** Validates and copies. */
    public FeatureSet {
      if (columns.length == 0) {
        throw new IllegalArgumentException("feature set " + name + " has no columns");
      }
      columns = columns.clone();
    }
  }

  /**
   * The grid.
   *
   * @param featureSets the feature sets, in output order
   * @param maxSamples the {@code max_samples} values
   * @param contaminations the {@code contamination} values
   * @param trees trees per forest
   * @param seed seed of every forest
   */
  public record Grid(
      List<FeatureSet> featureSets,
      List<MaxSamples> maxSamples,
      List<Contamination> contaminations,
      int trees,
      long seed) {
    /** Validates and copies. */
    public Grid {
      featureSets = List.copyOf(featureSets);
      maxSamples = List.copyOf(maxSamples);
      contaminations = List.copyOf(contaminations);
      if (featureSets.isEmpty() || maxSamples.isEmpty() || contaminations.isEmpty()) {
        throw new IllegalArgumentException(
            "the grid needs at least one feature set, max-samples and contamination value");
      }
      if (trees < 1) {
        throw new IllegalArgumentException("trees must be >= 1, got " + trees);
      }
    }

    /** Number of forests fitted. */
    public int fits() {
      return featureSets.size() * maxSamples.size();
    }
  }

  /**
   * One evaluated setting.
   *
   * @param featureSet the feature set's name
   * @param columns its number of columns
   * @param maxSamples the {@code max_samples} setting
   * @param samplesPerTree the rows per tree it resolved to
   * @param contamination the {@code contamination} setting
   * @param threshold the score above which rows are flagged
   * @param metrics the metrics of the flagged rows
   * @param averagePrecision {@link AveragePrecision} of the score, PECULIAR against the other
   *     labelled rows
   */
  public record Row(
      String featureSet,
      int columns,
      MaxSamples maxSamples,
      int samplesPerTree,
      Contamination contamination,
      double threshold,
      ThresholdMetrics metrics,
      double averagePrecision) {}

  /**
   * The scan.
   *
   * @param rows every setting, in grid order (feature set, max_samples, contamination)
   * @param chosen index of the chosen row
   */
  public record Result(List<Row> rows, int chosen) {
    /** Copies. */
    public Result {
      rows = List.copyOf(rows);
    }

    /** The chosen row. */
    public Row best() {
      return rows.get(chosen);
    }
  }

  /**
   * Runs the grid.
   *
   * @throws IllegalArgumentException when no row is PECULIAR
   * @param data every row, {@code [n][D]} over the union of the feature sets' columns
   * @param groups the group of every row (UNLABELLED for rows without labels)
   * @param threads worker threads
   */
  public static Result run(
      FeatureMatrix data, FrameGroups groups, Grid grid, int threads, ProgressListener progress) {
    if (groups.size() != data.rows()) {
      throw new IllegalArgumentException(
          data.rows() + " rows but " + groups.size() + " frame groups");
    }
    int[] labelled = labelledRows(groups);
    boolean[] peculiar = new boolean[labelled.length];
    for (int i = 0; i < labelled.length; i++) {
      peculiar[i] = groups.of(labelled[i]) == FrameGroup.PECULIAR;
    }
    if (groups.totals().peculiar() == 0) {
      throw new IllegalArgumentException("no row is PECULIAR; the scan has nothing to find");
    }
    List<Row> rows = new ArrayList<>();
    progress.start("isolation forest scan", grid.fits());
    try {
      for (FeatureSet set : grid.featureSets()) {
        FeatureMatrix sub = select(data, set.columns());
        List<String> names = new ArrayList<>();
        for (int c : set.columns()) {
          names.add("c" + c);
        }
        for (MaxSamples ms : grid.maxSamples()) {
          IsolationForestConfig config =
              new IsolationForestConfig(grid.trees(), ms, Contamination.AUTO, grid.seed());
          IsolationForest.Fitted fit =
              IsolationForest.fitAndScore(sub, names, config, threads, ProgressListener.NONE);
          double[] all = fit.trainingScores();
          double[] sorted = all.clone();
          Arrays.sort(sorted);
          double[] score = new double[labelled.length];
          for (int i = 0; i < labelled.length; i++) {
            score[i] = all[labelled[i]];
          }
          double ap = AveragePrecision.of(peculiar, score);
          for (Contamination c : grid.contaminations()) {
            double t =
                c.isAuto() ? 0.5 : IsolationForest.quantileOfSorted(sorted, 1 - c.fraction());
            boolean[] flag = new boolean[all.length];
            for (int i = 0; i < all.length; i++) {
              flag[i] = all[i] > t;
            }
            rows.add(
                new Row(
                    set.name(),
                    set.columns().length,
                    ms,
                    fit.model().samplesPerTree(),
                    c,
                    t,
                    ThresholdMetrics.of(t, groups, flag),
                    ap));
          }
          progress.advance(1);
        }
      }
    } finally {
      progress.finish();
    }
    return new Result(rows, choose(rows));
  }

  /** Best F1, then higher average precision, then fewer rows per tree, then the first. */
  static int choose(List<Row> rows) {
    int best = 0;
    for (int i = 1; i < rows.size(); i++) {
      Row a = rows.get(i);
      Row b = rows.get(best);
      int cmp = Double.compare(a.metrics().f1(), b.metrics().f1());
      if (cmp == 0) {
        cmp = Double.compare(a.averagePrecision(), b.averagePrecision());
      }
      if (cmp == 0) {
        cmp = Integer.compare(b.samplesPerTree(), a.samplesPerTree());
      }
      if (cmp > 0) {
        best = i;
      }
    }
    return best;
  }

  private static int[] labelledRows(FrameGroups groups) {
    int n = 0;
    for (int i = 0; i < groups.size(); i++) {
      n += groups.of(i) == FrameGroup.UNLABELLED ? 0 : 1;
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < groups.size(); i++) {
      if (groups.of(i) != FrameGroup.UNLABELLED) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** The chosen columns of every row, {@code [n][columns.length]}. */
  static FeatureMatrix select(FeatureMatrix data, int[] columns) {
    int n = data.rows();
    int d = data.cols();
    int k = columns.length;
    float[] out = new float[n * k];
    float[] v = data.values();
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < k; j++) {
        out[r * k + j] = v[r * d + columns[j]];
      }
    }
    return new FeatureMatrix(n, k, out);
  }
}
