package org.radioclr.spark.cutouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.cutout.CutoutSummary;
import org.radioclr.core.cutout.HulkConfig;
import org.radioclr.core.cutout.HulkCutter;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.SimulationConfig;
import org.radioclr.sim.Simulator;
import org.radioclr.spark.BeforeCommit;
import org.radioclr.spark.SparkFixtures;

class SparkHulkJobTest {
  /** 96 px frames, half overlapping: a few dozen frames of the tiny maps. */
  static final HulkConfig CONFIG = new HulkConfig(96, 48, 0.3);

  @TempDir static Path shared;
  static List<Path> maps; // two tiny fields both named map.fits, and a file that is not FITS
  static Path plain;
  static CutoutSummary plainSummary;
  static SparkSession spark;

  @BeforeAll
  static void fixtures() throws IOException {
    Path bad = shared.resolve("bad.fits");
    Files.writeString(bad, "this is not a FITS file");
    maps = List.of(simulate(3), bad, simulate(4));
    plain = shared.resolve("plain");
    plainSummary = new HulkCutter(CONFIG, ProgressListener.NONE).cut(maps, plain);
    spark = SparkFixtures.session();
  }

  static Path simulate(long seed) {
    return new Simulator(
            new SimulationConfig(SimPreset.TINY, seed, false, false, 1), ProgressListener.NONE)
        .run(shared.resolve("sim" + seed))
        .fields()
        .get(0)
        .map();
  }

  /**
   * A new output folder beside the plain data set (its datalist's relative map paths are then the
   * same).
   */
  static Path out(String name) {
    return shared.resolve("out-" + name);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static void assertSameDataSet(Path expected, Path actual) throws IOException {
    SparkFixtures.assertSameFiles(expected, actual);
  }

  @Test
  void sameFramesAndDatalistAsThePlainCommandAndTheBadMapReported() throws IOException {
    assertTrue(plainSummary.written() > 10, plainSummary.format());
    assertTrue(
        Files.readString(plain.resolve("datalist.json")).contains("map-2_x"),
        "the second map.fits gets unique frame names");
    for (int partitions : new int[] {0, 2}) { // one map per task; maps shared by tasks
      Path out = out("spark" + partitions);
      CutoutSummary s = new SparkHulkJob(spark, CONFIG, partitions).run(maps, out);
      assertSameDataSet(plain, out);
      assertEquals(plainSummary.format(), s.format());
      assertEquals(1, s.failures().size());
      assertTrue(s.failures().get(0).contains("bad.fits"), s.failures().toString());
    }
  }

  @Test
  void aRerunReplacesTheDataSetWithTheSameFiles() throws IOException {
    Path out = out("again");
    new SparkHulkJob(spark, CONFIG, 0).run(maps, out);
    new SparkHulkJob(spark, CONFIG, 0).run(maps, out);
    assertSameDataSet(plain, out);
  }

  @Test
  void noFrameFailsAsThePlainCommandAndLeavesTheEarlierDatalist() throws IOException {
    List<Path> none = List.of(maps.get(1), maps.get(0));
    HulkConfig huge = new HulkConfig(4096, 2048, 0.3);
    RadioclrException p =
        assertThrows(
            RadioclrException.class,
            () -> new HulkCutter(huge, ProgressListener.NONE).cut(none, out("p")));
    Path fresh = out("fresh");
    RadioclrException s =
        assertThrows(
            RadioclrException.class, () -> new SparkHulkJob(spark, huge, 0).run(none, fresh));
    assertEquals(p.getMessage(), s.getMessage());
    assertTrue(
        s.getMessage().contains("bad.fits") && s.getMessage().contains("smaller"), s.getMessage());
    assertFalse(Files.exists(fresh.resolve("frames")), "no empty frames folder left");

    Path out = out("kept");
    new SparkHulkJob(spark, CONFIG, 0).run(maps, out);
    assertThrows(RadioclrException.class, () -> new SparkHulkJob(spark, huge, 0).run(none, out));
    assertSameDataSet(plain, out);
  }

  @Test
  void aFailedTaskIsRetriedWithoutDuplicateFramesOrEntries() throws IOException {
    int failed;
    try (SparkFixtures.FailedTasks failedTasks = new SparkFixtures.FailedTasks(spark)) {
      BeforeCommit failOnce =
          m -> {
            if (m == 2 && TaskContext.get().attemptNumber() == 0) {
              throw new IllegalStateException("injected failure after map 2's part");
            }
          };
      Path out = out("retried");
      CutoutSummary s = new SparkHulkJob(spark, CONFIG, 0, failOnce).run(maps, out);
      assertEquals(plainSummary.format(), s.format());
      assertSameDataSet(plain, out);
      failed = failedTasks.count();
    }
    assertEquals(1, failed, "one task attempt failed and was retried");
  }
}
