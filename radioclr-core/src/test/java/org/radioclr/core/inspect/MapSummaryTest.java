package org.radioclr.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.fits.Beam;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;

class MapSummaryTest {
  static final int W = 200;
  static final int H = 150;
  static final double SIGMA = 1.5e-4; // Jy/beam
  static final double PIXEL_ARCSEC = 2.0;

  /** Blank pixels: NaN, 0, +Inf and -Inf at known places. */
  static final int[][] BLANKS = {{0, 0}, {199, 149}, {10, 20}, {57, 3}, {120, 100}, {5, 140}};

  @TempDir Path dir;

  /** A TAN map centred on (150, -30) ICRS, Gaussian noise, two bright sources, blanks, a beam. */
  static Path syntheticMap(Path dir) {
    float[] d = new float[W * H];
    SplittableRandom rnd = new SplittableRandom(20240611L);
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (SIGMA * rnd.nextGaussian());
    }
    d[70 * W + 40] = 0.25f; // bright sources, must not inflate the rms
    d[30 * W + 160] = 1.5f;
    float[] blankValues = {Float.NaN, 0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
    for (int i = 0; i < BLANKS.length; i++) {
      d[BLANKS[i][1] * W + BLANKS[i][0]] = blankValues[i % blankValues.length];
    }
    Path file = dir.resolve("synthetic map.fits");
    FitsWriter.write(
        file,
        new Plane(W, H, d),
        FitsCards.create()
            .tanSky(150.0, -30.0, (W + 1) / 2.0, (H + 1) / 2.0, PIXEL_ARCSEC / 3600.0)
            .beam(new Beam(6.5 / 3600.0, 5.0 / 3600.0, 30.0))
            .set("BUNIT", "Jy/beam"));
    return file;
  }

  @Test
  void summaryOfASyntheticMap() {
    FitsImage image = FitsReader.read(syntheticMap(dir));
    MapSummary s = MapSummary.of(image);

    assertEquals(image.source(), s.file());
    assertEquals(List.of((long) W, (long) H), s.axes());
    assertEquals(W, s.width());
    assertEquals(H, s.height());
    assertEquals(0, s.plane());
    assertEquals(-32, s.bitpix());
    assertEquals(Optional.of("Jy/beam"), s.unit());
    assertEquals(Optional.empty(), s.wcsProblem());

    Beam beam = s.beam().orElseThrow();
    assertEquals(6.5, beam.majorArcsec(), 1e-9);
    assertEquals(5.0, beam.minorArcsec(), 1e-9);
    assertEquals(30.0, beam.positionAngle(), 1e-12);

    PixelStats p = s.pixels();
    assertEquals(W * H, p.pixels());
    assertEquals(BLANKS.length, p.blank());
    assertEquals(BLANKS.length / (double) (W * H), p.blankFraction(), 0.0);
    assertEquals(SIGMA, p.rms(), 0.03 * SIGMA);
    assertEquals(1.5, p.max(), 0.0);
    double[] sorted = sortedValid(image.plane());
    assertEquals(sorted[0], p.min(), 0.0);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    assertEquals(median, p.median(), 0.0);
  }

