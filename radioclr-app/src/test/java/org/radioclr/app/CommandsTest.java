package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.datalist.DatalistWriter;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.SimulationConfig;
import org.radioclr.sim.Simulator;

/** The commands end to end on a small example map. */
class CommandsTest {
  @TempDir Path dir;
  Path map;

  @BeforeEach
  void writeMap() {
    SimulationConfig tiny = new SimulationConfig(SimPreset.TINY, 3, false, false, 1);
    map = new Simulator(tiny, ProgressListener.NONE).run(dir.resolve("sim")).fields().get(0).map();
  }

  @Test
  void preprocessWritesTheThreeChannelCubeAndPreview() throws IOException {
    Path out = dir.resolve("cube.fits");
    CliRun r =
        CliRun.of("preprocess", map.toString(), "--out", out.toString(), "--size", "64", "--png");
    assertEquals(0, r.exitCode(), r.err());
    FitsImage c0 = FitsReader.read(out, 0);
    assertArrayEquals(new long[] {64, 64, 3}, c0.axes());
    assertEquals("CHANNEL", c0.header().getStringValue("CTYPE3"));
    for (int k = 0; k < 3; k++) {
      for (float v : FitsReader.read(out, k).plane().data()) {
        assertTrue(v >= 0 && v <= 1, "channel " + k + " value " + v);
      }
    }
    assertTrue(Files.size(dir.resolve("cube.png")) > 0);
    // the recipe in words, on the terminal and (ASCII, cut into 71-character cards) in HISTORY
    assertTrue(
        r.out().contains("recipe: channel 1: sigma-clipped (5σ lower, 30σ upper) then min–max"),
        r.out());
    StringBuilder history = new StringBuilder();
    for (var card : c0.header().findCards("HISTORY")) {
      history.append(card.getComment());
    }
    String cards = history.toString().replace(" ", ""); // card breaks may drop a space
    assertTrue(cards.contains("channel2:zscale(contrast0.25)thenmin-maxscaled"), cards);
    assertTrue(cards.contains("resizedto64x64px"), cards);
    CliRun info = CliRun.of("info", out.toString());
    assertEquals(0, info.exitCode(), info.err());
    assertTrue(info.out().contains("plane 0 of 3"), info.out());
  }

  @Test
  void infoAsJsonListsEveryReadableFileAndNamesTheOthers() throws IOException {
    Path junk = dir.resolve("junk.fits");
    Files.writeString(junk, "junk");
    CliRun r = CliRun.of("info", "--json", map.toString(), junk.toString());
    assertEquals(1, r.exitCode());
    JsonNode array = new ObjectMapper().readTree(r.out());
    assertEquals(1, array.size());
    JsonNode m = array.get(0);
    assertEquals(384, m.get("width").asInt());
    assertEquals("SIN", m.get("wcs").get("projection").asText());
    assertEquals(2.0, m.get("wcs").get("pixel_scale_arcsec").get(0).asDouble(), 1e-9);
    assertTrue(m.get("pixels").get("blank_fraction").asDouble() > 0, "corners are blanked");
    assertTrue(r.err().contains(junk.toString()), r.err());
    CliRun text = CliRun.of("info", map.toString());
    assertTrue(text.out().contains("SIN projection"), text.out());
  }

  @Test
  void augmentPreviewWritesAGridOfViews() throws IOException {
    Path png = dir.resolve("views.png");
    CliRun r =
        CliRun.of(
            "augment-preview", map.toString(), "--n", "3", "--size", "32", "--out", png.toString());
    assertEquals(0, r.exitCode(), r.err());
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
    assertEquals(2 * 32 + 3 * 4, img.getWidth(), "2x2 grid of 32 px tiles with 4 px gaps");
    CliRun bad =
        CliRun.of("augment-preview", map.toString(), "--preset", "wild", "--out", png.toString());
    assertEquals(2, bad.exitCode(), bad.err());
    assertTrue(bad.err().contains("wild"), bad.err());
  }

