package org.radioclr.spark.score;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.radioclr.anomaly.iforest.IsolationForest;
import org.radioclr.anomaly.scores.ForestScoring;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.shard.Shard;
import org.radioclr.formats.table.FeatureSource;
import org.radioclr.spark.BeforeCommit;

/**
 * One Spark task of a scoring job: block {@code i} of {@code n} of the feature table's rows (the
 * {@link Shard} {@code i/n}, as {@code radioclr anomaly score --shard i/n} takes it) scored with
 * the saved forest through {@link ForestScoring#scoreRows} into the part file {@code
 * part-NNNNN.bin} of the job's parts folder ({@link ScoreParts}), renamed into place only when the
 * whole block is done, so a failed task leaves no part and a retried one replaces the same file.
 *
 * <p>On the executor the forest comes from {@link ForestCache} (read once per JVM) and is scored
 * with as many threads as the task has cores ({@code spark.task.cpus}, default 1).
 */
final class PartitionScoring implements Function<Integer, PartitionScoring.Result> {
  private static final long serialVersionUID = 1L;

  /**
   * What a task did.
   *
   * @param partition its block
   * @param rows rows scored
   * @param flagged rows flagged as outliers
   */
  record Result(int partition, long rows, long flagged) implements Serializable {}

  private final String features;
  private final String model;
  private final String parts;
  private final int count;
  private final BeforeCommit beforeCommit;

  /**
   * @param features the feature table, readable at the same path on every executor
   * @param model the saved forest, likewise
   * @param parts the parts folder, shared by the driver and every executor
   * @param count the number of blocks
   */
  PartitionScoring(Path features, Path model, Path parts, int count, BeforeCommit beforeCommit) {
    this.features = features.toAbsolutePath().toString();
    this.model = model.toAbsolutePath().toString();
    this.parts = parts.toAbsolutePath().toString();
    this.count = count;
    this.beforeCommit = Objects.requireNonNull(beforeCommit, "beforeCommit");
  }

  @Override
  public Result call(Integer partition) {
    TaskContext task = TaskContext.get();
    int threads = task == null ? 1 : Math.max(1, task.cpus());
    IsolationForest forest = ForestCache.get(Path.of(model));
    long[] counts = {0, 0};
    try (FeatureSource source = FeatureSource.open(Path.of(features))) {
      ScoreParts.write(
          ScoreParts.part(Path.of(parts), partition),
          sink ->
              counts[0] =
                  ForestScoring.scoreRows(
                      source,
                      new Shard(partition, count),
                      forest,
                      threads,
                      (sname, score, outlier) -> {
                        counts[1] += outlier ? 1 : 0;
                        sink.accept(sname, score, outlier);
                      },
                      ProgressListener.NONE),
          () -> beforeCommit.check(partition));
    }
    return new Result(partition, counts[0], counts[1]);
  }
}
