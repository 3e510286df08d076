package org.radioclr.spark.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.io.OutputFolders;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.formats.table.FeatureColumns;
import org.radioclr.formats.table.FeatureTableWriter;
import org.radioclr.nn.features.ExtractionSummary;
import org.radioclr.nn.features.FeatureExtractor;
import org.radioclr.nn.features.FeatureOptions;
import org.radioclr.spark.BeforeCommit;
import org.radioclr.spark.FrameDescriptors;
import org.radioclr.spark.JobParts;

/**
 * {@code radioclr features} on Spark: the same feature table (columns, types, row order, values up
 * to float rounding) from a datalist, the frames spread over the cluster's (or the local) cores.
 *
 * <p>The driver reads the datalist into frame descriptors ({@link FrameDescriptors}, about 300
 * bytes each), splits them into contiguous partitions (datalist order), and runs one {@link
 * PartitionExtraction} task per partition, each writing its own part table into a hidden folder
 * beside the output ({@code .F.parquet.parts-*}); then it joins the parts in partition order into
 * the output ({@link PartTables}, atomically) and deletes the folder. The model, the frames and
 * that folder must be at the same paths on every executor (a shared file system, as on HPC
 * clusters). Skipped frames come back to the driver in datalist order, as the plain command lists
 * them.
 */
public final class SparkFeatureJob {
  /**
   * What a job did.
   *
   * @param summary rows, skipped frames (datalist order), wall-clock seconds of the whole job
   * @param dimension the width of a feature row
   * @param partitions the number of partitions (tasks)
   */
  public record Outcome(ExtractionSummary summary, int dimension, int partitions) {}

  /** Frames per partition when the number of partitions is left to the job. */
  public static final int FRAMES_PER_PARTITION = 512;

  private final SparkSession spark;
  private final FeatureOptions options;
  private final int partitions;
  private final BeforeCommit beforeCommit;

  /**
   * @param options projection, batch size and strict as in {@code radioclr features} (each task
   *     uses as many reader threads as it has cores)
   * @param partitions number of partitions, or 0 for the default: at least one per core of the
   *     session ({@code spark.default.parallelism}) and at most {@value #FRAMES_PER_PARTITION}
   *     frames each
   */
  public SparkFeatureJob(SparkSession spark, FeatureOptions options, int partitions) {
    this(spark, options, partitions, BeforeCommit.NONE);
  }

  /** With a check run before each part is committed (to inject task failures in tests). */
  public SparkFeatureJob(
      SparkSession spark, FeatureOptions options, int partitions, BeforeCommit beforeCommit) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.options = Objects.requireNonNull(options, "options");
    this.partitions = JobParts.requireValid(partitions);
    this.beforeCommit = Objects.requireNonNull(beforeCommit, "beforeCommit");
  }

  /** The number of partitions for {@code frames} frames. */
  int partitionsFor(int frames) {
    return JobParts.count(
        partitions, spark.sparkContext().defaultParallelism(), frames, FRAMES_PER_PARTITION);
  }

  /**
   * Extracts the features of every frame of {@code datalist} with the encoder of {@code model} (a
   * run or a checkpoint) into the Parquet table {@code out}.
   *
   * @throws BadInputException for a table that is not {@code .parquet}, a broken datalist, a model
   *     that cannot be loaded, (strict) a bad frame, or when no row comes out; any earlier table at
   *     {@code out} is then left as it was
   */
  public Outcome run(Path model, Path datalist, Path out) {
    requireParquet(out);
    long start = System.nanoTime();
    List<Row> descriptors = new ArrayList<>();
    List<DatalistEntry> entries = new ArrayList<>();
    try (DatalistReader reader = DatalistReader.open(datalist)) {
      while (reader.hasNext()) {
        DatalistEntry e = reader.next();
        descriptors.add(FrameDescriptors.toRow(entries.size(), e));
        entries.add(e);
      }
    }
    if (entries.isEmpty()) {
      throw new BadInputException(
          datalist, "no feature row: the datalist has no entry; nothing written to " + out);
    }
    Path parts = JobParts.folderBeside(out);
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      int n = partitionsFor(descriptors.size());
      Dataset<Row> frames =
          spark.createDataFrame(jsc.parallelize(descriptors, n), FrameDescriptors.SCHEMA);
      PartitionExtraction task = new PartitionExtraction(model, options, parts, beforeCommit);
      List<Row> results =
          new ArrayList<>(
              frames.mapPartitions(task, Encoders.row(PartitionExtraction.RESULT)).collectAsList());
      results.sort(Comparator.comparingInt(r -> r.getInt(0)));
      long rows = 0;
      List<SkippedImages.Entry> skipped = new ArrayList<>();
      List<Path> written = new ArrayList<>();
      for (Row r : results) {
        rows += r.getLong(1);
        if (r.getLong(1) > 0) {
          written.add(PartitionExtraction.part(parts, r.getInt(0)));
        }
        for (Row s : r.<Row>getList(2)) {
          skipped.add(
              new SkippedImages.Entry(
                  Path.of(s.getString(0)), s.getString(1), s.getString(2), s.getString(3)));
        }
      }
      if (rows == 0) {
        throw FeatureExtractor.noRow(datalist, out, new ExtractionSummary(0, skipped, 0));
      }
      int dimension = results.get(0).getInt(4);
      try (FeatureTableWriter writer =
          FeatureTableWriter.open(out, FeatureColumns.of(entries.get(0), dimension))) {
        for (Path part : written) {
          PartFiles.read(
              part, (index, features) -> writer.write(entries.get((int) index), features, 0));
        }
        writer.commit();
      }
      return new Outcome(
          new ExtractionSummary(rows, skipped, (System.nanoTime() - start) / 1e9), dimension, n);
    } finally {
      OutputFolders.tryDeleteTree(parts);
    }
  }

  /**
   * Checks that {@code out} names a Parquet table, the only format the job writes.
   *
   * @throws BadInputException naming the file otherwise
   */
  public static void requireParquet(Path out) {
    if (FeatureTableWriter.formatOf(out) != FeatureTableWriter.Format.PARQUET) {
      throw new BadInputException(out, "radioclr spark writes Parquet tables only; use .parquet");
    }
  }
}
