package org.radioclr.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.anomaly.columns.ColumnChoice;
import org.radioclr.anomaly.iforest.IsolationForestConfig;
import org.radioclr.anomaly.iforest.IsolationForestConfig.Contamination;
import org.radioclr.anomaly.iforest.IsolationForestConfig.MaxSamples;
import org.radioclr.anomaly.scores.ForestScoring;
import org.radioclr.core.BadInputException;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.spark.BeforeCommit;
import org.radioclr.spark.SparkFixtures;

class SparkScoreJobTest {
  private static final int ROWS = 301;

  @TempDir static Path shared;
  static Path features;
  static Path model;
  static SparkSession spark;

  @TempDir Path tmp;

  @BeforeAll
  static void fixtures() throws IOException {
    features = table(shared.resolve("f.csv"), ROWS, 4);
    model = shared.resolve("fit.csv.iforest");
    ForestScoring.fit(
        new ForestScoring.FitRequest(
            features,
            ColumnChoice.ALL,
            null,
            new IsolationForestConfig(40, MaxSamples.AUTO, Contamination.parse("0.02"), 3),
            shared.resolve("fit.csv"),
            model,
            1),
        ProgressListener.NONE);
    spark = SparkFixtures.session();
  }

  @AfterAll
  static void stop() {
    spark.stop();
    ForestCache.clear();
  }

  /** {@code rows} seeded rows of {@code width} features, a label and an extra; s0..s2 far off. */
  private static Path table(Path file, int rows, int width) throws IOException {
    SplittableRandom r = new SplittableRandom(9);
    StringBuilder sb = new StringBuilder("sname,label,rms");
    for (int j = 0; j < width; j++) {
      sb.append(",f").append(j);
    }
    sb.append('\n');
    for (int i = 0; i < rows; i++) {
      sb.append('s').append(i).append(i % 2 == 0 ? ",FRI," : ",FRII,").append(i * 0.01);
      for (int j = 0; j < width; j++) {
        double v = r.nextGaussian() + (i < 3 && j == 1 ? 6 : 0);
        sb.append(',').append(String.format(Locale.ROOT, "%.5f", v));
      }
      sb.append('\n');
    }
    Files.writeString(file, sb);
    return file;
  }

  private Path plain(String name) {
    Path out = tmp.resolve("plain-" + name);
    ForestScoring.score(features, model, out, 1, ProgressListener.NONE);
    return out;
  }

  @Test
  void sparkTableIsThePlainTableByteForByte() throws IOException {
    ForestCache.clear();
    for (String name : List.of("s.csv", "s.parquet")) {
      Path out = tmp.resolve(name);
      SparkScoreJob.Outcome o = new SparkScoreJob(spark, 3).run(features, model, out);
      assertEquals(3, o.partitions());
      assertEquals(ROWS, o.rows());
      Path plain = plain(name);
      assertEquals(-1, Files.mismatch(plain, out), name + " differs from the plain table");
      if (name.endsWith(".csv")) {
        List<String> lines = Files.readAllLines(out);
        assertEquals(ROWS + 1, lines.size());
        assertEquals(lines.stream().filter(l -> l.endsWith(",true")).count(), o.flagged());
        assertTrue(o.flagged() > 0, "some rows flagged");
      }
    }
    try (var files = Files.list(tmp)) {
      assertEquals(4, files.count(), "no parts folder or temporary file left");
    }
    assertEquals(1, ForestCache.size(), "the forest is read once in this JVM, by both jobs' tasks");
  }

  @Test
  void theDefaultSplitsOnePartitionPerCore() {
    SparkScoreJob job = new SparkScoreJob(spark, 0);
    assertEquals(2, job.partitionsFor(ROWS));
    assertEquals(1, job.partitionsFor(1));
    assertEquals(4, job.partitionsFor(4 * SparkScoreJob.ROWS_PER_PARTITION - 1));
    assertEquals(ROWS, new SparkScoreJob(spark, 1000).partitionsFor(ROWS));
  }

  @Test
  void aFailedTaskIsRetriedWithoutDuplicateRows() throws IOException {
    int failed;
    try (SparkFixtures.FailedTasks failedTasks = new SparkFixtures.FailedTasks(spark)) {
      Path out = tmp.resolve("retried.csv");
      BeforeCommit failOnce =
          p -> {
            if (p == 1 && TaskContext.get().attemptNumber() == 0) {
              throw new IllegalStateException("injected failure of partition 1");
            }
          };
      SparkScoreJob.Outcome o = new SparkScoreJob(spark, 3, failOnce).run(features, model, out);
      assertEquals(ROWS, o.rows());
      assertEquals(-1, Files.mismatch(plain("retried.csv"), out));
      failed = failedTasks.count();
    }
    assertEquals(1, failed, "one task attempt failed and was retried");
  }

  @Test
  void aTableWithoutTheModelsColumnsFailsNamingItAndKeepsAnEarlierTable() throws IOException {
    Path narrow = table(tmp.resolve("narrow.csv"), 10, 2);
    Path out = tmp.resolve("s.csv");
    Files.writeString(out, "earlier");
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> new SparkScoreJob(spark, 2).run(narrow, model, out));
    assertTrue(e.getMessage().startsWith(narrow.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(model.toString()), e.getMessage());
    assertEquals("earlier", Files.readString(out));
    BadInputException missing =
        assertThrows(
            BadInputException.class,
            () -> new SparkScoreJob(spark, 2).run(features, tmp.resolve("none.iforest"), out));
    assertTrue(missing.getMessage().contains("none.iforest"), missing.getMessage());
    assertEquals("earlier", Files.readString(out));
  }
}
