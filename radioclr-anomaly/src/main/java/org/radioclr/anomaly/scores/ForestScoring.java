package org.radioclr.anomaly.scores;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.radioclr.anomaly.columns.ColumnChoice;
import org.radioclr.anomaly.columns.FeatureRanking;
import org.radioclr.anomaly.iforest.ForestScorer;
import org.radioclr.anomaly.iforest.IsolationForest;
import org.radioclr.anomaly.iforest.IsolationForestConfig;
import org.radioclr.core.BadInputException;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.shard.Shard;
import org.radioclr.formats.table.FeatureMatrix;
import org.radioclr.formats.table.FeatureSource;
import org.radioclr.formats.table.ScoreTableWriter;

/**
 * Isolation Forest anomaly scores of every row of a feature table (paper §5.2), written as a score
 * table ({@link ScoreTableWriter}): either fit a forest on the chosen columns, save it and score
 * the training rows ({@link #fit}), or stream the table through a saved forest ({@link #score}).
 */
public final class ForestScoring {
  private static final int BLOCK_ROWS = 1 << 16;

  private ForestScoring() {}

  /**
   * What to fit.
   *
   * @param features the feature table (.parquet or .csv)
   * @param columns the feature columns to fit on
   * @param importance the feature ranking (importance.csv or its folder), or null; needed for
   *     {@code topK}
   * @param config the forest's settings
   * @param out the score table to write (.parquet or .csv)
   * @param modelFile where the fitted forest is saved
   * @param threads worker threads
   */
  public record FitRequest(
      Path features,
      ColumnChoice columns,
      Path importance,
      IsolationForestConfig config,
      Path out,
      Path modelFile,
      int threads) {
    /**
     * @throws IllegalArgumentException naming the bad setting
     */
    public FitRequest {
      if (features == null || columns == null || config == null || out == null) {
        throw new IllegalArgumentException("features, columns, config and out are needed");
      }
      if (modelFile == null) {
        modelFile = defaultModelFile(out);
      }
      columns.requireRanking(importance != null);
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
    }
  }

  /**
   * A fitted and written score table.
   *
   * @param rows the rows scored
   * @param columns the feature columns fitted on
   * @param model the fitted forest (saved to {@code modelFile})
   * @param modelFile where the forest was saved
   * @param flagged rows flagged as outliers
   * @param readSeconds the time to read the table
   * @param fitSeconds the time to fit the forest and score the rows
   */
  public record Fitted(
      int rows,
      List<String> columns,
      IsolationForest model,
      Path modelFile,
      int flagged,
      double readSeconds,
      double fitSeconds) {
    public Fitted {
      columns = List.copyOf(columns);
    }
  }

  /**
   * A table scored with a saved forest.
   *
   * @param rows the rows scored
   * @param forest the forest used
   * @param flagged rows flagged as outliers
   * @param seconds the time taken
   */
  public record Scored(long rows, IsolationForest forest, int flagged, double seconds) {}

  /** The model file next to a score table: {@code <out>.iforest}. */
  public static Path defaultModelFile(Path out) {
    return out.resolveSibling(out.getFileName() + ".iforest");
  }

  /**
   * Fits a forest on the chosen columns of every row, saves it, and writes every row's score.
   *
   * @param progress advanced as trees are fitted and rows scored
   * @throws BadInputException naming the file when the table or ranking cannot be used
   */
  public static Fitted fit(FitRequest request, ProgressListener progress) {
    try (FeatureSource source = FeatureSource.open(request.features())) {
      List<String> cols = columns(source, request.columns(), request.importance());
      long t0 = System.nanoTime();
      FeatureSource.Rows rows = trainingRows(source.readAll(cols), source);
      long t1 = System.nanoTime();
      IsolationForest.Fitted fit =
          IsolationForest.fitAndScore(
              rows.features(), cols, request.config(), request.threads(), progress);
      long t2 = System.nanoTime();
      fit.model().save(request.modelFile());
      double[] s = fit.trainingScores();
      int flagged = 0;
      try (ScoreTableWriter w = new ScoreTableWriter(source, request.out())) {
        for (int i = 0; i < s.length; i++) {
          boolean flag = fit.model().isOutlier(s[i]);
          flagged += flag ? 1 : 0;
          w.append(rows.snames().get(i), s[i], flag);
        }
        w.commit();
      }
      return new Fitted(
          rows.features().rows(),
          cols,
          fit.model(),
          request.modelFile(),
          flagged,
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9);
    }
  }

