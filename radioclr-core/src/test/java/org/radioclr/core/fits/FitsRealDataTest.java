package org.radioclr.core.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.testkit.RealData;

/**
 * The reader on real survey data ({@code ../shared/data}, skipped when absent): all 658 FR-DEEP
 * FIRST cutouts (SkyView headers with TABs in COMMENT cards, names with spaces) and the three
 * SCORPIO ATCA maps. Reference pixel values were read with astropy 5.2.1 ({@code fits.getdata(f)[y,
 * x]}).
 */
class FitsRealDataTest {
  @TempDir Path dir;

  private static void assertAllFinite(FitsImage img) {
    int bad = 0;
    for (float v : img.plane().data()) {
      bad += Float.isFinite(v) ? 0 : 1;
    }
    assertEquals(0, bad, () -> img.source() + " has non-finite pixels");
  }

  @Test
  void everyFirstCutoutLoads() throws IOException {
    List<Path> files = RealData.fitsFiles("frdeep-first");
    assertEquals(658, files.size());
    int withSpaces = 0;
    for (Path f : files) {
      FitsImage img = FitsReader.read(f);
      assertArrayEquals(new long[] {150, 150}, img.axes(), f.toString());
      assertEquals(-32, img.bitpix());
      assertEquals(List.of("RA---TAN", "DEC--TAN"), img.skyCtypes(), f.toString());
      assertFalse(img.beam().isPresent(), "FIRST headers carry no BMAJ");
      assertAllFinite(img);
      withSpaces += f.getFileName().toString().contains(" ") ? 1 : 0;
    }
    assertTrue(withSpaces > 0, "the set includes names with spaces");
  }

  @Test
  void firstPixelsMatchAstropy() {
    Path f = RealData.require("frdeep-first").resolve("3C 192_II.fits");
    FitsImage img = FitsReader.read(f);
    assertEquals(-0.00018544661f, img.plane().get(0, 0), 1e-10f);
    assertEquals(0.00010986871f, img.plane().get(20, 10), 1e-10f);
    assertEquals(0.0058791256f, img.plane().get(74, 75), 1e-10f);
    assertEquals(121.38, img.header().getDoubleValue("CRVAL1"), 1e-9);
  }

  @Test
  void firstCutoutSurvivesAWriteReadRoundTrip() {
    Path f = RealData.require("frdeep-first").resolve("3C 192_II.fits");
    FitsImage img = FitsReader.read(f);
    Path out = dir.resolve("copy.fits");
    FitsWriter.write(out, img.plane(), FitsCards.from(img).history("copied"));
    FitsImage back = FitsReader.read(out);
    assertArrayEquals(img.plane().data(), back.plane().data());
    for (String key : List.of("CRVAL1", "CRVAL2", "CRPIX1", "CRPIX2", "CDELT1", "CDELT2")) {
      assertEquals(img.header().getDoubleValue(key), back.header().getDoubleValue(key), 0, key);
    }
    assertEquals(img.skyCtypes(), back.skyCtypes());
  }

  @Test
  void atcaMapsLoad() throws IOException {
    List<Path> files = RealData.fitsFiles("atca-scorpio");
    assertEquals(3, files.size());
    for (Path f : files) {
      FitsImage img = FitsReader.read(f);
      assertArrayEquals(new long[] {1000, 1000}, img.axes(), f.toString());
      assertEquals(List.of("RA---NCP", "DEC--NCP"), img.skyCtypes());
      assertEquals("FREQ-LSR", img.ctype(3).orElseThrow(), "degenerate axes described in 2-D");
      assertEquals("JY/BEAM", img.unit().orElseThrow());
      assertEquals(6.5, img.beam().orElseThrow().majorArcsec(), 0.01);
      assertAllFinite(img);
    }
  }

  @Test
  void atcaPixelsMatchAstropy() {
    Path f = RealData.require("atca-scorpio").resolve("ScorpioS17Field.fits");
    FitsImage img = FitsReader.read(f);
    assertEquals(0.000200372f, img.plane().get(0, 0), 1e-10f);
    assertEquals(0.00043783456f, img.plane().get(400, 500), 1e-10f);
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : img.plane().data()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertEquals(-0.00034163834f, min, 1e-10f);
    assertEquals(0.14643572f, max, 1e-8f);
  }
}
