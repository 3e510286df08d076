package org.radioclr.spark.score;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.radioclr.anomaly.iforest.IsolationForest;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.formats.table.FeatureSource;
import org.radioclr.formats.table.ScoreTableWriter;
import org.radioclr.spark.BeforeCommit;
import org.radioclr.spark.JobParts;

/**
 * {@code radioclr anomaly score --model} on Spark: the same score table (byte for byte) from a
 * feature table and a saved Isolation Forest, the rows spread over the cluster's (or the local)
 * cores.
 *
 * <p>The driver checks the table against the model and counts its rows, splits them into contiguous
 * blocks and runs one {@link PartitionScoring} task per block, each writing its own part file into
 * a hidden folder beside the output ({@code .S.csv.parts-*}); then it appends the parts' scores to
 * the {@link ScoreTableWriter} of the plain command (which sorts them and joins the table's
 * columns, atomically) and deletes the folder. The table, the model and that folder must be at the
 * same paths on every executor (a shared file system).
 */
public final class SparkScoreJob {
  /**
   * What a job did.
   *
   * @param rows rows scored
   * @param forest the forest used
   * @param flagged rows flagged as outliers
   * @param partitions the number of partitions (tasks)
   * @param seconds wall-clock seconds of the whole job
   */
  public record Outcome(
      long rows, IsolationForest forest, long flagged, int partitions, double seconds) {}

  /** Rows per partition when the number of partitions is left to the job. */
  public static final long ROWS_PER_PARTITION = 1 << 16;

  private final SparkSession spark;
  private final int partitions;
  private final BeforeCommit beforeCommit;

  /**
   * @param partitions number of partitions, or 0 for the default: at least one per core of the
   *     session and at most {@value #ROWS_PER_PARTITION} rows each
   */
  public SparkScoreJob(SparkSession spark, int partitions) {
    this(spark, partitions, BeforeCommit.NONE);
  }

  /** With a check run before each part is committed (to inject task failures in tests). */
  SparkScoreJob(SparkSession spark, int partitions, BeforeCommit beforeCommit) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.partitions = JobParts.requireValid(partitions);
    this.beforeCommit = Objects.requireNonNull(beforeCommit, "beforeCommit");
  }

  /** The number of partitions for {@code rows} rows. */
  int partitionsFor(long rows) {
    return JobParts.count(
        partitions, spark.sparkContext().defaultParallelism(), rows, ROWS_PER_PARTITION);
  }

  /**
   * Scores every row of {@code features} with the forest saved in {@code model} into the score
   * table {@code out} (.parquet or .csv).
   *
   * @throws BadInputException naming the file when the table or model cannot be used, the table has
   *     no rows, or the output cannot be written; any earlier table at {@code out} is then left as
   *     it was
   */
  public Outcome run(Path features, Path model, Path out) {
    long start = System.nanoTime();
    try (FeatureSource source = FeatureSource.open(features)) {
      IsolationForest forest = IsolationForest.load(model);
      source.requireColumns(forest.columns(), "read by the model " + model);
      long total = source.rowCount();
      if (total == 0) {
        throw new BadInputException(features, "the table has no rows");
      }
      int n = partitionsFor(total);
      Path parts = JobParts.folderBeside(out);
      try {
        // the writer first: a bad output name fails before any task runs
        try (ScoreTableWriter writer = new ScoreTableWriter(source, out)) {
          JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
          PartitionScoring task = new PartitionScoring(features, model, parts, n, beforeCommit);
          List<PartitionScoring.Result> results =
              new ArrayList<>(
                  jsc.parallelize(IntStream.range(0, n).boxed().toList(), n).map(task).collect());
          results.sort(Comparator.comparingInt(PartitionScoring.Result::partition));
          long flagged = 0;
          for (PartitionScoring.Result r : results) {
            flagged += r.flagged();
            ScoreParts.read(
                ScoreParts.part(parts, r.partition()),
                row -> writer.append(row.sname(), row.score(), row.outlier()));
          }
          long rows = writer.rows();
          writer.commit();
          return new Outcome(rows, forest, flagged, n, (System.nanoTime() - start) / 1e9);
        }
      } finally {
        OutputFolders.tryDeleteTree(parts);
      }
    }
  }
}