  /**
   * What to fit when only the model is wanted ({@code radioclr anomaly fit}).
   *
   * @param features the feature table (.parquet or .csv)
   * @param columns the feature columns to fit on
   * @param importance the feature ranking, or null; needed for {@code topK}
   * @param config the forest's settings; its seed also draws the sample
   * @param sampleRows fit on a seeded uniform sample of at most this many rows (read one block at a
   *     time, so memory holds the sample, not the table), or 0 for every row
   * @param modelFile where the fitted forest is saved
   * @param threads worker threads
   */
  public record ModelRequest(
      Path features,
      ColumnChoice columns,
      Path importance,
      IsolationForestConfig config,
      int sampleRows,
      Path modelFile,
      int threads) {
    /**
     * @throws IllegalArgumentException naming the bad setting
     */
    public ModelRequest {
      if (features == null || columns == null || config == null || modelFile == null) {
        throw new IllegalArgumentException("features, columns, config and modelFile are needed");
      }
      columns.requireRanking(importance != null);
      if (sampleRows < 0 || sampleRows == 1) {
        throw new IllegalArgumentException(
            "sample must be >= 2 rows (0: every row), got " + sampleRows);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
    }
  }

  /**
   * A fitted and saved forest.
   *
   * @param tableRows the table's rows
   * @param rows the rows the forest was fitted on (the sample's size)
   * @param columns the feature columns fitted on
   * @param model the fitted forest
   * @param modelFile where it was saved
   * @param readSeconds the time to read (and sample) the table
   * @param fitSeconds the time to fit the forest
   */
  public record ModelFit(
      long tableRows,
      int rows,
      List<String> columns,
      IsolationForest model,
      Path modelFile,
      double readSeconds,
      double fitSeconds) {
    public ModelFit {
      columns = List.copyOf(columns);
    }
  }

  /**
   * Fits a forest on the chosen columns of every row, or of a seeded sample of rows, and saves it;
   * scores nothing (score the table, or its shards, with the saved model). The sample is drawn with
   * a seed split from the forest's seed, so the same table and settings give the same model.
   *
   * @throws BadInputException naming the file when the table or ranking cannot be used, or the
   *     table has fewer than 2 rows
   */
  public static ModelFit fitModel(ModelRequest request, ProgressListener progress) {
    try (FeatureSource source = FeatureSource.open(request.features())) {
      List<String> cols = columns(source, request.columns(), request.importance());
      long t0 = System.nanoTime();
      FeatureSource.Rows rows;
      long tableRows;
      if (request.sampleRows() > 0) {
        long sampleSeed = new SplittableRandom(request.config().seed()).split().nextLong();
        FeatureSource.Sample sample = source.readSample(cols, request.sampleRows(), sampleSeed);
        rows = trainingRows(sample.rows(), source);
        tableRows = sample.tableRows();
      } else {
        rows = trainingRows(source.readAll(cols), source);
        tableRows = rows.features().rows();
      }
      long t1 = System.nanoTime();
      IsolationForest model =
          IsolationForest.fit(rows.features(), cols, request.config(), request.threads(), progress);
      long t2 = System.nanoTime();
      model.save(request.modelFile());
      return new ModelFit(
          tableRows,
          rows.features().rows(),
          cols,
          model,
          request.modelFile(),
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9);
    }
  }

  /** The feature columns chosen, resolved against the table (and the ranking, for topK). */
  private static List<String> columns(FeatureSource source, ColumnChoice choice, Path importance) {
    FeatureRanking ranking = importance == null ? null : FeatureRanking.read(importance);
    return choice.resolve(source.featureColumns(), source.file(), ranking);
  }

  /** The rows to fit on, checked: a forest needs at least 2. */
  private static FeatureSource.Rows trainingRows(FeatureSource.Rows rows, FeatureSource source) {
    if (rows.features().rows() < 2) {
      throw new BadInputException(source.file(), "needs at least 2 rows to fit a forest, has 1");
    }
    return rows;
  }

  /**
   * Scores every row of a table with a saved forest, streaming the table in blocks.
   *
   * @param features the feature table; it must have the forest's columns
   * @param model the saved forest (.iforest)
   * @param out the score table to write (.parquet or .csv)
   * @param threads worker threads
   * @param progress advanced as rows are scored
   * @throws BadInputException naming the file when the table or model cannot be used, or the table
   *     is empty
   */
  public static Scored score(
      Path features, Path model, Path out, int threads, ProgressListener progress) {
    return score(features, null, model, out, threads, progress);
  }

  /**
   * Scores one {@link Shard}'s rows of {@code features} (its block of the table's rows, in file
   * order) with a saved model and writes them to {@code out}, the shard's part. A row's score
   * depends only on the row and the model, so the parts merged are the table of {@link #score(Path,
   * Path, Path, int, ProgressListener)} with the same model. A shard with no row writes an empty
   * table. With a null shard this is that method.
   */
  public static Scored score(
      Path features, Shard shard, Path model, Path out, int threads, ProgressListener progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    try (FeatureSource source = FeatureSource.open(features)) {
      IsolationForest forest = IsolationForest.load(model);
      source.requireColumns(forest.columns(), "read by the model " + model);
      long total = source.rowCount();
      if (total == 0) {
        throw new BadInputException(features, "the table has no rows");
      }
      long t0 = System.nanoTime();
      int[] flagged = {0};
      long rows;
      progress.start("scoring " + features.getFileName(), -1);
      try (ScoreTableWriter w = new ScoreTableWriter(source, out)) {
        scoreRows(
            source,
            shard,
            forest,
            threads,
            (sname, score, outlier) -> {
              flagged[0] += outlier ? 1 : 0;
              w.append(sname, score, outlier);
            },
            progress);
        rows = w.rows();
        w.commit();
      } finally {
        progress.finish();
      }
      return new Scored(rows, forest, flagged[0], (System.nanoTime() - t0) / 1e9);
    }
  }

  /** Receives the score of each row scored by {@link #scoreRows}. */
  @FunctionalInterface
  public interface ScoreSink {
    /** The score of the row {@code sname} and whether it is an outlier for the forest. */
    void accept(String sname, double score, boolean outlier);
  }

  /**
   * Scores one {@link Shard}'s rows of an open table (its block of the rows, in file order; every
   * row for a null shard) with {@code forest} and hands each row's score to {@code sink}, in file
   * order. The table must have the forest's columns.
   *
   * @param progress advanced as rows are scored (not started or finished here)
   * @return the rows scored
   */
  public static long scoreRows(
      FeatureSource source,
      Shard shard,
      IsolationForest forest,
      int threads,
      ScoreSink sink,
      ProgressListener progress) {
    long total = source.rowCount();
    long from = shard == null ? 0 : shard.first(total);
    long to = shard == null ? total : shard.end(total);
    long[] rows = {0};
    try (ForestScorer scorer = forest.scorer(threads)) {
      source.stream(
          forest.columns(),
          BLOCK_ROWS,
          (first, names, block) -> {
            long lo = Math.max(first, from);
            long hi = Math.min(first + block.rows(), to);
            if (lo >= hi) {
              return; // another shard's rows
            }
            FeatureMatrix mine =
                lo == first && hi == first + block.rows()
                    ? block
                    : block.rows((int) (lo - first), (int) (hi - first));
            double[] s = scorer.score(mine);
            for (int i = 0; i < s.length; i++) {
              sink.accept(names.get((int) (lo - first) + i), s[i], forest.isOutlier(s[i]));
            }
            rows[0] += s.length;
            progress.advance(s.length);
          });
    }
    return rows[0];
  }
}
