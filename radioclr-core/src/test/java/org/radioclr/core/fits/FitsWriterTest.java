package org.radioclr.core.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.radioclr.core.fits.FitsReaderTest.assertPixels;
import static org.radioclr.core.fits.FitsReaderTest.flatten;
import static org.radioclr.core.fits.FitsReaderTest.randomImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.Version;
import org.radioclr.core.image.Plane;

class FitsWriterTest {
  @TempDir Path dir;

  /** A template like a real radio map: WCS with FREQ/STOKES axes, beam, provenance, junk. */
  private Path template() throws IOException {
    float[][][][] raw = {{randomImage(8, 10, 21L)}};
    return NomTamFiles.image(
        dir.resolve("template.fits"),
        raw,
        h -> {
          h.addValue("BSCALE", 1.0, "");
          h.addValue("BZERO", 0.0, "");
          h.addValue("BUNIT", "JY/BEAM", "");
          h.addValue("OBJECT", "rpn_52", "");
          h.addValue("TELESCOP", "ATCA", "");
          h.addValue("DATE-OBS", "2013-01-13T21:38:40.4", "");
          h.addValue("CTYPE1", "RA---NCP", "");
          h.addValue("CRVAL1", 255.449637133, "");
          h.addValue("CRPIX1", 3428.0, "");
          h.addValue("CDELT1", -4.16666682546e-4, "");
          h.addValue("CTYPE2", "DEC--NCP", "");
          h.addValue("CRVAL2", -41.8624876175, "");
          h.addValue("CRPIX2", 3847.0, "");
          h.addValue("CDELT2", 4.16666682546e-4, "");
          h.addValue("CROTA2", 0.0, "");
          h.addValue("PC1_2", 0.001, "");
          h.addValue("CTYPE3", "FREQ-LSR", "");
          h.addValue("CRVAL3", 1.4474606514e9, "");
          h.addValue("CDELT3", 1e6, "");
          h.addValue("CTYPE4", "STOKES", "");
          h.addValue("RADESYS", "FK5", "");
          h.addValue("EQUINOX", 2000.0, "");
          h.addValue("BMAJ", 1.80555554107e-3, "");
          h.addValue("BMIN", 1.5e-3, "");
          h.addValue("BPA", -12.5, "");
          h.addValue("DATAMIN", -3.0, "");
          h.addValue("CHECKSUM", "abcdefghijklmnop", "");
          h.addValue("ZCMPTYPE", "RICE_1", "");
          h.insertComment("from\tSkyView with a TAB");
          h.insertHistory("old history line");
        });
  }

  @Test
  void roundTripKeepsPixelsAndSensibleCards() throws IOException {
    FitsImage source = FitsReader.read(template());
    Plane plane = new Plane(10, 8, flatten(randomImage(8, 10, 5L)));
    plane.set(2, 3, Float.NaN);
    Path out = dir.resolve("out/cutout.fits");
    FitsWriter.write(
        out,
        plane,
        FitsCards.from(source)
            .set("CRPIX1", 12.5)
            .set("NPIX", 80L)
            .history("cutout 10x8 from template.fits")
            .history("second line"));

    FitsImage back = FitsReader.read(out);
    assertPixels(plane.data(), back);
    assertEquals(-32, back.bitpix());
    assertArrayEquals(new long[] {10, 8}, back.axes());
    Header h = back.header();
    assertEquals(12.5, h.getDoubleValue("CRPIX1"), 0);
    assertEquals(3847.0, h.getDoubleValue("CRPIX2"), 0);
    assertEquals(255.449637133, h.getDoubleValue("CRVAL1"), 0);
    assertEquals(-41.8624876175, h.getDoubleValue("CRVAL2"), 0);
    assertEquals(-4.16666682546e-4, h.getDoubleValue("CDELT1"), 0);
    assertEquals(0.001, h.getDoubleValue("PC1_2"), 0);
    assertEquals(List.of("RA---NCP", "DEC--NCP"), back.skyCtypes());
    assertEquals("FREQ-LSR", back.ctype(3).orElseThrow(), "2-D output keeps the FREQ axis card");
    assertEquals(1.4474606514e9, h.getDoubleValue("CRVAL3"), 0);
    assertEquals(new Beam(1.80555554107e-3, 1.5e-3, -12.5), back.beam().orElseThrow());
    assertEquals("JY/BEAM", back.unit().orElseThrow());
    assertEquals("rpn_52", h.getStringValue("OBJECT"));
    assertEquals("ATCA", h.getStringValue("TELESCOP"));
    assertEquals("2013-01-13T21:38:40.4", h.getStringValue("DATE-OBS"));
    assertEquals("FK5", h.getStringValue("RADESYS"));
    assertEquals(2000.0, h.getDoubleValue("EQUINOX"), 0);
    assertEquals(80L, h.getLongValue("NPIX"));
    assertEquals(Version.get(), h.getStringValue("RCLRVER"));
    for (String dropped : List.of("BSCALE", "BZERO", "DATAMIN", "CHECKSUM", "ZCMPTYPE", "NAXIS3")) {
      assertFalse(h.containsKey(dropped), dropped + " must not be copied");
    }
    assertEquals(
        List.of("cutout 10x8 from template.fits", "second line"), commentary(h, "HISTORY"));
    assertEquals(List.of(), commentary(h, "COMMENT"), "template commentary is not copied");
  }

