package org.radioclr.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.io.Json;

/**
 * A datalist entry as a row of a Spark Dataset (a <em>frame descriptor</em>): {@code index} (its
 * 0-based position in the datalist), {@code files} (absolute paths, as {@link
 * org.radioclr.core.datalist.DatalistReader} resolved them), {@code sname}, {@code ids}, {@code
 * labels}, and {@code extras}, the entry's other fields as one JSON object. Rows travel to the
 * executors, which turn them back into the same {@link DatalistEntry} ({@link #toEntry}).
 */
public final class FrameDescriptors {
  /** The descriptor columns. */
  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("index", DataTypes.LongType, false),
            DataTypes.createStructField(
                "files", DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField("sname", DataTypes.StringType, false),
            DataTypes.createStructField(
                "ids", DataTypes.createArrayType(DataTypes.IntegerType, false), false),
            DataTypes.createStructField(
                "labels", DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField("extras", DataTypes.StringType, false)
          });

  private FrameDescriptors() {}

  /** The descriptor of datalist entry {@code index}. */
  public static Row toRow(long index, DatalistEntry entry) {
    String[] files = new String[entry.files().size()];
    for (int i = 0; i < files.length; i++) {
      files[i] = entry.files().get(i).toAbsolutePath().toString();
    }
    // Spark's row encoder takes arrays (or Scala sequences), not Java lists
    return RowFactory.create(
        index,
        files,
        entry.sname(),
        entry.ids().toArray(new Integer[0]),
        entry.labels().toArray(new String[0]),
        Json.toJson(entry.extras()).strip());
  }

  /** The descriptor's index in the datalist. */
  public static long index(Row row) {
    return row.getLong(0);
  }

  /** The datalist entry a descriptor holds. */
  public static DatalistEntry toEntry(Row row) {
    List<Path> files = new ArrayList<>();
    for (Object f : row.getList(1)) {
      files.add(Path.of((String) f));
    }
    List<Integer> ids = row.getList(3);
    List<String> labels = row.getList(4);
    @SuppressWarnings("unchecked")
    Map<String, Object> extras = Json.parse(row.getString(5), Path.of(row.getString(2)), Map.class);
    return new DatalistEntry(files, row.getString(2), ids, labels, extras);
  }
}
