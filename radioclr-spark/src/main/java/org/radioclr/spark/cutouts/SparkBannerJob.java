package org.radioclr.spark.cutouts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.radioclr.core.catalog.Catalog;
import org.radioclr.core.catalog.CatalogColumns;
import org.radioclr.core.cutout.BannerConfig;
import org.radioclr.core.cutout.BannerCutter;
import org.radioclr.core.cutout.CutoutSummary;
import org.radioclr.spark.BeforeCommit;
import org.radioclr.spark.JobParts;

/**
 * {@code radioclr cutouts banner} on Spark: the same cutouts (file names and bytes) and the same
 * {@code datalist.json} (entries and their order) from one map and its catalogue, the catalogue's
 * rows spread over the cluster's (or the local) cores in contiguous blocks.
 *
 * <p>The driver reads the catalogue and the map once to check them (a missing column, an unreadable
 * map, a map without the WCS the catalogue needs: the plain command's one error, before any task
 * runs). Each task ({@link RowBlockCutting}) reads them again and cuts its block into {@code
 * DIR/frames}, writing the block's datalist part into a hidden folder {@code
 * DIR/.datalist.json.parts-*}; the driver adds up the tasks' summaries in block order (the run-wide
 * warnings, which every block repeats, once), joins the parts in block order into {@code
 * DIR/datalist.json} ({@link OutputParts}) and deletes the folder. The map, the catalogue and the
 * output folder must be at the same paths on every executor (a shared file system); every task
 * holds the whole map in memory.
 */
public final class SparkBannerJob {
  /** Catalogue rows per partition when the number of partitions is left to the job. */
  public static final long ROWS_PER_PARTITION = 4096;

  private final SparkSession spark;
  private final BannerConfig config;
  private final int partitions;
  private final BeforeCommit beforeCommit;

  /**
   * @param partitions number of partitions (tasks), or 0 for the default: at least one per core of
   *     the session and at most {@value #ROWS_PER_PARTITION} catalogue rows each
   */
  public SparkBannerJob(SparkSession spark, BannerConfig config, int partitions) {
    this(spark, config, partitions, BeforeCommit.NONE);
  }

  /** With a check run after each block's part is written (to inject task failures in tests). */
  SparkBannerJob(
      SparkSession spark, BannerConfig config, int partitions, BeforeCommit beforeCommit) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.config = Objects.requireNonNull(config, "config");
    this.partitions = JobParts.requireValid(partitions);
    this.beforeCommit = Objects.requireNonNull(beforeCommit, "beforeCommit");
  }

  /**
   * Cuts one cutout per source of {@code catalog} out of {@code map} into {@code outDir/frames} and
   * writes {@code outDir/datalist.json}, as {@link BannerCutter#cut(Path, Path, CatalogColumns,
   * Path)} does.
   *
   * @return the run's summary
   * @throws org.radioclr.core.BadInputException as the plain command: naming the file when the
   *     catalogue or map cannot be used, or when no cutout at all is written; any earlier datalist
   *     is then left as it was
   */
  public CutoutSummary run(Path map, Path catalog, CatalogColumns columns, Path outDir) {
    Catalog cat = BannerCutter.check(map, catalog, columns);
    int n =
        JobParts.count(
            partitions,
            spark.sparkContext().defaultParallelism(),
            Math.max(1, cat.size()),
            ROWS_PER_PARTITION);
    return OutputParts.run(
        outDir,
        parts -> {
          JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
          RowBlockCutting task =
              new RowBlockCutting(map, catalog, columns, outDir, parts, n, config, beforeCommit);
          List<RowBlockCutting.Result> results =
              new ArrayList<>(
                  jsc.parallelize(IntStream.range(0, n).boxed().toList(), n).map(task).collect());
          results.sort(Comparator.comparingInt(RowBlockCutting.Result::block));
          CutoutSummary summary = new CutoutSummary();
          List<Path> datalists = new ArrayList<>();
          for (RowBlockCutting.Result r : results) {
            if (r.block() == 0) {
              summary.addAll(r.summary());
            } else {
              summary.addAllButWarnings(r.summary());
            }
            datalists.add(RowBlockCutting.part(parts, r.block(), n));
          }
          if (summary.written() == 0) {
            throw BannerCutter.nothingCut(map, cat, summary);
          }
          return new OutputParts.Cut(summary, datalists);
        });
  }
}
