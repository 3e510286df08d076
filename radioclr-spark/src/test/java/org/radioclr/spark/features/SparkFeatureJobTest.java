package org.radioclr.spark.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.formats.table.FeatureTable;
import org.radioclr.nn.features.ExtractionSummary;
import org.radioclr.nn.features.FeatureExtractor;
import org.radioclr.nn.features.FeatureOptions;
import org.radioclr.spark.BeforeCommit;
import org.radioclr.spark.EncoderCache;
import org.radioclr.spark.SparkFixtures;

class SparkFeatureJobTest {
  private static final int COUNT = 7;
  private static final int BROKEN = 5;

  @TempDir static Path shared;
  static Path checkpoint;
  static Path datalist;
  static Path plain;
  static ExtractionSummary plainSummary;
  static SparkSession spark;

  @TempDir Path tmp;

  @BeforeAll
  static void fixtures() {
    checkpoint = SparkFixtures.checkpoint(shared.resolve("ckpt"));
    datalist = SparkFixtures.dataset(shared.resolve("data"), COUNT, BROKEN);
    plain = shared.resolve("plain.parquet");
    try (FeatureExtractor fx = FeatureExtractor.open(checkpoint, options())) {
      plainSummary = fx.extract(datalist, plain, ProgressListener.NONE);
    }
    spark = SparkFixtures.session();
  }

  @AfterAll
  static void stop() {
    spark.stop();
    EncoderCache.closeAll();
  }

  private static FeatureOptions options() {
    return new FeatureOptions(false, 4, 2, false, false);
  }

  @Test
  void sparkTableEqualsThePlainTableRowByRow() throws Exception {
    Path out = tmp.resolve("spark.parquet");
    SparkFeatureJob.Outcome o =
        new SparkFeatureJob(spark, options(), 3).run(checkpoint, datalist, out);
    assertEquals(3, o.partitions());
    assertEquals(512, o.dimension());
    assertEquals(COUNT - 1, o.summary().rows());
    assertSameTable(plain, out);
    assertEquals(columnTypes(plain), columnTypes(out));
    assertEquals(plainSummary.skipped(), o.summary().skipped());
    try (var files = Files.list(tmp)) {
      assertEquals(List.of(out), files.toList(), "no parts folder or temporary file left");
    }
  }

  @Test
  void aFailedTaskIsRetriedWithoutDuplicateRows() {
    int failed;
    try (SparkFixtures.FailedTasks failedTasks = new SparkFixtures.FailedTasks(spark)) {
      Path out = tmp.resolve("retried.parquet");
      // partition 1's first attempt fails after writing all its rows, before committing them
      BeforeCommit failOnce =
          p -> {
            if (p == 1 && TaskContext.get().attemptNumber() == 0) {
              throw new IllegalStateException("injected failure of partition 1");
            }
          };
      SparkFeatureJob.Outcome o =
          new SparkFeatureJob(spark, options(), 3, failOnce).run(checkpoint, datalist, out);
      assertEquals(COUNT - 1, o.summary().rows());
      FeatureTable t = FeatureTable.read(out);
      assertEquals(COUNT - 1, t.size());
      assertEquals(t.size(), new HashSet<>(t.snames()).size(), "no duplicate rows");
      assertSameTable(plain, out);
      failed = failedTasks.count();
    }
    assertEquals(1, failed, "one task attempt failed and was retried");
  }

  @Test
  void aBadFileIsSkippedAndListedAsThePlainExtractionDoes() {
    SparkFeatureJob.Outcome o =
        new SparkFeatureJob(spark, options(), 2)
            .run(checkpoint, datalist, tmp.resolve("f.parquet"));
    List<SkippedImages.Entry> skipped = o.summary().skipped();
    assertEquals(1, skipped.size());
    assertEquals("src" + BROKEN, skipped.get(0).sname());
    assertTrue(skipped.get(0).file().endsWith("img" + BROKEN + ".fits"), skipped.toString());
    assertFalse(FeatureTable.read(tmp.resolve("f.parquet")).snames().contains("src" + BROKEN));
  }

  @Test
  void strictFailsNamingTheBadFileAndKeepsAnEarlierTable() throws Exception {
    Path out = tmp.resolve("f.parquet");
    Files.writeString(out, "earlier");
    SparkFeatureJob job = new SparkFeatureJob(spark, options().withStrict(true), 2);
    Exception e = assertThrows(Exception.class, () -> job.run(checkpoint, datalist, out));
    BadInputException bad = cause(e, BadInputException.class);
    assertTrue(bad.getMessage().contains("img" + BROKEN + ".fits"), bad.getMessage());
    assertEquals("earlier", Files.readString(out));
  }

  @Test
  void onlyParquetIsWritten() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                new SparkFeatureJob(spark, options(), 0)
                    .run(checkpoint, datalist, tmp.resolve("f.csv")));
    assertTrue(e.getMessage().contains("use .parquet"), e.getMessage());
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in the causes of " + e, e);
  }

  private static void assertSameTable(Path expected, Path actual) {
    FeatureTable a = FeatureTable.read(expected);
    FeatureTable b = FeatureTable.read(actual);
    assertEquals(a.snames(), b.snames());
    assertEquals(a.ids(), b.ids());
    assertEquals(a.labels(), b.labels());
    assertEquals(a.extras(), b.extras());
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < a.dimension(); j++) {
        float x = a.features()[i][j];
        assertEquals(x, b.features()[i][j], 1e-5f * Math.max(1f, Math.abs(x)), "row " + i);
      }
    }
  }

  private static List<String> columnTypes(Path parquet) throws Exception {
    try (var c = DriverManager.getConnection("jdbc:duckdb:");
        var s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('"
                    + parquet.toAbsolutePath()
                    + "'))")) {
      List<String> cols = new ArrayList<>();
      while (rs.next()) {
        cols.add(rs.getString(1) + ":" + rs.getString(2));
      }
      return cols;
    }
  }
}