  @Test
  void modelInfoPrintsTheArchitectureAndParameterCounts() {
    CliRun r = CliRun.of("model", "info", "--image-size", "64", "--small-stem");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("encoder.layer4"), r.out());
    assertTrue(r.out().replace(",", "").contains("trainable parameters: 11333312"), r.out());
  }

  @Test
  void hulkThenDatalistCheck() throws IOException {
    Path out = dir.resolve("hulk");
    CliRun r =
        CliRun.of("cutouts", "hulk", map.toString(), "--size", "128", "--out", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("written: "), r.out());
    Path datalist = out.resolve("datalist.json");
    CliRun check = CliRun.of("datalist", "check", datalist.toString());
    assertEquals(0, check.exitCode(), check.out() + check.err());

    // A missing file and an unreadable file make the check fail, naming them.
    try (DatalistWriter w = DatalistWriter.open(dir.resolve("bad.json"))) {
      w.write(DatalistEntry.unlabelled(dir.resolve("gone.fits"), "gone"));
      Path junk = dir.resolve("junk.fits");
      Files.writeString(junk, "junk");
      w.write(DatalistEntry.unlabelled(junk, "junk"));
      w.commit();
    }
    CliRun bad = CliRun.of("datalist", "check", dir.resolve("bad.json").toString());
    assertEquals(1, bad.exitCode());
    assertTrue(bad.out().contains("gone.fits"), bad.out());
    assertTrue(bad.out().contains("junk.fits"), bad.out());
  }

  @Test
  void bannerCutsOneFramePerCatalogueRow() throws IOException {
    Wcs wcs = Wcs.fromHeader(FitsReader.read(map).header());
    StringBuilder csv = new StringBuilder("name,ra,dec,maj,class\n");
    double[][] pixels = {{100, 120}, {250, 60}, {5000, 5000}};
    for (int i = 0; i < pixels.length; i++) {
      SkyCoord c = wcs.pixelToSky(pixels[i][0], pixels[i][1]);
      csv.append("s").append(i).append(',').append(c.lon()).append(',').append(c.lat());
      csv.append(",60,FRII\n");
    }
    Path cat = dir.resolve("cat.csv");
    Files.writeString(cat, csv);
    Path out = dir.resolve("banner");
    CliRun r =
        CliRun.of(
            "cutouts",
            "banner",
            map.toString(),
            "--catalog",
            cat.toString(),
            "--label-col",
            "class",
            "--out",
            out.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    List<DatalistEntry> entries = DatalistReader.readAll(out.resolve("datalist.json"));
    assertEquals(List.of("s0", "s1"), entries.stream().map(DatalistEntry::sname).toList());
    assertEquals(List.of("FRII"), entries.get(0).labels());
    // 60" major axis at 2"/pixel: a 30-pixel box, 45 pixels with the default scale of 1.5.
    assertEquals(45, FitsReader.read(entries.get(0).files().get(0)).width());
    assertTrue(r.out().contains("centre outside the map"), r.out());
  }

  @Test
  void badOptionValueIsOneLine() {
    CliRun r =
        CliRun.of(
            "cutouts",
            "banner",
            map.toString(),
            "--catalog",
            "c.csv",
            "--scale",
            "-1",
            "--out",
            dir.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("-1"), r.err());
  }

  @Test
  void hulkOverAMissingMapReportsItAndFails() {
    Path out = dir.resolve("hulk");
    CliRun r =
        CliRun.of(
            "cutouts",
            "hulk",
            map.toString(),
            dir.resolve("nope.fits").toString(),
            "--size",
            "128",
            "--out",
            out.toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.out().contains("nope.fits"), r.out());
    assertTrue(Files.exists(out.resolve("datalist.json")), "what could be cut is kept");
  }

  @Test
  void cutoutsThatProduceNothingFailAndKeepTheOldOutput() throws IOException {
    // both used to exit 0, the datalist replaced by an empty one
    Path out = dir.resolve("cut");
    CliRun first =
        CliRun.of("cutouts", "hulk", map.toString(), "--size", "128", "--out", out.toString());
    assertEquals(0, first.exitCode(), first.err());
    Path datalist = out.resolve("datalist.json");
    byte[] before = Files.readAllBytes(datalist);

    CliRun hulk =
        CliRun.of("cutouts", "hulk", map.toString(), "--size", "1024", "--out", out.toString());
    assertEquals(1, hulk.exitCode(), hulk.out());
    assertTrue(hulk.err().startsWith("radioclr: " + map + ": no frame cut: 384x"), hulk.err());
    assertTrue(hulk.err().endsWith(" map is smaller than one 1024-pixel frame\n"), hulk.err());
    assertArrayEquals(before, Files.readAllBytes(datalist));

    Wcs wcs = Wcs.fromHeader(FitsReader.read(map).header());
    SkyCoord far = wcs.pixelToSky(5000, 5000);
    Path cat =
        Files.writeString(
            dir.resolve("far.csv"), "name,ra,dec,maj\nz," + far.lon() + "," + far.lat() + ",60\n");
    CliRun banner =
        CliRun.of(
            "cutouts",
            "banner",
            map.toString(),
            "--catalog",
            cat.toString(),
            "--out",
            out.toString());
    assertEquals(1, banner.exitCode(), banner.out());
    assertTrue(
        banner
            .err()
            .endsWith(
                "radioclr: "
                    + map
                    + ": no cutout written for the only source of "
                    + cat
                    + ": 1 centre outside the map\n"),
        banner.err());
    assertArrayEquals(before, Files.readAllBytes(datalist));
  }

  @Test
  void infoSummarisesAnAllBlankImageAndNamesABadPlaneOption() throws IOException {
    Path blank = dir.resolve("blank.fits");
    float[] nan = new float[16];
    java.util.Arrays.fill(nan, Float.NaN);
    org.radioclr.core.fits.FitsWriter.write(
        blank,
        new org.radioclr.core.image.Plane(4, 4, nan),
        org.radioclr.core.fits.FitsCards.create().tanSky(10, -30, 2, 2, 1e-3));
    // used to exit 1 with "no valid pixel"
    CliRun r = CliRun.of("info", blank.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("  shape     4 x 4 pixels\n"), r.out());
    assertTrue(r.out().contains("  WCS       TAN projection, ICRS\n"), r.out());
    assertTrue(r.out().contains("  blank     100 % (16 of 16 pixels"), r.out());

    // --plane -1 was taken as "the only plane"; --plane 1 said nothing of the option
    CliRun negative = CliRun.of("info", "--plane", "-1", blank.toString());
    assertEquals(1, negative.exitCode());
    assertEquals(
        "radioclr: --plane must be 0 or more (planes count from 0), got -1\n", negative.err());
    CliRun beyond = CliRun.of("info", "--plane", "1", blank.toString());
    assertEquals(1, beyond.exitCode());
    assertEquals(
        "radioclr: " + blank + ": --plane 1: a 2-D image has only plane 0\n", beyond.err());
    CliRun preprocess =
        CliRun.of(
            "preprocess",
            map.toString(),
            "--plane",
            "-2",
            "--out",
            dir.resolve("p.fits").toString());
    assertEquals(1, preprocess.exitCode());
    assertEquals(
        "radioclr: --plane must be 0 or more (planes count from 0), got -2\n", preprocess.err());
  }

  @Test
  void benchPreprocessPrintsATable() {
    Path cut = dir.resolve("hulk");
    CliRun.of("cutouts", "hulk", map.toString(), "--size", "128", "--out", cut.toString());
    CliRun r =
        CliRun.of(
            "bench",
            "preprocess",
            "--threads",
            "2",
            "--seconds",
            "0.2",
            "--size",
            "32",
            cut.resolve("frames").resolve("map_x0_y0.fits").toString());
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(1).contains("cutouts/s"), r.out());
    assertTrue(lines.get(2).trim().startsWith("1 "), r.out());
    assertTrue(lines.get(3).trim().startsWith("2 "), r.out());
  }

  @Test
  void benchPreprocessKeepsItsExampleFramesWhenAsked() throws IOException {
    Path keep = dir.resolve("bench-frames");
    CliRun r =
        CliRun.of(
            "bench",
            "preprocess",
            "--threads",
            "1",
            "--seconds",
            "0.2",
            "--size",
            "32",
            "--keep-frames",
            keep.toString());
    assertEquals(0, r.exitCode(), r.err());
    Path frames = keep.resolve("hulk").resolve("frames");
    List<Path> kept;
    try (var s = Files.list(frames)) {
      kept = s.filter(p -> p.toString().endsWith(".fits")).toList();
    }
    assertTrue(r.out().startsWith("pre-processing " + kept.size() + " FITS cutouts"), r.out());
    assertTrue(r.err().contains(kept.size() + " example frames kept in " + frames), r.err());
    assertEquals(256, FitsReader.read(kept.get(0)).width());
    CliRun again = CliRun.of("bench", "preprocess", "--keep-frames", keep.toString());
    assertEquals(1, again.exitCode());
    assertTrue(again.err().contains("not empty"), again.err());
    CliRun withInputs =
        CliRun.of(
            "bench",
            "preprocess",
            "--keep-frames",
            dir.resolve("other").toString(),
            map.toString());
    assertEquals(2, withInputs.exitCode());
    assertTrue(withInputs.err().contains("give no inputs"), withInputs.err());
    assertTrue(Files.notExists(dir.resolve("other")));
  }

  @Test
  void simulateWritesMapsCatalogueAndSetsAndRefusesAUsedFolder() throws IOException {
    Path out = dir.resolve("simout");
    CliRun r = CliRun.of("simulate", "--out", out.toString(), "--preset", "tiny", "--seed", "5");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(out.resolve("field-000/map.fits")));
    assertTrue(Files.exists(out.resolve("field-000/catalogue.vot")));
    assertTrue(Files.exists(out.resolve("sets/anomaly/datalist.json")));
    assertTrue(Files.exists(out.resolve("provenance.json")));
    CliRun again = CliRun.of("simulate", "--out", out.toString(), "--preset", "tiny");
    assertEquals(1, again.exitCode());
    assertTrue(again.err().contains("--force"), again.err());
    CliRun unknown =
        CliRun.of("simulate", "--out", dir.resolve("x").toString(), "--preset", "vlass");
    assertEquals(2, unknown.exitCode(), unknown.err());
    assertTrue(unknown.err().contains("unknown preset 'vlass'"), unknown.err());
    CliRun tooSmall = CliRun.of("simulate", "--out", dir.resolve("y").toString(), "--size", "10");
    assertEquals(2, tooSmall.exitCode(), tooSmall.err());
    assertTrue(tooSmall.err().contains("map size"), tooSmall.err());
    CliRun negative = CliRun.of("simulate", "--out", dir.resolve("z").toString(), "--rms", "-1e-5");
    assertEquals(2, negative.exitCode(), negative.err());
    assertTrue(negative.err().contains("noise rms must be finite and > 0"), negative.err());
    CliRun badMix =
        CliRun.of(
            "simulate", "--out", dir.resolve("w").toString(), "--mix", "compact=0.5,diffuse=0.2");
    assertEquals(2, badMix.exitCode(), badMix.err());
    assertTrue(badMix.err().contains("family mix must sum to 1"), badMix.err());
    assertEquals(1, badMix.err().strip().lines().count(), badMix.err());
    CliRun mixed =
        CliRun.of(
            "simulate",
            "--out",
            dir.resolve("v").toString(),
            "--preset",
            "tiny",
            "--no-sets",
            "--mix",
            "compact=0.5,radio-galaxy=0.5");
    assertEquals(0, mixed.exitCode(), mixed.err());
  }

  @Test
  void demoWritesAReportIntoAFreshFolderOnly() throws IOException {
    Path out = dir.resolve("demo");
    CliRun r = CliRun.of("demo", "--out", out.toString(), "--map-size", "1024", "--epochs", "1");
    assertEquals(0, r.exitCode(), r.err());
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("data:image/png;base64,"));
    assertTrue(html.contains("simulated EMU-pilot field"), "steps table");
    assertTrue(html.contains("SimCLR training"), "training section");
    assertTrue(Files.exists(out.resolve("features.parquet")));
    assertTrue(Files.exists(out.resolve("simclr-run/metrics.csv")));
    assertTrue(html.contains("RADIO-GALAXY") || html.contains("COMPACT"), "frame label table");
    assertTrue(r.out().contains("hulk frames: "), r.out());
    assertTrue(html.contains("Classification: linear probe"), "classification section");
    assertTrue(html.contains("Peculiar-object search"), "anomaly section");
    assertTrue(html.contains("shipped detector beside the island finder"), "detection section");
    assertTrue(Files.exists(out.resolve("detection/map-detector/maps.csv")));
    assertTrue(Files.exists(out.resolve("detection/evaluation/report.html")));
    String log = Files.readString(out.resolve("commands.log"));
    assertTrue(log.contains("$ radioclr classify probe --features --train "), log);
    CliRun again = CliRun.of("demo", "--out", out.toString(), "--map-size", "512", "--epochs", "0");
    assertEquals(1, again.exitCode());
    assertTrue(again.err().contains("not empty"), again.err());
  }
}