  @Test
  void cubeRoundTripDropsTemplateAxis3And4() throws IOException {
    FitsImage source = FitsReader.read(template());
    List<Plane> planes = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      planes.add(new Plane(10, 8, flatten(randomImage(8, 10, 100L + k))));
    }
    Path out = dir.resolve("cube.fits");
    FitsWriter.writeCube(out, planes, FitsCards.from(source).set("CTYPE3", "CHANNEL"));

    BadInputException e = assertThrows(BadInputException.class, () -> FitsReader.read(out));
    assertEquals("cube with 3 planes on axis 3 (CHANNEL); choose a plane", e.problem());
    for (int k = 0; k < 3; k++) {
      FitsImage back = FitsReader.read(out, k);
      assertPixels(planes.get(k).data(), back);
      assertArrayEquals(new long[] {10, 8, 3}, back.axes());
      Header h = back.header();
      assertFalse(h.containsKey("CRVAL3"));
      assertFalse(h.containsKey("CDELT3"));
      assertFalse(h.containsKey("CTYPE4"));
      assertEquals(-4.16666682546e-4, h.getDoubleValue("CDELT1"), 0);
      assertEquals("DEC--NCP", back.ctype(2).orElseThrow());
      assertTrue(back.beam().isPresent());
    }
  }

  @Test
  void overrideKeepsTheTemplatePositionAndOutputIsReproducible() throws IOException {
    FitsImage source = FitsReader.read(template());
    Plane plane = new Plane(10, 8, flatten(randomImage(8, 10, 9L)));
    FitsCards cards = FitsCards.from(source).set("CRPIX1", 1.0).history("h");
    Path a = dir.resolve("a.fits");
    Path b = dir.resolve("b.fits");
    FitsWriter.write(a, plane, cards);
    FitsWriter.write(b, plane, cards);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "same input, same bytes");
    List<String> keys = new ArrayList<>();
    FitsReader.read(a).header().iterator().forEachRemaining(c -> keys.add(c.getKey()));
    assertEquals(keys.indexOf("CRVAL1") + 1, keys.indexOf("CRPIX1"), keys.toString());
  }

  @Test
  void cubeNeedsEqualPlanes() {
    Path out = dir.resolve("bad.fits");
    FitsCards none = FitsCards.create();
    assertThrows(IllegalArgumentException.class, () -> FitsWriter.writeCube(out, List.of(), none));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FitsWriter.writeCube(
                    out, List.of(Plane.zeros(4, 4), Plane.zeros(4, 5)), FitsCards.create()));
    assertTrue(e.getMessage().contains("plane 1 is 4x5"), e.getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void testHelperMakesASkyImage() throws IOException {
    Plane plane = new Plane(3, 2, new float[] {1, 2, 3, 4, 5, 6});
    Path out = dir.resolve("sky.fits");
    FitsWriter.write(
        out,
        plane,
        FitsCards.create()
            .tanSky(150.0, 2.2, 2.0, 1.5, 1.8 / 3600)
            .set("BUNIT", "Jy/beam")
            .beam(Beam.circularArcsec(5.4)));
    FitsImage back = FitsReader.read(out);
    assertPixels(plane.data(), back);
    assertEquals(List.of("RA---TAN", "DEC--TAN"), back.skyCtypes());
    assertEquals(-0.0005, back.header().getDoubleValue("CDELT1"), 1e-15);
    assertEquals(150.0, back.header().getDoubleValue("CRVAL1"), 0);
    assertEquals(5.4, back.beam().orElseThrow().majorArcsec(), 1e-9);
  }

  @Test
  void plainWriteHasOnlyStructuralCardsAndVersion() throws IOException {
    Path out = dir.resolve("plain.fits");
    FitsWriter.write(out, new Plane(2, 2, new float[] {1, 2, 3, 4}));
    Header h = FitsReader.read(out).header();
    List<String> keys = new ArrayList<>();
    h.iterator().forEachRemaining(c -> keys.add(c.getKey()));
    assertEquals(
        List.of("SIMPLE", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "EXTEND", "RCLRVER"), keys);
  }

  @Test
  void longHistoryIsWrappedNotLost() throws IOException {
    String line = "x".repeat(100) + " end";
    Path out = dir.resolve("h.fits");
    FitsWriter.write(out, Plane.zeros(2, 2), FitsCards.create().history(line));
    // all-zero data are refused by the reader, so look at the header through nom-tam
    try (nom.tam.fits.Fits fits = new nom.tam.fits.Fits(out.toFile())) {
      List<String> history = commentary(fits.readHDU().getHeader(), "HISTORY");
      assertEquals(line, String.join("", history));
      assertTrue(history.size() >= 2);
    }
  }

  @Test
  void overwritesAtomicallyAndReportsUnwritableTargets() throws IOException {
    Path out = dir.resolve("o.fits");
    FitsWriter.write(out, new Plane(2, 2, new float[] {1, 2, 3, 4}));
    FitsWriter.write(out, new Plane(2, 2, new float[] {5, 6, 7, 8}));
    assertPixels(new float[] {5, 6, 7, 8}, FitsReader.read(out));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    Path impossible = blocker.resolve("sub.fits");
    assertThrows(BadInputException.class, () -> FitsWriter.write(impossible, Plane.zeros(2, 2)));
  }

  private static List<String> commentary(Header h, String key) {
    List<String> lines = new ArrayList<>();
    var it = h.iterator();
    while (it.hasNext()) {
      HeaderCard c = it.next();
      if (key.equals(c.getKey())) {
        lines.add(c.getComment());
      }
    }
    return lines;
  }
}
