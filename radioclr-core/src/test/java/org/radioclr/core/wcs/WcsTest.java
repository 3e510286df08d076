package org.radioclr.core.wcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import nom.tam.fits.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Wcs} against astropy 5.2.1 / wcslib reference vectors ({@code wcs_cases.json}): every
 * projection, every linear form, poles, southern fields, Galactic axes, NCP with the ATCA values.
 */
class WcsTest {
  private static final double SKY_TOL_DEG = 1e-6;
  private static final double PIX_TOL = 1e-6;

  /** Max deviations per projection: {sky deg, pixel}. */
  private static final Map<String, double[]> MAX_DEV = new ConcurrentHashMap<>();

  static Stream<Arguments> cases() {
    List<JsonNode> cases = ReferenceData.cases();
    return cases.stream().map(c -> Arguments.of(c.get("name").asText(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pixelToSkyMatchesAstropy(String name, JsonNode item) {
    Wcs wcs = Wcs.fromHeader(ReferenceData.header(item));
    double[][] pix = ReferenceData.pairs(item, "pix");
    double[][] sky = ReferenceData.pairs(item, "sky");
    double max = 0.0;
    int valid = 0;
    for (int i = 0; i < pix.length; i++) {
      SkyCoord got = wcs.pixelToSky(pix[i][0], pix[i][1]);
      String where = name + " pixel (" + pix[i][0] + ", " + pix[i][1] + ")";
      if (Double.isNaN(sky[i][0])) {
        assertFalse(got.isValid(), where + ": astropy gives NaN, got " + got);
        continue;
      }
      assertTrue(got.isValid(), where + ": astropy gives " + sky[i][0] + ", " + sky[i][1]);
      valid++;
      double dLat = Math.abs(got.lat() - sky[i][1]);
      double dLon = Math.abs(ReferenceData.lonDiff(got.lon(), sky[i][0]));
      // Longitude is ill-defined within 1e-6 deg of a pole; compare it on the sky there.
      double dLonSky = dLon * Math.cos(Math.toRadians(sky[i][1]));
      double dev = Math.max(dLat, Math.abs(sky[i][1]) > 89.9999 ? dLonSky : dLon);
      assertTrue(
          dev <= SKY_TOL_DEG, where + ": got " + got + ", astropy " + sky[i][0] + ", " + sky[i][1]);
      max = Math.max(max, dev);
    }
    assertTrue(valid >= pix.length / 2, name + ": too few valid points to be a test");
    record(item, 0, max);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void skyToPixelMatchesAstropy(String name, JsonNode item) {
    Wcs wcs = Wcs.fromHeader(ReferenceData.header(item));
    double[][] sky = ReferenceData.pairs(item, "sky_in");
    double[][] pix = ReferenceData.pairs(item, "pix_out");
    double max = comparePixels(name, sky, pix, (lon, lat) -> wcs.skyToPixel(lon, lat));
    record(item, 1, max);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void skyToPixelConvertsFrameLikeAstropy(String name, JsonNode item) {
    if (!item.has("icrs_in")) {
      return; // ICRS case: nothing to convert
    }
    Wcs wcs = Wcs.fromHeader(ReferenceData.header(item));
    double[][] sky = ReferenceData.pairs(item, "icrs_in");
    double[][] pix = ReferenceData.pairs(item, "pix_from_icrs");
    double max =
        comparePixels(
            name,
            sky,
            pix,
            (lon, lat) -> wcs.skyToPixel(new SkyCoord(lon, lat, CelestialFrame.ICRS)));
    record(item, 1, max);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void describesProjectionFrameAndScale(String name, JsonNode item) {
    Wcs wcs = Wcs.fromHeader(ReferenceData.header(item));
    assertEquals(item.get("projection").asText(), wcs.projection(), name);
    assertEquals(CelestialFrame.valueOf(item.get("frame").asText()), wcs.frame(), name);
    double[] scale = wcs.pixelScaleDeg();
    JsonNode expected = item.get("pixel_scale_deg");
    for (int k = 0; k < 2; k++) {
      assertEquals(expected.get(k).asDouble(), scale[k], 1e-12 * scale[k], name + " axis " + k);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void roundTripsPixelSkyPixel(String name, JsonNode item) {
    Header h = ReferenceData.header(item);
    Wcs wcs = Wcs.fromHeader(h);
    SplittableRandom random = new SplittableRandom(42);
    int n1 = h.getIntValue("NAXIS1");
    int n2 = h.getIntValue("NAXIS2");
    int checked = 0;
    for (int i = 0; i < 200; i++) {
      double x = random.nextDouble(-0.1, 1.1) * n1;
      double y = random.nextDouble(-0.1, 1.1) * n2;
      SkyCoord s = wcs.pixelToSky(x, y);
      if (!s.isValid()) {
        continue;
      }
      double[] back = wcs.skyToPixel(s.lon(), s.lat());
      assertEquals(x, back[0], 1e-7, name + " x at (" + x + ", " + y + ")");
      assertEquals(y, back[1], 1e-7, name + " y at (" + x + ", " + y + ")");
      checked++;
    }
    assertTrue(checked > 50, name + ": only " + checked + " points inside the projection");
  }

  @Test
  void referencePixelMapsToReferenceSky() {
    Header h =
        headerOf(
            "CTYPE1",
            "'RA---SIN'",
            "CTYPE2",
            "'DEC--SIN'",
            "CRVAL1",
            "250.5",
            "CRVAL2",
            "-41.0",
            "CRPIX1",
            "101.0",
            "CRPIX2",
            "51.0",
            "CDELT1",
            "-0.001",
            "CDELT2",
            "0.001");
    Wcs wcs = Wcs.fromHeader(h);
    assertArrayEquals(new double[] {100.0, 50.0}, wcs.referencePixel(), 0.0);
    SkyCoord ref = wcs.pixelToSky(100.0, 50.0);
    assertEquals(250.5, ref.lon(), 1e-12);
    assertEquals(-41.0, ref.lat(), 1e-12);
    assertEquals(wcs.referenceSky(), new SkyCoord(250.5, -41.0, CelestialFrame.ICRS));
    // One pixel right is one pixel scale to the west (RA decreases with CDELT1 < 0).
    SkyCoord right = wcs.pixelToSky(101.0, 50.0);
    assertTrue(right.lon() < 250.5);
    assertEquals(0.001, right.separationDeg(ref), 1e-12);
  }

  @Test
  void sinBeyondHorizonIsNaNNotException() {
    Header h =
        headerOf(
            "CTYPE1",
            "'RA---SIN'",
            "CTYPE2",
            "'DEC--SIN'",
            "CRVAL1",
            "0.0",
            "CRVAL2",
            "0.0",
            "CRPIX1",
            "1.0",
            "CRPIX2",
            "1.0",
            "CDELT1",
            "-1.0",
            "CDELT2",
            "1.0");
    Wcs wcs = Wcs.fromHeader(h);
    assertFalse(wcs.pixelToSky(60.0, 0.0).isValid()); // 60 deg in the plane > R0 = 57.3 deg
    assertTrue(wcs.pixelToSky(57.0, 0.0).isValid());
    double[] back = wcs.skyToPixel(180.0, 0.0); // the far side
    assertTrue(Double.isNaN(back[0]) && Double.isNaN(back[1]));
    double[] nan = wcs.skyToPixel(Double.NaN, 0.0);
    assertTrue(Double.isNaN(nan[0]) && Double.isNaN(nan[1]));
    double[] out = new double[2];
    wcs.pixelToSky(1e6, 1e6, out);
    assertTrue(Double.isNaN(out[0]) && Double.isNaN(out[1]));
  }

  @Test
  void isImmutableAgainstCallerArrays() {
    Header h =
        headerOf(
            "CTYPE1",
            "'RA---TAN'",
            "CTYPE2",
            "'DEC--TAN'",
            "CRVAL1",
            "10.0",
            "CRVAL2",
            "20.0",
            "CRPIX1",
            "1.0",
            "CRPIX2",
            "1.0",
            "CDELT1",
            "-0.5",
            "CDELT2",
            "0.25");
    Wcs wcs = Wcs.fromHeader(h);
    wcs.pixelScaleDeg()[0] = 99.0;
    wcs.referencePixel()[0] = 99.0;
    assertArrayEquals(new double[] {0.5, 0.25}, wcs.pixelScaleDeg(), 0.0);
    assertArrayEquals(new double[] {0.0, 0.0}, wcs.referencePixel(), 0.0);
  }

  @AfterAll
  static void printDeviations() {
    Map<String, double[]> sorted = new TreeMap<>(MAX_DEV);
    StringBuilder sb = new StringBuilder("max |deviation| vs astropy 5.2.1 per projection:\n");
    sorted.forEach(
        (k, v) -> sb.append(String.format("  %-4s sky %.2e deg   pixel %.2e px%n", k, v[0], v[1])));
    System.out.print(sb);
  }

  // ---- helpers ----

  interface SkyToPixel {
    double[] apply(double lon, double lat);
  }

  private static double comparePixels(String name, double[][] sky, double[][] pix, SkyToPixel f) {
    double max = 0.0;
    int valid = 0;
    for (int i = 0; i < sky.length; i++) {
      double[] got = f.apply(sky[i][0], sky[i][1]);
      String where = name + " sky (" + sky[i][0] + ", " + sky[i][1] + ")";
      if (Double.isNaN(pix[i][0])) {
        assertTrue(
            Double.isNaN(got[0]) && Double.isNaN(got[1]),
            where + ": astropy gives NaN, got " + got[0] + ", " + got[1]);
        continue;
      }
      valid++;
      double dev = Math.max(Math.abs(got[0] - pix[i][0]), Math.abs(got[1] - pix[i][1]));
      assertTrue(
          dev <= PIX_TOL,
          where
              + ": got ("
              + got[0]
              + ", "
              + got[1]
              + "), astropy ("
              + pix[i][0]
              + ", "
              + pix[i][1]
              + ")");
      max = Math.max(max, dev);
    }
    assertTrue(valid >= sky.length / 2, name + ": too few valid points to be a test");
    return max;
  }

  private static void record(JsonNode item, int which, double dev) {
    MAX_DEV.compute(
        item.get("projection").asText(),
        (k, v) -> {
          double[] r = v == null ? new double[2] : v.clone();
          r[which] = Math.max(r[which], dev);
          return r;
        });
  }

  /** A header from key/value pairs (values in FITS syntax). */
  static Header headerOf(String... kv) {
    String[] cards = new String[kv.length / 2];
    for (int i = 0; i < cards.length; i++) {
      cards[i] = String.format("%-8s= %20s", kv[2 * i], kv[2 * i + 1]);
      cards[i] = String.format("%-80s", cards[i]);
    }
    return new Header(cards);
  }
}
