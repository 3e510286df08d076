package org.radioclr.spark.cutouts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.radioclr.core.cutout.CutoutSummary;
import org.radioclr.core.cutout.HulkConfig;
import org.radioclr.core.cutout.HulkCutter;
import org.radioclr.spark.BeforeCommit;

/**
 * {@code radioclr cutouts hulk} on Spark: the same frames (file names and bytes) and the same
 * {@code datalist.json} (entries and their order), the maps spread over the cluster's (or the
 * local) cores, one map per task by default.
 *
 * <p>Each task ({@link MapCutting}) cuts its maps' frames into {@code DIR/frames} and writes each
 * map's datalist part into a hidden folder {@code DIR/.datalist.json.parts-*}; the driver adds up
 * the tasks' summaries in map order, joins the parts in map order into {@code DIR/datalist.json}
 * (atomically, {@link OutputParts}) and deletes the folder. The maps and the output folder must be
 * at the same paths on every executor (a shared file system).
 */
public final class SparkHulkJob {
  private final SparkSession spark;
  private final HulkConfig config;
  private final int partitions;
  private final BeforeCommit beforeCommit;

  /**
   * @param partitions number of partitions (tasks), or 0 for one per map
   */
  public SparkHulkJob(SparkSession spark, HulkConfig config, int partitions) {
    this(spark, config, partitions, BeforeCommit.NONE);
  }

  /** With a check run after each map's part is written (to inject task failures in tests). */
  SparkHulkJob(SparkSession spark, HulkConfig config, int partitions, BeforeCommit beforeCommit) {
    if (partitions < 0) {
      throw new IllegalArgumentException(
          "partitions must be >= 0 (0: one per map), got " + partitions);
    }
    this.spark = Objects.requireNonNull(spark, "spark");
    this.config = Objects.requireNonNull(config, "config");
    this.partitions = partitions;
    this.beforeCommit = Objects.requireNonNull(beforeCommit, "beforeCommit");
  }

  /**
   * Cuts every map into frames under {@code outDir/frames} and writes {@code outDir/datalist.json},
   * as {@link HulkCutter#cut(List, Path)} does.
   *
   * @return the run's summary (maps that could not be read are among its failures)
   * @throws org.radioclr.core.RadioclrException as the plain command: when no frame at all comes
   *     out (naming each map and why); any earlier datalist is then left as it was
   */
  public CutoutSummary run(List<Path> maps, Path outDir) {
    if (maps.isEmpty()) {
      throw new IllegalArgumentException("no map given");
    }
    int n = partitions > 0 ? Math.min(partitions, maps.size()) : maps.size();
    return OutputParts.run(
        outDir,
        parts -> {
          JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
          List<MapCutting.Result> results =
              new ArrayList<>(
                  jsc.parallelize(IntStream.range(0, maps.size()).boxed().toList(), n)
                      .mapPartitions(new MapCutting(maps, outDir, parts, config, beforeCommit))
                      .collect());
          results.sort(Comparator.comparingInt(MapCutting.Result::map));
          CutoutSummary summary = new CutoutSummary();
          Map<Path, String> noFrame = new LinkedHashMap<>();
          List<Path> datalists = new ArrayList<>();
          for (MapCutting.Result r : results) {
            summary.addAll(r.summary());
            if (r.noFrame() != null) {
              noFrame.put(maps.get(r.map()), r.noFrame());
            }
            datalists.add(MapCutting.part(parts, r.map(), maps.size()));
          }
          if (summary.written() == 0) {
            throw HulkCutter.nothingCut(maps, noFrame);
          }
          return new OutputParts.Cut(summary, datalists);
        });
  }
}
