package org.radioclr.core.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;

class FitsReaderTest {
  @TempDir Path dir;

  private static final float NAN = Float.NaN;

  // ---- BITPIX, BSCALE, BZERO, BLANK ----------------------------------------------------------

  @Test
  void bitpix8IsUnsignedAndScaledWithBlank() throws IOException {
    byte[][] raw = {{0, 1, 2}, {(byte) 200, (byte) 254, (byte) 255}};
    Path f =
        NomTamFiles.image(
            dir.resolve("b8.fits"),
            raw,
            h -> {
              h.addValue("BSCALE", 0.5, "");
              h.addValue("BZERO", -10.0, "");
              h.addValue("BLANK", 255, "");
            });
    FitsImage img = FitsReader.read(f);
    assertEquals(8, img.bitpix());
    assertPixels(new float[] {-10f, -9.5f, -9f, 90f, 117f, NAN}, img);
  }

  @Test
  void bitpix16UnsignedConventionAndBlank() throws IOException {
    // BZERO = 32768 stores unsigned 16-bit values in signed shorts
    short[][] raw = {{Short.MIN_VALUE, -1, 0}, {1, Short.MAX_VALUE, -32767}};
    Path f =
        NomTamFiles.image(
            dir.resolve("b16.fits"),
            raw,
            h -> {
              h.addValue("BZERO", 32768, "");
              h.addValue("BLANK", -32767, "");
            });
    FitsImage img = FitsReader.read(f);
    assertEquals(16, img.bitpix());
    assertPixels(new float[] {0f, 32767f, 32768f, 32769f, 65535f, NAN}, img);
  }

  @Test
  void bitpix32ScaledWithBlank() throws IOException {
    int[][] raw = {{-2_000_000, 0, 1_000}, {Integer.MIN_VALUE, 7, 2_000_000}};
    Path f =
        NomTamFiles.image(
            dir.resolve("b32.fits"),
            raw,
            h -> {
              h.addValue("BSCALE", 1e-6, "");
              h.addValue("BZERO", 1.0, "");
              h.addValue("BLANK", Integer.MIN_VALUE, "");
            });
    FitsImage img = FitsReader.read(f);
    assertEquals(32, img.bitpix());
    assertPixels(new float[] {-1f, 1f, 1.001f, NAN, 1.000007f, 3f}, img);
  }

  @Test
  void bitpix64ScaledWithBlank() throws IOException {
    long[][] raw = {{-4, 0, 4}, {Long.MIN_VALUE, 1L << 40, 10}};
    Path f =
        NomTamFiles.image(
            dir.resolve("b64.fits"),
            raw,
            h -> {
              h.addValue("BSCALE", 0.25, "");
              h.addValue("BLANK", Long.MIN_VALUE, "");
            });
    FitsImage img = FitsReader.read(f);
    assertEquals(64, img.bitpix());
    assertPixels(new float[] {-1f, 0f, 1f, NAN, (float) (1L << 38), 2.5f}, img);
  }

  @Test
  void bitpixMinus32KeepsNanAndIgnoresBlankCard() throws IOException {
    float[][] raw = {{1.5f, NAN, -2f}, {0f, 3e-5f, Float.POSITIVE_INFINITY}};
    // BLANK is meaningless for floating-point data and must not turn 0 into NaN
    Path f = NomTamFiles.image(dir.resolve("f32.fits"), raw, h -> h.addValue("BLANK", 0, ""));
    FitsImage img = FitsReader.read(f);
    assertEquals(-32, img.bitpix());
    assertPixels(new float[] {1.5f, NAN, -2f, 0f, 3e-5f, Float.POSITIVE_INFINITY}, img);
  }

  @Test
  void bitpixMinus32WithScaling() throws IOException {
    float[][] raw = {{1f, NAN, -2f}, {0f, 4f, 8f}};
    Path f =
        NomTamFiles.image(
            dir.resolve("f32s.fits"),
            raw,
            h -> {
              h.addValue("BSCALE", 2.0, "");
              h.addValue("BZERO", 1.0, "");
            });
    assertPixels(new float[] {3f, NAN, -3f, 1f, 9f, 17f}, FitsReader.read(f));
  }

  @Test
  void bitpixMinus64ToFloat() throws IOException {
    double[][] raw = {{1e-3, Double.NaN, -2.25}, {1e30, 0.1, 123456.789}};
    Path f = NomTamFiles.image(dir.resolve("f64.fits"), raw, h -> {});
    FitsImage img = FitsReader.read(f);
    assertEquals(-64, img.bitpix());
    assertPixels(new float[] {1e-3f, NAN, -2.25f, 1e30f, 0.1f, 123456.79f}, img);
  }

