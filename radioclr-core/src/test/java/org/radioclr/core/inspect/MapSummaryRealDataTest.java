package org.radioclr.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.testkit.RealData;

/**
 * Summaries of the real maps in {@code ../shared/data} (skipped when absent): the ATCA SCORPIO NCP
 * mosaics and a sample of the FIRST cutouts, whose centres must match their {@code labels.csv}
 * positions.
 */
class MapSummaryRealDataTest {

  /**
   * Reference rms and median from astropy 5.2.1 / numpy 1.24 over the valid pixels (none is blank):
   * {@code sigma_clipped_stats(v, sigma=3)[2]} and {@code np.median(v)}.
   */
  @ParameterizedTest
  @CsvSource({
    "ScorpioExtendedSourceField.fits, 0.00012634149505600035, 0.00014101463602855802",
    "ScorpioFaintSNRField.fits, 0.00010897700320960269, 0.00012329407036304474",
    "ScorpioS17Field.fits, 0.00017524090379409895, 0.0001864640726125799"
  })
  void atcaMaps(String name, double rmsAstropy, double medianNumpy) {
    Path file = RealData.require("atca-scorpio").resolve(name);
    MapSummary s = MapSummary.of(FitsReader.read(file));
    SkySummary sky = s.sky().orElseThrow();
    assertEquals("NCP", sky.projection());
    assertEquals(CelestialFrame.FK5, sky.frame());
    assertEquals(1.5, sky.pixelScaleXArcsec(), 1e-3);
    assertEquals(1.5, sky.pixelScaleYArcsec(), 1e-3);
    assertEquals(25.0, sky.widthArcmin(), 0.01);
    assertEquals(List.of(1000L, 1000L), s.axes());
    assertEquals(-32, s.bitpix());
    assertEquals(Optional.of("JY/BEAM"), s.unit());
    assertEquals(6.5, s.beam().orElseThrow().majorArcsec(), 0.01);
    // Galactic-plane fields
    assertTrue(Math.abs(sky.centre().galactic().lat()) < 3.0, sky.centre().toString());
    assertEquals(0, s.pixels().blank());
    assertEquals(rmsAstropy, s.pixels().rms(), 1e-9 * rmsAstropy);
    assertEquals(medianNumpy, s.pixels().median(), 1e-12);
    assertTrue(s.pixels().min() < s.pixels().median() && s.pixels().median() < s.pixels().max());
    assertTrue(s.toText().contains("WCS       NCP projection, FK5"), s.toText());
  }

  @Test
  void firstCutoutsAreTanAtTheirCataloguePositions() throws IOException {
    Path dir = RealData.require("frdeep-first");
    List<String> rows = Files.readAllLines(dir.resolve("labels.csv"));
    assertEquals("file,label,ra_deg,dec_deg,split,object_id", rows.get(0));
    int checked = 0;
    for (int i = 1; i < rows.size(); i += 47) { // a sample of 14 across the list
      String[] f = rows.get(i).split(",");
      MapSummary s = MapSummary.of(FitsReader.read(dir.resolve(f[0])));
      SkySummary sky = s.sky().orElseThrow();
      assertEquals("TAN", sky.projection(), f[0]);
      assertEquals(1.8, sky.pixelScaleXArcsec(), 1e-6, f[0]);
      assertEquals(1.8, sky.pixelScaleYArcsec(), 1e-6, f[0]);
      assertEquals(List.of(150L, 150L), s.axes(), f[0]);
      SkyCoord want =
          new SkyCoord(Double.parseDouble(f[2]), Double.parseDouble(f[3]), sky.equatorialFrame());
      double sepArcsec = sky.centre().equatorial().separationDeg(want) * 3600.0;
      assertTrue(sepArcsec < 2.0, f[0] + ": centre " + sepArcsec + " arcsec from labels.csv");
      assertTrue(s.beam().isEmpty(), f[0]);
      checked++;
    }
    assertEquals(14, checked);
  }
}
