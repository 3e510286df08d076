package org.radioclr.core.cutout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.testkit.RealData;

class HulkCutterTest {
  @TempDir Path dir;

  /** Gaussian noise of the given rms, with the left {@code blankColumns} columns blanked (0). */
  private static Plane noiseMap(int w, int h, double rms, int blankColumns, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Plane p = Plane.zeros(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = blankColumns; x < w; x++) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        p.set(x, y, (float) (rms * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)));
      }
    }
    return p;
  }

  private Path writeMap(String name, Plane plane, boolean withWcs) {
    Path f = dir.resolve(name);
    FitsCards cards =
        FitsCards.create().set("BUNIT", "JY/BEAM").set("BMAJ", 0.002).set("BMIN", 0.002);
    if (withWcs) {
      cards.tanSky(150.0, -30.0, plane.width() / 2.0, plane.height() / 2.0, 1.5 / 3600);
    }
    FitsWriter.write(f, plane, cards);
    return f;
  }

  @Test
  void cutsOverlappingFramesSkipsBlankOnesAndRecordsWhereEachCameFrom() {
    // 96 wide, 64 high, frames of 32 with step 16: 5 x 3 positions. The 20 blank columns make the
    // frames at x0 = 0 62.5% blank (skipped) and those at x0 = 16 12.5% blank (kept).
    Path map = writeMap("field one.fits", noiseMap(96, 64, 1e-4, 20, 1), true);
    Path out = dir.resolve("out");
    CutoutSummary s =
        new HulkCutter(new HulkConfig(32, 16, 0.3), ProgressListener.NONE).cut(List.of(map), out);

    assertEquals(12, s.written());
    assertEquals(3, s.skippedTotal());
    assertTrue(s.failures().isEmpty());
    List<DatalistEntry> entries = DatalistReader.readAll(out.resolve(HulkCutter.DATALIST));
    assertEquals(12, entries.size());

    Wcs mapWcs = Wcs.fromHeader(FitsReader.read(map).header());
    Plane mapPixels = FitsReader.read(map).plane();
    for (DatalistEntry e : entries) {
      int x0 = ((Number) e.extras().get("x0")).intValue();
      int y0 = ((Number) e.extras().get("y0")).intValue();
      assertEquals("field_one_x" + x0 + "_y" + y0, e.sname());
      FitsImage frame = FitsReader.read(e.files().get(0));
      assertEquals(32, frame.width());
      assertEquals(mapPixels.get(x0 + 5, y0 + 7), frame.plane().get(5, 7));
      // The frame's own WCS and the datalist's centre both agree with the map's WCS.
      SkyCoord expected = mapWcs.pixelToSky(x0 + 15.5, y0 + 15.5);
      SkyCoord own = Wcs.fromHeader(frame.header()).pixelToSky(15.5, 15.5);
      assertEquals(0, expected.separationDeg(own), 1e-9);
      assertEquals(expected.lon(), ((Number) e.extras().get("ra")).doubleValue(), 1e-9);
      assertEquals(expected.lat(), ((Number) e.extras().get("dec")).doubleValue(), 1e-9);
      double rms = ((Number) e.extras().get("rms")).doubleValue();
      assertEquals(1e-4, rms, 0.25e-4, "local noise rms of " + e.sname());
      assertTrue(frame.beam().isPresent(), "beam kept");
    }
  }

  @Test
  void badMapIsReportedAndTheRunGoesOn() throws IOException {
    Path good = writeMap("good.fits", noiseMap(40, 40, 1, 0, 2), true);
    Path bad = dir.resolve("bad.fits");
    Files.writeString(bad, "not a fits file at all");
    CutoutSummary s =
        new HulkCutter(new HulkConfig(32, 16, 0.3), ProgressListener.NONE)
            .cut(List.of(bad, good), dir.resolve("out"));
    assertEquals(1, s.written());
    assertEquals(1, s.failures().size());
    assertTrue(s.failures().get(0).startsWith(bad.toString()), s.failures().get(0));
  }

  @Test
  void mapWithoutWcsGivesFramesWithoutSkyCoordinatesAndAWarning() {
    Path map = writeMap("plain.fits", noiseMap(40, 40, 1, 0, 3), false);
    Path out = dir.resolve("out");
    CutoutSummary s =
        new HulkCutter(new HulkConfig(32, 16, 0.3), ProgressListener.NONE).cut(List.of(map), out);
    assertEquals(1, s.written());
    assertEquals(1, s.warnings().size());
    DatalistEntry e = DatalistReader.readAll(out.resolve(HulkCutter.DATALIST)).get(0);
    assertFalse(e.extras().containsKey("ra"));
  }

  @Test
  void unwritableOutputIsOneClearError() throws IOException {
    Path map = writeMap("m.fits", noiseMap(40, 40, 1, 0, 4), true);
    Path file = dir.resolve("occupied");
    Files.writeString(file, "x");
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> new HulkCutter(HulkConfig.PAPER, ProgressListener.NONE).cut(List.of(map), file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  @Test
  void stemsAreSafeAndUnique() {
    Set<String> used = new HashSet<>();
    assertEquals(
        "3C_192_II",
        FileStems.unique(FileStems.withoutFitsExtension(Path.of("a/3C 192_II.fits")), used));
    assertEquals(
        "3C_192_II-2",
        FileStems.unique(FileStems.withoutFitsExtension(Path.of("b/3C 192_II.fits.gz")), used));
    assertEquals("map", FileStems.unique(FileStems.withoutFitsExtension(Path.of("map.fz")), used));
  }

  @Test
  @Tag("slow")
  void atcaMapsGiveTheExpectedFramesAtTheRightSkyPositions() {
    Path atca = RealData.require("atca-scorpio");
    List<Path> maps =
        List.of(
            atca.resolve("ScorpioExtendedSourceField.fits"),
            atca.resolve("ScorpioFaintSNRField.fits"),
            atca.resolve("ScorpioS17Field.fits"));
    int expected = 0;
    for (Path m : maps) {
      expected += countFramesNaively(FitsReader.read(m).plane(), 256, 128, 0.3);
    }
    Path out = dir.resolve("atca");
    CutoutSummary s = new HulkCutter(HulkConfig.PAPER, ProgressListener.NONE).cut(maps, out);
    assertEquals(expected, s.written());
    assertEquals(3 * 36, s.written() + s.skippedTotal(), "6 x 6 positions on each 1000^2 map");
    for (DatalistEntry e : DatalistReader.readAll(out.resolve(HulkCutter.DATALIST))) {
      Path map = out.resolve((String) e.extras().get("map"));
      Wcs mapWcs = Wcs.fromHeader(FitsReader.read(map).header());
      int x0 = ((Number) e.extras().get("x0")).intValue();
      int y0 = ((Number) e.extras().get("y0")).intValue();
      SkyCoord c = mapWcs.pixelToSky(x0 + 127.5, y0 + 127.5);
      assertEquals(c.lon(), ((Number) e.extras().get("ra")).doubleValue(), 1e-6);
      assertEquals(c.lat(), ((Number) e.extras().get("dec")).doubleValue(), 1e-6);
      FitsImage frame = FitsReader.read(e.files().get(0));
      assertEquals("NCP", Wcs.fromHeader(frame.header()).projection());
      assertEquals(
          0, c.separationDeg(Wcs.fromHeader(frame.header()).pixelToSky(127.5, 127.5)), 1e-6);
    }
  }

  /** Reference count by brute force: every window position, every pixel tested. */
  private static int countFramesNaively(Plane map, int size, int step, double maxBlank) {
    int n = 0;
    for (int y0 = 0; y0 + size <= map.height(); y0 += step) {
      for (int x0 = 0; x0 + size <= map.width(); x0 += step) {
        int blank = 0;
        for (int y = y0; y < y0 + size; y++) {
          for (int x = x0; x < x0 + size; x++) {
            if (!Pixels.isValid(map.get(x, y))) {
              blank++;
            }
          }
        }
        if (blank <= maxBlank * size * size) {
          n++;
        }
      }
    }
    return n;
  }
}
