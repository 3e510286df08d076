package org.radioclr.anomaly.scan;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.radioclr.anomaly.columns.ColumnChoice;
import org.radioclr.anomaly.columns.FeatureRanking;
import org.radioclr.anomaly.evaluate.FrameGroups;
import org.radioclr.anomaly.evaluate.GroupCounts;
import org.radioclr.anomaly.iforest.IsolationForestConfig.Contamination;
import org.radioclr.anomaly.iforest.IsolationForestConfig.MaxSamples;
import org.radioclr.anomaly.labels.FrameLabels;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.table.FeatureSource;

/**
 * The Isolation Forest tuning grid of paper §5.2 run on a feature table: reads the union of the
 * feature sets' columns, the frame labels (a datalist or the table's own label column), runs {@link
 * IforestScan} and writes {@code scan.csv} ({@link ScanCsv}) into the output folder.
 */
public final class TableScan {
  /** The file written into the output folder. */
  public static final String CSV_FILE = "scan.csv";

  private TableScan() {}

  /**
   * What to scan.
   *
   * @param features the feature table (.parquet or .csv)
   * @param labels a datalist with the frame labels, or null for the table's label column
   * @param importance the feature ranking (importance.csv or its folder), or null; needed for
   *     {@code topK} sets
   * @param featureSets the feature sets, each {@code topK} or {@code all}
   * @param maxSamples the max-samples values
   * @param contaminations the contamination values
   * @param trees trees per forest
   * @param seed the seed of the forests
   * @param out the output folder
   * @param threads worker threads
   */
  public record Request(
      Path features,
      Path labels,
      Path importance,
      List<ColumnChoice> featureSets,
      List<MaxSamples> maxSamples,
      List<Contamination> contaminations,
      int trees,
      long seed,
      Path out,
      int threads) {
    /**
     * @throws IllegalArgumentException naming the bad setting
     */
    public Request {
      if (features == null || out == null) {
        throw new IllegalArgumentException("a feature table and an output folder are needed");
      }
      featureSets = List.copyOf(featureSets);
      maxSamples = List.copyOf(maxSamples);
      contaminations = List.copyOf(contaminations);
      if (featureSets.isEmpty() || maxSamples.isEmpty() || contaminations.isEmpty()) {
        throw new IllegalArgumentException(
            "at least one feature set, max-samples and contamination value are needed");
      }
      for (ColumnChoice c : featureSets) {
        if (c.kind() == ColumnChoice.Kind.LIST) {
          throw new IllegalArgumentException(
              "feature sets must be 'topK' or 'all', got '" + c + "'");
        }
        c.requireRanking(importance != null);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
    }
  }

  /**
   * A finished scan.
   *
   * @param result every setting's row and the chosen one
   * @param csv the scan table written
   * @param seconds the time from the start of the grid to the table written
   */
  public record Outcome(IforestScan.Result result, Path csv, double seconds) {}

  /**
   * Runs the scan.
   *
   * @param log where the one-line size of the grid is printed before it runs
   * @param progress advanced as forests are fitted
   * @throws BadInputException naming the file when a table, ranking or datalist cannot be used
   */
  public static Outcome run(Request request, PrintWriter log, ProgressListener progress) {
    Path features = request.features();
    List<ColumnChoice> sets = request.featureSets();
    FeatureRanking ranking =
        request.importance() == null ? null : FeatureRanking.read(request.importance());
    try (FeatureSource source = FeatureSource.open(features)) {
      List<String> tableCols = source.featureColumns();
      // The union of the sets: the largest top-K (a prefix of the ranking) or every column.
      List<List<String>> resolved = new ArrayList<>();
      List<String> union = new ArrayList<>();
      for (ColumnChoice c : sets) {
        List<String> names = c.resolve(tableCols, source.file(), ranking);
        resolved.add(names);
        for (String name : names) {
          if (!union.contains(name)) {
            union.add(name);
          }
        }
      }
      FrameLabels frameLabels =
          request.labels() != null ? FrameLabels.fromDatalist(request.labels()) : fromTable(source);
      AtomicFiles.ensureDirectory(request.out());
      FeatureSource.Rows rows = source.readAll(union);
      if (rows.features().rows() < 2) {
        throw new BadInputException(features, "needs at least 2 rows to fit a forest, has 1");
      }
      frameLabels.requireKnown(rows.snames(), features);
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < rows.snames().size(); i++) {
        if (index.put(rows.snames().get(i), i) != null) {
          throw new BadInputException(
              features, "sname '" + rows.snames().get(i) + "' names more than one row");
        }
      }
      FrameGroups groups = FrameGroups.of(rows.snames(), frameLabels);
      GroupCounts totals = groups.totals();
      if (totals.peculiar() == 0) {
        throw new BadInputException(
            frameLabels.source(), "no frame is labelled PECULIAR; the scan has nothing to find");
      }
      List<IforestScan.FeatureSet> featureSetList = new ArrayList<>();
      for (int i = 0; i < sets.size(); i++) {
        featureSetList.add(
            new IforestScan.FeatureSet(
                sets.get(i).toString(),
                resolved.get(i).stream().mapToInt(union::indexOf).toArray()));
      }
      IforestScan.Grid grid =
          new IforestScan.Grid(
              featureSetList,
              request.maxSamples(),
              request.contaminations(),
              request.trees(),
              request.seed());
      log.printf(
          "scanning %d settings (%d forests of %d trees) on %d rows; %d labelled frames, %d"
              + " PECULIAR%n",
          grid.fits() * request.contaminations().size(),
          grid.fits(),
          request.trees(),
          rows.features().rows(),
          totals.labelled(),
          totals.peculiar());
      log.flush();
      long t0 = System.nanoTime();
      IforestScan.Result result =
          IforestScan.run(rows.features(), groups, grid, request.threads(), progress);
      Path csv = request.out().resolve(CSV_FILE);
      ScanCsv.write(result, csv);
      return new Outcome(result, csv, (System.nanoTime() - t0) / 1e9);
    }
  }

  private static FrameLabels fromTable(FeatureSource source) {
    Map<String, String> cells;
    try {
      cells = source.labelCells();
    } catch (BadInputException e) {
      throw new BadInputException(
          source.file(), "has no label column; give the labels with --labels DATALIST", e);
    }
    return FrameLabels.fromCells(
        source.file(), List.copyOf(cells.keySet()), List.copyOf(cells.values()));
  }
}