  @Test
  void skyCentreCornersAndScaleComeFromTheWcs() {
    FitsImage image = FitsReader.read(syntheticMap(dir));
    SkySummary sky = MapSummary.of(image).sky().orElseThrow();
    Wcs wcs = Wcs.fromHeader(image.header());

    assertEquals("TAN", sky.projection());
    assertEquals(CelestialFrame.ICRS, sky.frame());
    assertEquals(CelestialFrame.ICRS, sky.equatorialFrame());
    assertEquals(PIXEL_ARCSEC, sky.pixelScaleXArcsec(), 1e-9);
    assertEquals(PIXEL_ARCSEC, sky.pixelScaleYArcsec(), 1e-9);
    assertEquals(W * PIXEL_ARCSEC / 60.0, sky.widthArcmin(), 1e-9);
    assertEquals(H * PIXEL_ARCSEC / 60.0, sky.heightArcmin(), 1e-9);

    // the reference pixel is the image centre, so the centre is CRVAL exactly
    SkyPoint c = sky.centre();
    assertEquals((W - 1) / 2.0, c.x(), 0.0);
    assertEquals((H - 1) / 2.0, c.y(), 0.0);
    assertEquals(150.0, c.equatorial().lon(), 1e-9);
    assertEquals(-30.0, c.equatorial().lat(), 1e-9);
    // astropy 5.2.1: SkyCoord(150*u.deg, -30*u.deg, frame='icrs').galactic
    assertEquals(264.2006327969726, c.galactic().lon(), 1e-8);
    assertEquals(19.69348031537668, c.galactic().lat(), 1e-8);

    double[][] corners = {{0, 0}, {W - 1, 0}, {0, H - 1}, {W - 1, H - 1}};
    assertEquals(4, sky.corners().size());
    for (int i = 0; i < 4; i++) {
      SkyPoint got = sky.corners().get(i);
      SkyCoord want = wcs.pixelToSky(corners[i][0], corners[i][1]);
      assertEquals(corners[i][0], got.x(), 0.0);
      assertEquals(corners[i][1], got.y(), 0.0);
      assertEquals(want, got.equatorial(), "corner " + i);
      assertEquals(want.to(CelestialFrame.GALACTIC), got.galactic(), "corner " + i);
    }
    // RA grows to the left: pixel (0, 0) is east (larger RA) of (W-1, 0), and south of (0, H-1)
    assertTrue(sky.corners().get(0).equatorial().lon() > sky.corners().get(1).equatorial().lon());
    assertTrue(sky.corners().get(0).equatorial().lat() < sky.corners().get(2).equatorial().lat());
  }

  @Test
  void mapWithoutWcsReportsWhyAndKeepsTheRest() {
    Path file = dir.resolve("plain.fits");
    float[] d = new float[40 * 30];
    for (int i = 0; i < d.length; i++) {
      d[i] = i + 1;
    }
    d[5] = Float.NaN;
    FitsWriter.write(file, new Plane(40, 30, d));
    MapSummary s = MapSummary.of(FitsReader.read(file));

    assertTrue(s.sky().isEmpty());
    assertEquals("no celestial WCS: CTYPE1 is missing", s.wcsProblem().orElseThrow());
    assertEquals(List.of(40L, 30L), s.axes());
    assertEquals(Optional.empty(), s.unit());
    assertEquals(Optional.empty(), s.beam());
    assertEquals(1, s.pixels().blank());
    assertEquals(1.0, s.pixels().min(), 0.0);
    assertEquals(1200.0, s.pixels().max(), 0.0);
    String text = s.toText();
    assertTrue(text.contains("  WCS       none: no celestial WCS: CTYPE1 is missing\n"), text);
    assertTrue(text.contains("  unit      (none)\n"), text);
    assertTrue(text.contains("  max       1200\n"), text);
    assertFalse(text.contains("centre"), text);
  }

  @Test
  void imageWithNoValidPixelIsSummarisedAsAllBlank() {
    // info used to stop at "no valid pixel"; the size, WCS and blank share are what one wants
    for (float v : new float[] {Float.NaN, 0f}) {
      Path file = dir.resolve("blank" + v + ".fits");
      FitsWriter.write(
          file, new Plane(4, 3, filled(12, v)), FitsCards.create().tanSky(10, 20, 2, 2, 1e-3));
      MapSummary s = MapSummary.of(FitsReader.readEvenIfBlank(file, 0), 0);
      assertEquals(12, s.pixels().blank());
      assertEquals(1.0, s.pixels().blankFraction(), 0.0);
      assertTrue(s.sky().isPresent());
      String text = s.toText();
      assertTrue(text.contains("  shape     4 x 3 pixels\n"), text);
      assertTrue(text.contains("  WCS       TAN projection, ICRS\n"), text);
      assertTrue(
          text.contains("  blank     100 % (12 of 12 pixels NaN, Inf or 0): no valid pixel\n"),
          text);
      assertTrue(text.contains("  rms       n/a"), text);
      assertTrue(text.contains("  max       n/a"), text);
      var json = s.toJsonNode().get("pixels");
      assertEquals(1.0, json.get("blank_fraction").asDouble(), 0.0);
      assertTrue(json.get("rms").isNull(), json.toString());
    }
  }

