package org.radioclr.spark.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.nn.Engines;
import org.radioclr.nn.features.ExtractionSummary;
import org.radioclr.nn.features.FeatureExtractor;
import org.radioclr.nn.features.FeatureOptions;
import org.radioclr.spark.BeforeCommit;
import org.radioclr.spark.EncoderCache;
import org.radioclr.spark.FrameDescriptors;

/**
 * One Spark task of a feature extraction: the frames of one partition through {@link
 * FeatureExtractor#extract(Iterator, org.radioclr.nn.features.RowSink, ProgressListener)} into the
 * part file {@code part-NNNNN.bin} of the job's parts folder ({@link PartFiles}: each row's
 * datalist index and features), written to a temporary file and renamed into place only when the
 * whole partition is done. A task that fails (or is killed) leaves no part, and a retried or
 * speculative attempt of the same partition replaces the same file, so no row is ever written
 * twice.
 *
 * <p>On the executor: the encoder comes from {@link EncoderCache} (loaded once per JVM), the task
 * gets its own extractor over it, libtorch's threads for this task are sized to the task's cores
 * ({@code spark.task.cpus}, default 1) and so are the reader threads. Frames that cannot be read or
 * pre-processed are skipped (or, strict, fail the task) exactly as in {@code radioclr features}.
 *
 * <p>Returns one row per partition: {@link #RESULT}.
 */
public final class PartitionExtraction implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** A skipped frame: file, sname, reason, detail. */
  static final StructType SKIPPED =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("file", DataTypes.StringType, false),
            DataTypes.createStructField("sname", DataTypes.StringType, false),
            DataTypes.createStructField("reason", DataTypes.StringType, false),
            DataTypes.createStructField("detail", DataTypes.StringType, false)
          });

  /** The result of a task: partition, rows written, the frames skipped, seconds, row width. */
  public static final StructType RESULT =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("partition", DataTypes.IntegerType, false),
            DataTypes.createStructField("rows", DataTypes.LongType, false),
            DataTypes.createStructField(
                "skipped", DataTypes.createArrayType(SKIPPED, false), false),
            DataTypes.createStructField("seconds", DataTypes.DoubleType, false),
            DataTypes.createStructField("dimension", DataTypes.IntegerType, false)
          });

  private final String model;
  private final boolean projection;
  private final int batch;
  private final boolean strict;
  private final boolean dihedral;
  private final String parts;
  private final BeforeCommit beforeCommit;

  /**
   * @param model the run or checkpoint folder, readable at the same path on every executor
   * @param options projection, batch, strict and dihedral are used; reader threads follow the
   *     task's cores
   * @param columns the table's extra columns (the first datalist entry's); the width comes from the
   *     model
   * @param parts the parts folder, shared by the driver and every executor
   * @param beforeCommit called before each part is committed ({@link BeforeCommit#NONE} for none)
   */
  PartitionExtraction(Path model, FeatureOptions options, Path parts, BeforeCommit beforeCommit) {
    this.model = model.toAbsolutePath().toString();
    this.projection = options.projection();
    this.batch = options.batchSize();
    this.strict = options.strict();
    this.dihedral = options.dihedral();
    this.parts = parts.toAbsolutePath().toString();
    this.beforeCommit = Objects.requireNonNull(beforeCommit, "beforeCommit");
  }

  /** The part table of partition {@code partition} in {@code parts}. */
  static Path part(Path parts, int partition) {
    return parts.resolve(String.format(java.util.Locale.ROOT, "part-%05d.bin", partition));
  }

  @Override
  public Iterator<Row> call(Iterator<Row> frames) {
    TaskContext task = TaskContext.get();
    int partition = task == null ? 0 : task.partitionId();
    int cores = task == null ? 1 : Math.max(1, task.cpus());
    Engines.setComputeThreads(cores);
    FeatureOptions options = new FeatureOptions(projection, batch, cores, strict, dihedral);
    // The descriptors are small: take them all on the task thread, since the extractor's reader
    // threads pull entries from their own threads and Spark's iterators belong to the task's.
    List<DatalistEntry> entries = new ArrayList<>();
    Map<DatalistEntry, Long> indices = new IdentityHashMap<>();
    frames.forEachRemaining(
        row -> {
          DatalistEntry e = FrameDescriptors.toEntry(row);
          entries.add(e);
          indices.put(e, FrameDescriptors.index(row));
        });
    ExtractionSummary summary;
    int dimension;
    try (FeatureExtractor fx = FeatureExtractor.sharing(EncoderCache.get(Path.of(model)), options);
        PartFiles.Writer writer =
            new PartFiles.Writer(part(Path.of(parts), partition), fx.dimension())) {
      dimension = fx.dimension();
      summary =
          fx.extract(
              entries.iterator(),
              (e, features, offset) -> writer.write(indices.get(e), features, offset),
              ProgressListener.NONE);
      beforeCommit.check(partition);
      if (summary.rows() > 0) {
        writer.commit();
      }
    }
    List<Row> skipped = new ArrayList<>(summary.skipped().size());
    for (SkippedImages.Entry e : summary.skipped()) {
      skipped.add(RowFactory.create(e.file().toString(), e.sname(), e.reason(), e.detail()));
    }
    return List.of(
            RowFactory.create(
                partition,
                summary.rows(),
                skipped.toArray(new Row[0]),
                summary.seconds(),
                dimension))
        .iterator();
  }
}
