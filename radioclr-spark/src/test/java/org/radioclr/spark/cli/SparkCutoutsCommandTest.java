package org.radioclr.spark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.SimulationConfig;
import org.radioclr.sim.Simulator;
import org.radioclr.spark.SparkFixtures;

class SparkCutoutsCommandTest {
  @TempDir Path tmp;

  @Test
  void reportsTheBadMapAndWritesThePlainCommandsDatalist() throws Exception {
    Path map =
        new Simulator(
                new SimulationConfig(SimPreset.TINY, 3, false, false, 1), ProgressListener.NONE)
            .run(tmp.resolve("sim"))
            .fields()
            .get(0)
            .map();
    Path bad = tmp.resolve("bad.fits");
    Files.writeString(bad, "this is not a FITS file");
    List<String> common =
        List.of(map.toString(), bad.toString(), "--size", "128", "--step", "96", "--out");

    List<String> plainArgs = new ArrayList<>(List.of("cutouts", "hulk"));
    plainArgs.addAll(common);
    plainArgs.add(tmp.resolve("plain").toString());
    CliRun plain = CliRun.of(plainArgs);

    List<String> sparkArgs =
        new ArrayList<>(List.of("spark", "cutouts", "hulk", "--master", "local[2]"));
    SparkFixtures.conf().forEach((k, v) -> sparkArgs.addAll(List.of("--conf", k + "=" + v)));
    sparkArgs.addAll(common);
    sparkArgs.add(tmp.resolve("spark").toString());
    CliRun spark = CliRun.of(sparkArgs);

    assertEquals(1, plain.code(), plain.err());
    assertEquals(plain.code(), spark.code(), spark.err());
    assertTrue(spark.out().contains("failed: 1") && spark.out().contains("bad.fits"), spark.out());
    assertEquals(
        plain.out().replace(tmp.resolve("plain").toString(), "DIR"),
        spark.out().replace(tmp.resolve("spark").toString(), "DIR"));
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("plain/datalist.json")),
        Files.readAllBytes(tmp.resolve("spark/datalist.json")));
  }

  @Test
  void bannerWritesThePlainCommandsCutoutsAndSummary() throws Exception {
    Simulator.Field field =
        new Simulator(
                new SimulationConfig(SimPreset.TINY, 4, false, false, 1), ProgressListener.NONE)
            .run(tmp.resolve("sim"))
            .fields()
            .get(0);
    List<String> common =
        List.of(
            field.map().toString(),
            "--catalog",
            field.catalogue().toString(),
            "--min-size",
            "24",
            "--out");

    List<String> plainArgs = new ArrayList<>(List.of("cutouts", "banner"));
    plainArgs.addAll(common);
    plainArgs.add(tmp.resolve("plain").toString());
    CliRun plain = CliRun.of(plainArgs);

    List<String> sparkArgs =
        new ArrayList<>(
            List.of("spark", "cutouts", "banner", "--master", "local[2]", "--partitions", "3"));
    SparkFixtures.conf().forEach((k, v) -> sparkArgs.addAll(List.of("--conf", k + "=" + v)));
    sparkArgs.addAll(common);
    sparkArgs.add(tmp.resolve("spark").toString());
    CliRun spark = CliRun.of(sparkArgs);

    assertEquals(0, plain.code(), plain.err());
    assertEquals(0, spark.code(), spark.err());
    assertEquals(
        plain.out().replace(tmp.resolve("plain").toString(), "DIR"),
        spark.out().replace(tmp.resolve("spark").toString(), "DIR"));
    SparkFixtures.assertSameFiles(tmp.resolve("plain"), tmp.resolve("spark"));

    CliRun bad =
        CliRun.of(
            List.of(
                "spark",
                "cutouts",
                "banner",
                "--min-size",
                "0",
                field.map().toString(),
                "--catalog",
                field.catalogue().toString(),
                "--out",
                tmp.resolve("bad").toString()));
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().contains("minimum size must be >= 8 pixels, got 0"), bad.err());
  }
}