  @Test
  void missingCrpixTakesTheFitsDefaultAndTheSummarySaysSo() {
    // the WCS was dropped ("CRPIX1 is missing"); the FITS standard defaults CRPIXn to 0
    Path file = dir.resolve("nocrpix.fits");
    FitsWriter.write(
        file,
        new Plane(8, 8, filled(64, 1f)),
        FitsCards.create().tanSky(10, 20, 0, 0, 1e-3).remove("CRPIX1").remove("CRPIX2"));
    MapSummary s = MapSummary.of(FitsReader.read(file));
    SkySummary sky = s.sky().orElseThrow();
    assertEquals(List.of("CRPIX1 = 0", "CRPIX2 = 0"), sky.defaults());
    Wcs explicit = Wcs.fromHeader(headerOf(dir, FitsCards.create().tanSky(10, 20, 0, 0, 1e-3)));
    SkyCoord corner = explicit.pixelToSky(7, 7);
    assertEquals(0.0, sky.corners().get(3).equatorial().separationDeg(corner), 1e-12);
    assertTrue(
        s.toText()
            .contains(
                "  WCS       TAN projection, ICRS  (not in the header, FITS defaults used:"
                    + " CRPIX1 = 0, CRPIX2 = 0)\n"),
        s.toText());
    assertEquals(
        "[\"CRPIX1 = 0\",\"CRPIX2 = 0\"]", s.toJsonNode().get("wcs").get("defaults").toString());
  }

  private static nom.tam.fits.Header headerOf(Path dir, FitsCards cards) {
    Path f = dir.resolve("explicit.fits");
    FitsWriter.write(f, new Plane(8, 8, filled(64, 1f)), cards);
    return FitsReader.read(f).header();
  }

  @Test
  void brokenWcsIsAReasonNotAnException() {
    Path file = dir.resolve("broken.fits");
    FitsWriter.write(
        file,
        new Plane(8, 8, filled(64, 1f)),
        FitsCards.create()
            .tanSky(10, 20, 4, 4, 1e-3)
            .set("CTYPE1", "RA---XYZ")
            .set("CTYPE2", "DEC--XYZ"));
    MapSummary s = MapSummary.of(FitsReader.read(file));
    assertTrue(s.sky().isEmpty());
    assertTrue(s.wcsProblem().orElseThrow().startsWith("unsupported projection code 'XYZ'"));
  }

  @Test
  void planeOfACube(@TempDir Path tmp) {
    Path file = tmp.resolve("cube.fits");
    List<Plane> planes = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      planes.add(new Plane(6, 4, filled(24, k + 1f)));
    }
    FitsWriter.writeCube(file, planes, FitsCards.create().tanSky(10, 20, 3.5, 2.5, 1e-3));
    FitsImage image = FitsReader.read(file, 1);
    MapSummary unknown = MapSummary.of(image);
    assertEquals(-1, unknown.plane());
    assertEquals(3, unknown.planes());
    assertTrue(unknown.toJsonNode().get("plane").isNull());
    assertTrue(unknown.toText().contains("6 x 4 pixels (axes 6 x 4 x 3, plane ? of 3)"));

