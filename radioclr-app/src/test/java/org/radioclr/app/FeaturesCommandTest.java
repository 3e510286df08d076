package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.formats.table.FeatureTable;

class FeaturesCommandTest {
  @TempDir Path tmp;

  @Test
  void writesAParquetTableAndListsSkippedImages() throws IOException {
    Path ckpt = TestCheckpoints.random(tmp.resolve("ckpt"));
    Path datalist = tmp.resolve("d.json");
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 3; i++) {
      float[] data = new float[24 * 24];
      for (int p = 0; p < data.length; p++) {
        data[p] = (float) random.nextGaussian();
      }
      FitsWriter.write(tmp.resolve("c" + i + ".fits"), new Plane(24, 24, data));
    }
    Files.writeString(
        datalist,
        "{\"data\": [{\"filepaths\": [\"c0.fits\"], \"sname\": \"a\", \"label\": \"FRI\","
            + " \"rms\": 0.5}, {\"filepaths\": [\"missing.fits\"], \"sname\": \"b\"},"
            + " {\"filepaths\": [\"c1.fits\"], \"sname\": \"c\", \"label\": [\"FRI\", \"FRII\"]},"
            + " {\"filepaths\": [\"c2.fits\"], \"sname\": \"d\", \"rms\": 2}]}");
    Path out = tmp.resolve("f.parquet");
    CliRun r =
        CliRun.of(
            "features",
            "--model",
            ckpt.toString(),
            "--datalist",
            datalist.toString(),
            "--out",
            out.toString(),
            "--batch",
            "2");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("3 rows x 512 features"), r.out());
    // one warning line for the skipped images, naming their list; the list names each
    Path list = tmp.resolve("f.skipped.csv");
    assertEquals(
        "radioclr: warning: skipped 1 of 4 images ("
            + Files.readAllLines(list).get(1).split(",")[2]
            + ": 1); the list with reasons is in "
            + list,
        r.err().strip().lines().filter(l -> l.startsWith("radioclr:")).findFirst().orElse(""),
        r.err());
    assertEquals(1, r.err().lines().filter(l -> l.startsWith("radioclr:")).count(), r.err());
    assertTrue(Files.readAllLines(list).get(1).startsWith(tmp.resolve("missing.fits") + ",b,"));
    assertFalse(r.err().contains("skipping image"), r.err());
    CliRun verbose =
        CliRun.of(
            "features",
            "--model",
            ckpt.toString(),
            "--datalist",
            datalist.toString(),
            "--out",
            tmp.resolve("g.csv").toString(),
            "--verbose");
    assertEquals(0, verbose.exitCode(), verbose.err());
    assertTrue(
        verbose.err().contains("skipping image " + tmp.resolve("missing.fits") + ": "),
        verbose.err());
    assertTrue(Files.exists(tmp.resolve("g.skipped.csv")));
    FeatureTable table = FeatureTable.read(out);
    assertEquals(java.util.List.of("a", "c", "d"), table.snames());
    assertEquals(java.util.List.of("FRI", "FRI;FRII", ""), table.labels());
    assertEquals(java.util.Arrays.asList("0.5", null, "2.0"), table.extras().get("rms"));
    assertEquals(512, table.dimension());
  }

  @Test
  void noRowIsAFailureAndTheOldTableStays() throws IOException {
    // both used to exit 0 and replace the table with a 0-row one
    Path ckpt = TestCheckpoints.random(tmp.resolve("ckpt"));
    Path out = Files.writeString(tmp.resolve("f.csv"), "an earlier table\n");
    Path allBad = tmp.resolve("bad.json");
    Files.writeString(
        allBad,
        "{\"data\": [{\"filepaths\": [\"missing.fits\"], \"sname\": \"b\"},"
            + " {\"filepaths\": [\"folder.fits\"], \"sname\": \"c\"}]}");
    Files.createDirectories(tmp.resolve("folder.fits"));
    CliRun skipped =
        CliRun.of(
            "features",
            "--model",
            ckpt.toString(),
            "--datalist",
            allBad.toString(),
            "--out",
            out.toString());
    assertEquals(1, skipped.exitCode(), skipped.out());
    String message =
        "radioclr: "
            + allBad
            + ": no feature row: all 2 images were skipped (first: b, "
            + tmp.resolve("missing.fits")
            + ": file not found); nothing written to "
            + out
            + "\n";
    assertTrue(skipped.err().endsWith(message), skipped.err()); // after the progress line
    assertEquals("an earlier table\n", Files.readString(out));

    Path empty = Files.writeString(tmp.resolve("empty.json"), "{\"data\": []}");
    CliRun none =
        CliRun.of(
            "features",
            "--model",
            ckpt.toString(),
            "--datalist",
            empty.toString(),
            "--out",
            out.toString());
    assertEquals(1, none.exitCode(), none.out());
    assertEquals(
        "radioclr: "
            + empty
            + ": no feature row: the datalist has no entry; nothing written to "
            + out
            + "\n",
        none.err());
    assertEquals("an earlier table\n", Files.readString(out));
  }

  @Test
  void badExtensionAndMissingCheckpointAreOneLineErrors() throws IOException {
    Path datalist = tmp.resolve("d.json");
    Files.writeString(datalist, "{\"data\": []}");
    CliRun ext =
        CliRun.of(
            "features",
            "--model",
            tmp.resolve("nope").toString(),
            "--datalist",
            datalist.toString(),
            "--out",
            tmp.resolve("f.json").toString());
    assertEquals(1, ext.exitCode());
    assertEquals(
        "radioclr: "
            + tmp.resolve("f.json")
            + ": unknown feature table format ('.json'); use .parquet or .csv\n",
        ext.err());
    CliRun missing =
        CliRun.of(
            "features",
            "--model",
            tmp.resolve("nope").toString(),
            "--datalist",
            datalist.toString(),
            "--out",
            tmp.resolve("f.csv").toString());
    assertEquals(1, missing.exitCode());
    assertEquals(
        "radioclr: "
            + tmp.resolve("nope")
            + ": no such checkpoint or run folder (shipped encoders: radioclr-first-v1)\n",
        missing.err());
    assertFalse(Files.exists(tmp.resolve("f.csv")));
  }
}
