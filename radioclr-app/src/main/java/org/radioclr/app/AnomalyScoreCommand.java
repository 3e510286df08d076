package org.radioclr.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.radioclr.anomaly.columns.ColumnChoice;
import org.radioclr.anomaly.columns.FeatureRanking;
import org.radioclr.anomaly.iforest.ForestScorer;
import org.radioclr.anomaly.iforest.IsolationForest;
import org.radioclr.anomaly.iforest.IsolationForestConfig;
import org.radioclr.anomaly.iforest.IsolationForestConfig.Contamination;
import org.radioclr.anomaly.iforest.IsolationForestConfig.MaxSamples;
import org.radioclr.anomaly.table.FeatureSource;
import org.radioclr.anomaly.table.ScoreTableWriter;
import org.radioclr.core.BadInputException;
import org.radioclr.core.progress.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radioclr anomaly score}: Isolation Forest anomaly scores of every row of a table. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Fit an Isolation Forest on the chosen feature columns of a feature table (or load one"
          + " saved earlier with --model) and write every frame's anomaly score, most anomalous"
          + " first.",
      "",
      "The score is 2^(-E[h]/c(psi)) in [0, 1] (1 = most anomalous; scikit-learn's"
          + " score_samples is its negative); 'outlier' is score > 0.5 for --contamination auto,"
          + " else score above the (1 - contamination) quantile of the training scores.",
      "",
      "Output (Parquet or CSV by the extension of --out): the feature table's sname, id, label"
          + " and extra columns (map, x0, y0, ra, dec, rms, ...), then score (double) and outlier"
          + " (boolean). A fitted model is saved as <out>.iforest (or --save-model)."
    },
    footer = {
      "",
      "Examples:",
      "  radioclr anomaly score --features features.parquet --columns top10"
          + " --importance select/ --max-samples 0.02 --contamination 0.001 --out scores.parquet",
      "  radioclr anomaly score --features new.parquet --model scores.parquet.iforest"
          + " --out new-scores.csv"
    })
final class AnomalyScoreCommand implements Callable<Integer> {
  private static final int BLOCK_ROWS = 1 << 16;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--features",
      required = true,
      paramLabel = "FILE",
      description = "Feature table (.parquet or .csv) with sname and f0, f1, ... columns.")
  Path features;

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

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: 1).")
  Long seed;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "Score with a saved model (.iforest) instead of fitting; the table must have the"
              + " model's columns.")
  Path model;

  @Option(
      names = "--save-model",
      paramLabel = "FILE",
      description = "Where to save the fitted model (default: <out>.iforest).")
  Path saveModel;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Score table to write: .parquet or .csv.")
  Path out;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() {
    if (threads < 1) {
      throw new BadOptionException("--threads must be >= 1, got " + threads);
    }
    PrintWriter o = spec.commandLine().getOut();
    ConsoleProgress progress = ConsoleProgress.onStderr(spec.commandLine().getErr());
    try (FeatureSource source = FeatureSource.open(features)) {
      return model == null ? fit(source, o, progress) : scoreWithModel(source, o, progress);
    }
  }

  private int fit(FeatureSource source, PrintWriter o, ProgressListener progress) {
    IsolationForestConfig config =
        BadOptionException.check(
            () ->
                new IsolationForestConfig(
                    trees == null ? IsolationForestConfig.DEFAULT_TREES : trees,
                    maxSamples == null ? MaxSamples.AUTO : MaxSamples.parse(maxSamples),
                    contamination == null ? Contamination.AUTO : Contamination.parse(contamination),
                    seed == null ? 1 : seed));
    ColumnChoice choice =
        columns == null
            ? ColumnChoice.ALL
            : BadOptionException.check(() -> ColumnChoice.parse(columns));
    FeatureRanking ranking = importance == null ? null : FeatureRanking.read(importance);
    List<String> cols =
        BadOptionException.check(
            () -> choice.resolve(source.featureColumns(), source.file(), ranking));
    long t0 = System.nanoTime();
    FeatureSource.Rows rows = source.readAll(cols);
    if (rows.features().rows() < 2) {
      throw new BadInputException(features, "needs at least 2 rows to fit a forest, has 1");
    }
    long t1 = System.nanoTime();
    IsolationForest.Fitted fit =
        IsolationForest.fitAndScore(rows.features(), cols, config, threads, progress);
    long t2 = System.nanoTime();
    Path modelFile =
        saveModel != null ? saveModel : out.resolveSibling(out.getFileName() + ".iforest");
    fit.model().save(modelFile);
    int flagged = write(source, rows.snames(), fit.trainingScores(), fit.model());
    o.printf(
        "%d rows x %d features (%s), %d trees of %d rows: %d flagged (score > %.4f,"
            + " contamination %s); read %.1f s, fit+score %.1f s%n",
        rows.features().rows(),
        cols.size(),
        choice,
        config.trees(),
        fit.model().samplesPerTree(),
        flagged,
        fit.model().threshold(),
        config.contamination(),
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9);
    o.printf("wrote %s and the model %s%n", out, modelFile);
    return 0;
  }

  private int write(FeatureSource source, List<String> snames, double[] s, IsolationForest f) {
    int flagged = 0;
    try (ScoreTableWriter w = new ScoreTableWriter(source, out)) {
      for (int i = 0; i < s.length; i++) {
        boolean flag = f.isOutlier(s[i]);
        flagged += flag ? 1 : 0;
        w.append(snames.get(i), s[i], flag);
      }
      w.commit();
    }
    return flagged;
  }

  private int scoreWithModel(FeatureSource source, PrintWriter o, ProgressListener progress) {
    if (columns != null
        || importance != null
        || trees != null
        || maxSamples != null
        || contamination != null
        || seed != null
        || saveModel != null) {
      throw new BadOptionException(
          "--model scores with a saved forest: --columns, --importance, --trees, --max-samples,"
              + " --contamination, --seed and --save-model apply only when fitting");
    }
    IsolationForest forest = IsolationForest.load(model);
    source.requireColumns(forest.columns(), "read by the model " + model);
    long t0 = System.nanoTime();
    int[] flagged = {0};
    long rows;
    progress.start("scoring " + features.getFileName(), -1);
    try (ScoreTableWriter w = new ScoreTableWriter(source, out);
        ForestScorer scorer = forest.scorer(threads)) {
      source.stream(
          forest.columns(),
          BLOCK_ROWS,
          (first, names, block) -> {
            double[] s = scorer.score(block);
            for (int i = 0; i < s.length; i++) {
              boolean flag = forest.isOutlier(s[i]);
              flagged[0] += flag ? 1 : 0;
              w.append(names.get(i), s[i], flag);
            }
            progress.advance(s.length);
          });
      rows = w.rows();
      if (rows == 0) {
        throw new BadInputException(features, "the table has no rows");
      }
      w.commit();
    } finally {
      progress.finish();
    }
    o.printf(
        "%d rows x %d features scored with %s: %d flagged (score > %.4f); %.1f s%n",
        rows,
        forest.columns().size(),
        model,
        flagged[0],
        forest.threshold(),
        (System.nanoTime() - t0) / 1e9);
    o.printf("wrote %s%n", out);
    return 0;
  }
}
