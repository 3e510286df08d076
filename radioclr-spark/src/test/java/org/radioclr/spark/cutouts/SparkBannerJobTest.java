package org.radioclr.spark.cutouts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.catalog.CatalogColumns;
import org.radioclr.core.cutout.BannerConfig;
import org.radioclr.core.cutout.BannerCutter;
import org.radioclr.core.cutout.CutoutSummary;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.SimulationConfig;
import org.radioclr.sim.Simulator;
import org.radioclr.spark.BeforeCommit;
import org.radioclr.spark.SparkFixtures;

class SparkBannerJobTest {
  static final BannerConfig CONFIG = BannerConfig.PAPER;
  static final CatalogColumns COLUMNS = CatalogColumns.defaults();

  @TempDir static Path shared;
  static Path map;
  static Path simCatalogue; // the simulator's catalogue: sky positions and angular sizes
  static Path pixelCatalogue; // pixel positions: a repeated name, two sources off the map
  static SparkSession spark;

  @BeforeAll
  static void fixtures() throws IOException {
    Simulator.Field field =
        new Simulator(
                new SimulationConfig(SimPreset.TINY, 3, false, false, 1), ProgressListener.NONE)
            .run(shared.resolve("sim"))
            .fields()
            .get(0);
    map = field.map();
    simCatalogue = field.catalogue();
    pixelCatalogue = shared.resolve("pixels.csv");
    StringBuilder csv = new StringBuilder("name,x,y,xmin,xmax,ymin,ymax\n");
    for (int i = 0; i < 23; i++) {
      String name = i == 7 ? "src3" : "src" + i; // src3 twice: src3 and src3-2
      double x = i == 5 || i == 17 ? -500 : 20 + 9 * i; // rows 5 and 17 off the map
      double y = 30 + 5 * i;
      double half = 4 + 3 * (i % 5); // boxes of 8 to 20 pixels: cutouts of 32 and more
      csv.append(String.join(",", name, "" + x, "" + y, "" + (x - half), "" + (x + half)))
          .append(',')
          .append(y - half)
          .append(',')
          .append(y + half)
          .append('\n');
    }
    Files.writeString(pixelCatalogue, csv);
    spark = SparkFixtures.session();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /**
   * A new output folder beside the plain ones (the datalist's relative paths are then the same).
   */
  static Path out(String name) {
    return shared.resolve("out-" + name);
  }

  static CutoutSummary plain(Path catalogue, Path out) {
    return new BannerCutter(CONFIG, ProgressListener.NONE).cut(map, catalogue, COLUMNS, out);
  }

  @Test
  void sameCutoutsDatalistAndSummaryAsThePlainCommand() throws IOException {
    for (Path catalogue : new Path[] {simCatalogue, pixelCatalogue}) {
      String name = catalogue.getFileName().toString();
      Path plain = out("plain-" + name);
      CutoutSummary expected = plain(catalogue, plain);
      assertTrue(expected.written() > 5, expected.format());
      for (int partitions : new int[] {0, 3, 50}) { // one per core; 3 blocks; more than rows
        Path out = out("spark-" + partitions + "-" + name);
        CutoutSummary s =
            new SparkBannerJob(spark, CONFIG, partitions).run(map, catalogue, COLUMNS, out);
        assertEquals(expected.format(), s.format(), name + ", " + partitions + " partitions");
        SparkFixtures.assertSameFiles(plain, out);
      }
    }
  }

  @Test
  void theRunWideWarningIsReportedOnceAndSkippedSourcesAddUp() {
    CutoutSummary s =
        new SparkBannerJob(spark, CONFIG, 4).run(map, pixelCatalogue, COLUMNS, out("warn"));
    assertEquals(1, s.warnings().size(), s.format());
    assertTrue(s.warnings().get(0).contains("src3"), s.format());
    assertEquals(2L, s.skippedTotal(), s.format());
    assertEquals(21L, s.written(), s.format());
  }

  @Test
  void aFailedTaskIsRetriedWithoutDuplicateCutoutsOrEntries() throws IOException {
    Path plain = out("plain-retry");
    CutoutSummary expected = plain(pixelCatalogue, plain);
    int failed;
    try (SparkFixtures.FailedTasks failedTasks = new SparkFixtures.FailedTasks(spark)) {
      BeforeCommit failOnce =
          b -> {
            if (b == 1 && TaskContext.get().attemptNumber() == 0) {
              throw new IllegalStateException("injected failure after block 1's part");
            }
          };
      Path out = out("retried");
      CutoutSummary s =
          new SparkBannerJob(spark, CONFIG, 3, failOnce).run(map, pixelCatalogue, COLUMNS, out);
      assertEquals(expected.format(), s.format());
      SparkFixtures.assertSameFiles(plain, out);
      failed = failedTasks.count();
    }
    assertEquals(1, failed, "one task attempt failed and was retried");
  }

  @Test
  void aMissingColumnOrNoCutoutFailsAsThePlainCommandAndKeepsTheEarlierDatalist()
      throws IOException {
    CatalogColumns missing = COLUMNS.withLabel("morphology_class");
    BadInputException pm =
        assertThrows(
            BadInputException.class,
            () ->
                new BannerCutter(CONFIG, ProgressListener.NONE)
                    .cut(map, pixelCatalogue, missing, out("p2")));
    Path out = out("kept");
    new SparkBannerJob(spark, CONFIG, 2).run(map, pixelCatalogue, COLUMNS, out);
    byte[] datalist = Files.readAllBytes(out.resolve("datalist.json"));
    BadInputException sm =
        assertThrows(
            BadInputException.class,
            () -> new SparkBannerJob(spark, CONFIG, 2).run(map, pixelCatalogue, missing, out));
    assertEquals(pm.getMessage(), sm.getMessage());
    assertTrue(sm.getMessage().contains("morphology_class"), sm.getMessage());

    Path offMap = shared.resolve("off.csv");
    Files.writeString(
        offMap,
        "name,x,y,xmin,xmax,ymin,ymax\na,-900,10,-905,-895,5,15\nb,10,-900,5,15,-905,-895\nc,-900,-900,-905,-895,-905,-895\n");
    BadInputException pn = assertThrows(BadInputException.class, () -> plain(offMap, out("p3")));
    BadInputException sn =
        assertThrows(
            BadInputException.class,
            () -> new SparkBannerJob(spark, CONFIG, 2).run(map, offMap, COLUMNS, out));
    assertEquals(pn.getMessage(), sn.getMessage());
    assertTrue(sn.getMessage().contains("3 centre outside the map"), sn.getMessage());
    assertArrayEquals(datalist, Files.readAllBytes(out.resolve("datalist.json")), "kept");
    Path fresh = out("fresh");
    assertThrows(
        BadInputException.class,
        () -> new SparkBannerJob(spark, CONFIG, 2).run(map, offMap, COLUMNS, fresh));
    assertFalse(Files.exists(fresh.resolve("frames")), "no empty frames folder left");
  }
}