    MapSummary known = MapSummary.of(image, 1);
    assertEquals(1, known.plane());
    assertEquals(List.of(6L, 4L, 3L), known.axes());
    assertEquals(2.0, known.pixels().median(), 0.0);
    assertEquals(1, known.toJsonNode().get("plane").asInt());
    assertTrue(known.toText().contains("6 x 4 pixels (axes 6 x 4 x 3, plane 1 of 3)"));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MapSummary.of(image, 3));
    assertEquals("plane must be -1 (unknown) or in [0, 3), got 3", e.getMessage());
  }

  @Test
  void textBlockIsAlignedAndReadable() {
    MapSummary s = MapSummary.of(FitsReader.read(syntheticMap(dir)));
    String text = s.toText();
    String[] lines = text.split("\n");
    assertTrue(lines[0].endsWith("synthetic map.fits"), lines[0]);
    for (int i = 1; i < lines.length; i++) {
      // two spaces, a label padded to 10, the value from column 12; continuation lines (a second
      // centre line, further corners) have no label
      String line = lines[i];
      assertTrue(line.length() > 12 && line.startsWith("  ") && line.charAt(11) == ' ', line);
      assertTrue(line.charAt(2) != ' ' || line.substring(0, 12).isBlank(), line);
      if (line.charAt(2) != ' ') {
        assertTrue(line.charAt(12) != ' ', line);
      }
    }
    assertTrue(text.contains("  shape     200 x 150 pixels\n"), text);
    assertTrue(text.contains("  BITPIX    -32 (32-bit float)\n"), text);
    assertTrue(text.contains("  WCS       TAN projection, ICRS\n"), text);
    assertTrue(text.contains("  pixel     2.000\" x 2.000\"\n"), text);
    assertTrue(text.contains("  size      6.67' x 5.00'\n"), text);
    assertTrue(text.contains("  beam      6.50\" x 5.00\", PA 30.0 deg\n"), text);
    assertTrue(
        text.contains(
            "  centre    (99.5, 74.5)  RA 150.000000  Dec -30.000000 deg"
                + " = 10:00:00.00 -30:00:00.0  ICRS\n"),
        text);
    assertTrue(text.contains("l  264.200633  b   +19.693480 deg\n"), text);
    assertTrue(text.contains("  corners   (0, 0)      RA "), text);
    assertTrue(text.contains("            (199, 149)  RA "), text);
    assertTrue(text.contains("  blank     0.020 % (6 of 30000 pixels NaN, Inf or 0)\n"), text);
    assertTrue(text.contains("  max       1.500 Jy/beam\n"), text);
    String rms = FluxFormat.format(s.pixels().rms(), s.unit());
    assertTrue(rms.endsWith(" µJy/beam"), rms);
    assertTrue(text.contains("  rms       " + rms + "  (3-sigma clipped std)\n"), text);
  }

  @Test
  void recordValidatesItsFields() {
    PixelStats p = new PixelStats(4, 0, 1, 2, 1.5, 0.1);
    Optional<String> reason = Optional.of("no WCS");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new MapSummary(
                    Path.of("a.fits"),
                    List.of(4L),
                    0,
                    -32,
                    Optional.empty(),
                    Optional.empty(),
                    reason,
                    Optional.empty(),
                    p));
    assertEquals("need at least 2 axes, got [4]", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new MapSummary(
                    Path.of("a.fits"),
                    List.of(2L, 2L),
                    0,
                    -32,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    p));
    assertEquals("exactly one of sky and wcsProblem must be present", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new MapSummary(
                    Path.of("a.fits"),
                    List.of(3L, 2L),
                    0,
                    -32,
                    Optional.empty(),
                    Optional.empty(),
                    reason,
                    Optional.empty(),
                    p));
    assertEquals("pixel count 4 does not match axes [3, 2]", e.getMessage());
  }

  static float[] filled(int n, float v) {
    float[] d = new float[n];
    java.util.Arrays.fill(d, v);
    return d;
  }

  static double[] sortedValid(Plane plane) {
    return java.util.stream.IntStream.range(0, plane.size())
        .mapToDouble(i -> plane.data()[i])
        .filter(v -> v != 0 && Double.isFinite(v))
        .sorted()
        .toArray();
  }
}