  @Test
  void rowsAreFitsRowsAndHeaderIsKept() throws IOException {
    float[][] raw = new float[4][5];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 5; x++) {
        raw[y][x] = 10 * y + x + 1;
      }
    }
    Path f =
        NomTamFiles.image(
            dir.resolve("wcs.fits"),
            raw,
            h -> {
              h.addValue("CTYPE1", "RA---SIN", "");
              h.addValue("CTYPE2", "DEC--SIN", "");
              h.addValue("BUNIT", "JY/BEAM", "");
              h.addValue("BMAJ", 1.5e-3, "");
              h.addValue("BMIN", 1.0e-3, "");
              h.addValue("BPA", 30.0, "");
              h.insertComment("a\tcomment with a TAB");
            });
    FitsImage img = FitsReader.read(f);
    assertEquals(5, img.width());
    assertEquals(4, img.height());
    assertEquals(24f, img.plane().get(3, 2));
    assertArrayEquals(new long[] {5, 4}, img.axes());
    assertEquals("JY/BEAM", img.unit().orElseThrow());
    assertEquals(List.of("RA---SIN", "DEC--SIN"), img.skyCtypes());
    assertEquals(new Beam(1.5e-3, 1.0e-3, 30.0), img.beam().orElseThrow());
    assertEquals(f, img.source());
  }

  // ---- cubes -------------------------------------------------------------------------------

  @Test
  void degenerate3dCubeGivesItsPlane() throws IOException {
    float[][][] raw = {{{1, 2, 3}, {4, 5, 6}}};
    Path f = NomTamFiles.image(dir.resolve("c3.fits"), raw, h -> h.addValue("CTYPE3", "FREQ", ""));
    FitsImage img = FitsReader.read(f);
    assertArrayEquals(new long[] {3, 2, 1}, img.axes());
    assertPixels(new float[] {1, 2, 3, 4, 5, 6}, img);
    assertPixels(new float[] {1, 2, 3, 4, 5, 6}, FitsReader.read(f, 0));
  }

  @Test
  void degenerate4dCubeGivesItsPlane() throws IOException {
    short[][][][] raw = {{{{1, 2, 3}, {4, 5, 6}}}};
    Path f =
        NomTamFiles.image(
            dir.resolve("c4.fits"),
            raw,
            h -> {
              h.addValue("CTYPE3", "FREQ", "");
              h.addValue("CTYPE4", "STOKES", "");
              h.addValue("BSCALE", 0.5, "");
            });
    FitsImage img = FitsReader.read(f);
    assertArrayEquals(new long[] {3, 2, 1, 1}, img.axes());
    assertEquals(16, img.bitpix());
    assertPixels(new float[] {0.5f, 1, 1.5f, 2, 2.5f, 3}, img);
  }

  @Test
  void nonDegenerateCubeIsRefusedUnlessAPlaneIsChosen() throws IOException {
    float[][][] raw = new float[4][2][3];
    for (int k = 0; k < 4; k++) {
      Arrays.fill(raw[k][0], k + 1);
      Arrays.fill(raw[k][1], -(k + 1));
    }
    Path f =
        NomTamFiles.image(dir.resolve("cube.fits"), raw, h -> h.addValue("CTYPE3", "FREQ", ""));
    BadInputException e = assertBad(f, () -> FitsReader.read(f));
    assertEquals("cube with 4 planes on axis 3 (FREQ); choose a plane", e.problem());

    FitsImage p2 = FitsReader.read(f, 2);
    assertPixels(new float[] {3, 3, 3, -3, -3, -3}, p2);
    assertArrayEquals(new long[] {3, 2, 4}, p2.axes());

    BadInputException beyond = assertBad(f, () -> FitsReader.read(f, 4));
    assertTrue(beyond.problem().contains("plane 4 requested"), beyond.problem());
  }

  @Test
  void fourDimensionalCubePlanesCountAxis3Fastest() throws IOException {
    // 3 frequencies x 2 Stokes; plane index = freq + 3 * stokes
    float[][][][] raw = new float[2][3][2][2];
    for (int s = 0; s < 2; s++) {
      for (int fr = 0; fr < 3; fr++) {
        for (float[] row : raw[s][fr]) {
          Arrays.fill(row, 10 * s + fr + 1);
        }
      }
    }
    Path f =
        NomTamFiles.image(
            dir.resolve("c4x.fits"),
            raw,
            h -> {
              h.addValue("CTYPE3", "FREQ", "");
              h.addValue("CTYPE4", "STOKES", "");
            });
    BadInputException e = assertBad(f, () -> FitsReader.read(f));
    assertTrue(e.problem().startsWith("cube with 6 planes"), e.problem());
    assertTrue(e.problem().contains("2 planes on axis 4 (STOKES)"), e.problem());
    assertEquals(12f, FitsReader.read(f, 4).plane().get(1, 1));
    assertEquals(3f, FitsReader.read(f, 2).plane().get(0, 0));
  }

  // ---- where the image is, how it is stored ----------------------------------------------------

  @Test
  void imageInFirstExtensionWhenPrimaryIsEmpty() throws IOException {
    float[][] raw = {{1, 2}, {3, 4}};
    BasicHDU<?> empty = new NullDataHDU();
    BasicHDU<?> image = Fits.makeHDU(raw);
    image.getHeader().addValue("BUNIT", "K", "");
    Path f = NomTamFiles.write(dir.resolve("ext.fits"), empty, image);
    FitsImage img = FitsReader.read(f);
    assertPixels(new float[] {1, 2, 3, 4}, img);
    assertEquals("K", img.unit().orElseThrow());
  }

  @Test
  void tileCompressedFloatImageGzipIsLossless() throws IOException {
    float[][] raw = randomImage(40, 30, 7L);
    raw[3][4] = NAN;
    ImageHDU hdu = (ImageHDU) Fits.makeHDU(raw);
    hdu.getHeader().addValue("CTYPE1", "RA---TAN", "");
    CompressedImageHDU compressed = CompressedImageHDU.fromImageHDU(hdu, 30, 8);
    compressed.setCompressAlgorithm("GZIP_1");
    compressed.compress();
    Path f = NomTamFiles.write(dir.resolve("tiles.fits"), new NullDataHDU(), compressed);
    FitsImage img = FitsReader.read(f);
    assertEquals(-32, img.bitpix());
    assertArrayEquals(new long[] {30, 40}, img.axes());
    assertEquals("RA---TAN", img.ctype(1).orElseThrow());
    assertFalse(img.header().containsKey("ZIMAGE"), "the uncompressed image header is kept");
    assertPixels(flatten(raw), img);
  }

  @Test
  void tileCompressedRiceIntegersWithScaling() throws IOException {
    short[][] raw = new short[20][25];
    SplittableRandom rnd = new SplittableRandom(3);
    for (short[] row : raw) {
      for (int x = 0; x < row.length; x++) {
        row[x] = (short) rnd.nextInt(-500, 500);
      }
    }
    ImageHDU hdu = (ImageHDU) Fits.makeHDU(raw);
    hdu.getHeader().addValue("BSCALE", 0.01, "");
    hdu.getHeader().addValue("BZERO", 5.0, "");
    CompressedImageHDU compressed = CompressedImageHDU.fromImageHDU(hdu, 25, 5);
    compressed.setCompressAlgorithm("RICE_1");
    compressed.compress();
    Path f = NomTamFiles.write(dir.resolve("rice.fits"), new NullDataHDU(), compressed);
    FitsImage img = FitsReader.read(f);
    assertEquals(16, img.bitpix());
    float[] expected = new float[20 * 25];
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 25; x++) {
        expected[y * 25 + x] = (float) (5.0 + 0.01 * raw[y][x]);
      }
    }
    assertPixels(expected, img);
  }

  @Test
  void gzippedFileIsRecognisedByItsBytesWhateverItsName() throws IOException {
    float[][] raw = randomImage(12, 9, 11L);
    Path plain = NomTamFiles.image(dir.resolve("p.fits"), raw, h -> h.addValue("BUNIT", "Jy", ""));
    Path gz = NomTamFiles.gzip(plain, dir.resolve("p.fits.gz"));
    Path disguised = NomTamFiles.gzip(plain, dir.resolve("disguised.fits"));
    for (Path f : List.of(gz, disguised)) {
      FitsImage img = FitsReader.read(f);
      assertPixels(flatten(raw), img);
      assertEquals("Jy", img.unit().orElseThrow());
    }
  }

  @Test
  void gzippedCubePlaneCanBeChosen() throws IOException {
    float[][][] raw = {{{1, 1}, {1, 1}}, {{2, 2}, {2, 5}}};
    Path plain = NomTamFiles.image(dir.resolve("c.fits"), raw, h -> {});
    Path gz = NomTamFiles.gzip(plain, dir.resolve("c.fits.gz"));
    assertPixels(new float[] {2, 2, 2, 5}, FitsReader.read(gz, 1));
    assertBad(gz, () -> FitsReader.read(gz));
  }

  @Test
  void fileNamesWithSpacesLoad() throws IOException {
    Path f =
        NomTamFiles.image(dir.resolve("3C 192_II.fits"), new float[][] {{1, 2}, {3, 4}}, h -> {});
    assertPixels(new float[] {1, 2, 3, 4}, FitsReader.read(f));
  }

  // ---- bad input ---------------------------------------------------------------------------

  @Test
  void missingFile() {
    Path f = dir.resolve("nope.fits");
    assertEquals("file not found", assertBad(f, () -> FitsReader.read(f)).problem());
  }

  @Test
  void unreadableFile() throws IOException {
    Path f = NomTamFiles.image(dir.resolve("locked.fits"), new float[][] {{1, 2}, {3, 4}}, h -> {});
    Assumptions.assumeTrue(
        f.toFile().setReadable(false, false) && !Files.isReadable(f),
        "cannot make a file unreadable here (running as root?)");
    assertEquals(
        "cannot read (permission denied)", assertBad(f, () -> FitsReader.read(f)).problem());
  }

  @Test
  void folderInsteadOfFile() {
    assertBad(dir, () -> FitsReader.read(dir));
  }

  @Test
  void notFits() throws IOException {
    Path f = Files.writeString(dir.resolve("text.fits"), "this is a text file, not FITS\n");
    BadInputException e = assertBad(f, () -> FitsReader.read(f));
    assertTrue(e.problem().startsWith("not a FITS file"), e.problem());
  }

  @Test
  void emptyFile() throws IOException {
    Path f = Files.write(dir.resolve("empty.fits"), new byte[0]);
    assertTrue(assertBad(f, () -> FitsReader.read(f)).problem().contains("empty file"));
  }

  @Test
  void gzipOfSomethingElse() throws IOException {
    Path txt = Files.writeString(dir.resolve("t.txt"), "hello, not fits at all ".repeat(10));
    Path gz = NomTamFiles.gzip(txt, dir.resolve("t.fits.gz"));
    assertProblemStarts("not a FITS file", assertBad(gz, () -> FitsReader.read(gz)));
  }

  @Test
  void truncatedDataUnit() throws IOException {
    Path full = NomTamFiles.image(dir.resolve("full.fits"), randomImage(100, 100, 1L), h -> {});
    byte[] bytes = Files.readAllBytes(full);
    Path cut = Files.write(dir.resolve("cut.fits"), Arrays.copyOf(bytes, 2880 + 15_000));
    BadInputException e = assertBad(cut, () -> FitsReader.read(cut));
    assertTrue(e.problem().startsWith("truncated"), e.problem());
    assertTrue(e.problem().contains("15000 of the 40000 bytes"), e.problem());

    Path headerOnly = Files.write(dir.resolve("hdr.fits"), Arrays.copyOf(bytes, 2880));
    assertProblemStarts("truncated", assertBad(headerOnly, () -> FitsReader.read(headerOnly)));
  }

  @Test
  void missingFinalPaddingIsTolerated() throws IOException {
    float[][] raw = randomImage(10, 10, 5L);
    Path full = NomTamFiles.image(dir.resolve("full.fits"), raw, h -> {});
    byte[] bytes = Files.readAllBytes(full);
    Path unpadded = Files.write(dir.resolve("unpadded.fits"), Arrays.copyOf(bytes, 2880 + 400));
    assertPixels(flatten(raw), FitsReader.read(unpadded));
  }

  @Test
  void truncatedHeader() throws IOException {
    StringBuilder h = new StringBuilder();
    h.append(card("SIMPLE  =                    T")).append(card("BITPIX  =                  -32"));
    h.append(card("NAXIS   =                    2")).append(card("NAXIS1  =                   10"));
    Path f = Files.writeString(dir.resolve("nohdrend.fits"), h, StandardCharsets.US_ASCII);
    assertProblemStarts("truncated", assertBad(f, () -> FitsReader.read(f)));
  }

  @Test
  void truncatedGzip() throws IOException {
    Path plain = NomTamFiles.image(dir.resolve("p.fits"), randomImage(100, 100, 2L), h -> {});
    byte[] gz = Files.readAllBytes(NomTamFiles.gzip(plain, dir.resolve("p.fits.gz")));
    Path cut = Files.write(dir.resolve("cut.fits.gz"), Arrays.copyOf(gz, gz.length / 2));
    assertProblemStarts("truncated", assertBad(cut, () -> FitsReader.read(cut)));
  }

  @Test
  void emptyDataUnit() throws IOException {
    Path f = NomTamFiles.write(dir.resolve("naxis0.fits"), new NullDataHDU());
    BadInputException e = assertBad(f, () -> FitsReader.read(f));
    assertTrue(e.problem().startsWith("no image data"), e.problem());
  }

  @Test
  void oneDimensionalImage() throws IOException {
    Path f = NomTamFiles.image(dir.resolve("spectrum.fits"), new float[] {1, 2, 3, 4}, h -> {});
    BadInputException e = assertBad(f, () -> FitsReader.read(f));
    assertTrue(e.problem().startsWith("1-D image (NAXIS = 1"), e.problem());

    Path row = NomTamFiles.image(dir.resolve("row.fits"), new float[][] {{1, 2, 3, 4}}, h -> {});
    assertProblemStarts("1-D image", assertBad(row, () -> FitsReader.read(row)));
  }

  @Test
  void allNanAllZeroAllInfiniteAllBlank() throws IOException {
    float[][] nan = {{NAN, NAN}, {NAN, NAN}};
    float[][] zero = new float[3][3];
    float[][] inf = {{Float.POSITIVE_INFINITY, NAN}, {Float.NEGATIVE_INFINITY, 0}};
    List<Path> files =
        List.of(
            NomTamFiles.image(dir.resolve("nan.fits"), nan, h -> {}),
            NomTamFiles.image(dir.resolve("zero.fits"), zero, h -> {}),
            NomTamFiles.image(dir.resolve("inf.fits"), inf, h -> {}),
            NomTamFiles.image(
                dir.resolve("blank.fits"),
                new int[][] {{-1, -1}, {-1, -1}},
                h -> h.addValue("BLANK", -1, "")));
    for (Path f : files) {
      BadInputException e = assertBad(f, () -> FitsReader.read(f));
      assertTrue(e.problem().startsWith("no valid pixel"), e.problem());
    }
  }

  @Test
  void negativePlaneMeansTheOnlyPlane() throws IOException {
    Path f = NomTamFiles.image(dir.resolve("a.fits"), new float[][] {{1, 2}, {3, 4}}, h -> {});
    assertPixels(new float[] {1, 2, 3, 4}, FitsReader.read(f, -1));
    assertTrue(assertBad(f, () -> FitsReader.read(f, 1)).problem().contains("has only plane 0"));
  }

  @Test
  void nomTamWarningsAreSilenced() throws IOException {
    Path f = Files.writeString(dir.resolve("x.fits"), "junk");
    assertBad(f, () -> FitsReader.read(f));
    assertFalse(Logger.getLogger("nom.tam.fits.Fits").isLoggable(Level.WARNING));
  }

  // ---- helpers -----------------------------------------------------------------------------

  static void assertProblemStarts(String prefix, BadInputException e) {
    assertTrue(e.problem().startsWith(prefix), "problem: " + e.problem());
  }

  static BadInputException assertBad(Path file, org.junit.jupiter.api.function.Executable read) {
    BadInputException e = assertThrows(BadInputException.class, read);
    assertEquals(file, e.file());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
    return e;
  }

  static void assertPixels(float[] expected, FitsImage img) {
    float[] actual = img.plane().data();
    assertEquals(expected.length, actual.length, "pixel count");
    for (int i = 0; i < expected.length; i++) {
      if (Float.isNaN(expected[i])) {
        assertTrue(Float.isNaN(actual[i]), "pixel " + i + " should be NaN, got " + actual[i]);
      } else {
        assertEquals(expected[i], actual[i], Math.abs(expected[i]) * 1e-6f, "pixel " + i);
      }
    }
  }

  static float[][] randomImage(int height, int width, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[][] img = new float[height][width];
    for (float[] row : img) {
      for (int x = 0; x < width; x++) {
        row[x] = (float) (rnd.nextDouble() * 2 - 0.5);
      }
    }
    return img;
  }

  static float[] flatten(float[][] rows) {
    float[] out = new float[rows.length * rows[0].length];
    for (int y = 0; y < rows.length; y++) {
      System.arraycopy(rows[y], 0, out, y * rows[0].length, rows[0].length);
    }
    return out;
  }

  private static String card(String text) {
    return String.format("%-80s", text);
  }
}
