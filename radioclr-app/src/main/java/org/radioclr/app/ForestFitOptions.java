package org.radioclr.app;

import java.nio.file.Path;
import org.radioclr.anomaly.columns.ColumnChoice;
import org.radioclr.anomaly.iforest.IsolationForestConfig;
import org.radioclr.anomaly.iforest.IsolationForestConfig.Contamination;
import org.radioclr.anomaly.iforest.IsolationForestConfig.MaxSamples;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of an Isolation Forest fit ({@code anomaly score} without a model, {@code anomaly
 * fit}): the feature columns and the forest's settings.
 */
final class ForestFitOptions {
  @Option(
      names = "--columns",
      paramLabel = "SPEC",
      description =
          "Feature columns: 'all' (default), 'topK' (the K most important in --importance,"
              + " e.g. top10) or a list 'f3,f17,...'.")
  String columns;

  @Option(
      names = "--importance",
      paramLabel = "FILE|DIR",
      description =
          "Feature ranking importance.csv (rank,feature,gain) from 'radioclr anomaly select', or"
              + " its folder; needed for --columns topK.")
  Path importance;

  @Option(
      names = "--trees",
      paramLabel = "N",
      description = "Trees in the forest (default: " + IsolationForestConfig.DEFAULT_TREES + ").")
  Integer trees;

  @Option(
      names = "--max-samples",
      paramLabel = "M",
      description =
          "Rows drawn per tree: 'auto' = min(256, rows) (default), a fraction like 0.02, or a"
              + " count like 512.")
  String maxSamples;

  @Option(
      names = "--contamination",
      paramLabel = "C",
      description =
          "Expected share of outliers, which sets the outlier threshold: 'auto' (score > 0.5,"
              + " default) or a fraction in (0, 0.5] like 0.001.")
  String contamination;

  @Mixin SeedOption seed;

  /** The feature columns asked for ({@link ColumnChoice#ALL} by default). */
  ColumnChoice columns() {
    return BadOptionException.check(
        () -> columns == null ? ColumnChoice.ALL : ColumnChoice.parse(columns));
  }

  /**
   * The forest's settings.
   *
   * @throws BadOptionException naming the bad value
   */
  IsolationForestConfig config() {
    return BadOptionException.check(
        () ->
            new IsolationForestConfig(
                trees == null ? IsolationForestConfig.DEFAULT_TREES : trees,
                maxSamples == null ? MaxSamples.AUTO : MaxSamples.parse(maxSamples),
                contamination == null ? Contamination.AUTO : Contamination.parse(contamination),
                seed.orDefault()));
  }

  /** Whether any of these options was given (they do not apply when scoring with a model). */
  boolean anyGiven() {
    return columns != null
        || importance != null
        || trees != null
        || maxSamples != null
        || contamination != null
        || seed.seed != null;
  }
}
