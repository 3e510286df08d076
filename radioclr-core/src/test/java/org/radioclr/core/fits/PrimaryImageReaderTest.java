package org.radioclr.core.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import nom.tam.util.Cursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.testkit.RealData;

/**
 * The fast path of {@link FitsReader} ({@link PrimaryImageReader}) against the general nom-tam path
 * ({@link FitsReader#readGeneral}): for files the fast path takes, both must give bit-identical
 * pixels, the same axes and BITPIX, the same header copy card by card, and the same error messages.
 */
class PrimaryImageReaderTest {
  @TempDir Path dir;

  private static final float NAN = Float.NaN;

  // ---- every BITPIX, scaling, BLANK, NaN -----------------------------------------------------

  @Test
  void bitpix8ScaledWithBlank() throws IOException {
    SplittableRandom rnd = new SplittableRandom(8);
    byte[][] raw = new byte[23][37];
    for (byte[] row : raw) {
      for (int x = 0; x < row.length; x++) {
        row[x] = (byte) rnd.nextInt(256);
      }
    }
    raw[0][0] = (byte) 255;
    raw[0][1] = (byte) 7;
    Path f = scaled("b8.fits", raw, 0.5, -10.0, 255L);
    assertSameBothWays(f);
    assertTrue(Float.isNaN(FitsReader.read(f).plane().get(0, 0)), "BLANK is NaN");
    assertEquals(-6.5f, FitsReader.read(f).plane().get(1, 0));
  }

  @Test
  void bitpix16ScaledWithBlank() throws IOException {
    SplittableRandom rnd = new SplittableRandom(16);
    short[][] raw = new short[23][37];
    for (short[] row : raw) {
      for (int x = 0; x < row.length; x++) {
        row[x] = (short) rnd.nextInt(Short.MIN_VALUE, Short.MAX_VALUE + 1);
      }
    }
    raw[5][6] = -32767;
    raw[5][7] = Short.MIN_VALUE;
    Path f = scaled("b16.fits", raw, 1.0, 32768.0, -32767L);
    assertSameBothWays(f);
    assertTrue(Float.isNaN(FitsReader.read(f).plane().get(6, 5)), "BLANK is NaN");
    assertEquals(0f, FitsReader.read(f).plane().get(7, 5));
  }

  @Test
  void bitpix32ScaledWithBlank() throws IOException {
    SplittableRandom rnd = new SplittableRandom(32);
    int[][] raw = new int[23][37];
    for (int[] row : raw) {
      for (int x = 0; x < row.length; x++) {
        row[x] = rnd.nextInt();
      }
    }
    raw[22][36] = Integer.MIN_VALUE;
    Path f = scaled("b32.fits", raw, 1e-6, 1.0, (long) Integer.MIN_VALUE);
    assertSameBothWays(f);
    assertTrue(Float.isNaN(FitsReader.read(f).plane().get(36, 22)), "BLANK is NaN");
  }

  @Test
  void bitpix64ScaledWithBlank() throws IOException {
    SplittableRandom rnd = new SplittableRandom(64);
    long[][] raw = new long[23][37];
    for (long[] row : raw) {
      for (int x = 0; x < row.length; x++) {
        row[x] = rnd.nextLong();
      }
    }
    raw[3][3] = Long.MIN_VALUE;
    Path f = scaled("b64.fits", raw, 0.25, -3.0, Long.MIN_VALUE);
    assertSameBothWays(f);
    assertTrue(Float.isNaN(FitsReader.read(f).plane().get(3, 3)), "BLANK is NaN");
  }

  @Test
  void bitpixMinus32WithNansInfinitiesAndAnIgnoredBlank() throws IOException {
    float[][] raw = FitsReaderTest.randomImage(23, 37, 3L);
    raw[0][0] = NAN;
    raw[1][2] = Float.POSITIVE_INFINITY;
    raw[2][1] = Float.NEGATIVE_INFINITY;
    raw[3][3] = -0f;
    raw[4][4] = Float.MIN_VALUE;
    raw[5][5] = Float.intBitsToFloat(0x7fc0_1234); // a NaN with a payload
    Path f = NomTamFiles.image(dir.resolve("f32.fits"), raw, h -> h.addValue("BLANK", 0, ""));
    assertSameBothWays(f);
    assertArrayEquals(bits(FitsReaderTest.flatten(raw)), bits(FitsReader.read(f).plane().data()));
  }

  @Test
  void bitpixMinus32Scaled() throws IOException {
    float[][] raw = FitsReaderTest.randomImage(23, 37, 4L);
    raw[7][7] = NAN;
    Path f = scaled("f32s.fits", raw, 2.5, -1.0, null);
    assertSameBothWays(f);
    assertEquals((float) (-1.0 + 2.5 * raw[1][2]), FitsReader.read(f).plane().get(2, 1));
  }

  @Test
  void bitpixMinus64ScaledWithNan() throws IOException {
    SplittableRandom rnd = new SplittableRandom(-64);
    double[][] raw = new double[23][37];
    for (double[] row : raw) {
      for (int x = 0; x < row.length; x++) {
        row[x] = rnd.nextGaussian() * 1e5;
      }
    }
    raw[9][9] = Double.NaN;
    raw[9][10] = 1e300; // beyond float: +Inf on both paths
    Path f = scaled("f64.fits", raw, 1e-3, 0.5, null);
    assertSameBothWays(f);
    assertEquals(Float.POSITIVE_INFINITY, FitsReader.read(f).plane().get(10, 9));
  }

  // ---- cubes -------------------------------------------------------------------------------

  @Test
  void degenerateCubesGiveTheirPlane() throws IOException {
    float[][][] c3 = {FitsReaderTest.randomImage(6, 9, 31L)};
    Path f3 = NomTamFiles.image(dir.resolve("c3.fits"), c3, h -> h.addValue("CTYPE3", "FREQ", ""));
    short[][][][] c4 = {{{{1, 2, 3}, {4, 5, 6}}}};
    Path f4 =
        NomTamFiles.image(
            dir.resolve("c4.fits"),
            c4,
            h -> {
              h.addValue("CTYPE3", "FREQ", "");
              h.addValue("CTYPE4", "STOKES", "");
              h.addValue("BSCALE", 0.5, "");
              h.addValue("BLANK", 5, "");
            });
    for (Path f : List.of(f3, f4)) {
      assertSameBothWays(f);
      assertSame(FitsReader.readGeneral(f, 0), FitsReader.read(f, 0));
      assertSameProblem(f, 1);
    }
    assertArrayEquals(new long[] {3, 2, 1, 1}, FitsReader.read(f4).axes());
    assertTrue(Float.isNaN(FitsReader.read(f4).plane().get(1, 1)));
  }

  @Test
  void everyPlaneOfA4dCube() throws IOException {
    float[][][][] raw = new float[2][3][5][4]; // 2 Stokes x 3 frequencies of 4x5
    for (int s = 0; s < 2; s++) {
      for (int fr = 0; fr < 3; fr++) {
        raw[s][fr] = FitsReaderTest.randomImage(5, 4, 10L * s + fr);
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
    assertNotNull(open(f));
    assertSameProblem(f, -1); // no plane chosen
    assertSameProblem(f, 6); // beyond the cube
    for (int plane = 0; plane < 6; plane++) {
      FitsImage fast = FitsReader.read(f, plane);
      assertSame(FitsReader.readGeneral(f, plane), fast);
      int freq = plane % 3;
      int stokes = plane / 3;
      assertArrayEquals(FitsReaderTest.flatten(raw[stokes][freq]), fast.plane().data());
    }
  }

  // ---- headers -----------------------------------------------------------------------------

  @Test
  void longHeaderWithCommentaryLongStringsAndTabs() throws IOException {
    float[][] raw = FitsReaderTest.randomImage(10, 12, 5L);
    Path f =
        NomTamFiles.image(
            dir.resolve("hdr.fits"),
            raw,
            h -> {
              h.addValue("OBJECT", "a long string value ".repeat(12).trim(), "CONTINUE cards");
              h.insertComment("a\tcomment with a TAB");
              h.insertBlankCard();
              for (int i = 0; i < 120; i++) {
                h.insertHistory("history line " + i);
              }
              h.addValue("BUNIT", "JY/BEAM", "");
            });
    assertEquals(4 * PrimaryImageReader.BLOCK, open(f).dataStart(), "header of 4 blocks");
    assertSameBothWays(f);
    Header header = FitsReader.read(f).header();
    assertEquals("a long string value ".repeat(12).trim(), header.getStringValue("OBJECT"));
    assertFalse(header.containsKey("END"), "the copy drops END");
  }

  @Test
  void handWrittenHeaderWithDuplicateKeysHierarchAndTabs() throws IOException {
    List<String> cards =
        List.of(
            "SIMPLE  =                    T",
            "BITPIX  =                   16",
            "NAXIS   =                    2",
            "NAXIS1  =                    3",
            "NAXIS2  =                    2",
            "BZERO   =                  1.5 / first",
            "CRVAL1  =                 10.0",
            "CRVAL1  =                 20.0 / a duplicate key",
            "HIERARCH ESO DET CHIP = 'CCD-1' / a HIERARCH card",
            "COMMENT tab\there",
            "",
            "BPA     =                 0.E0 / odd but legal number",
            "BSCALE  =                  2.0");
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (int v : new int[] {-3, -2, -1, 0, 1, 2}) {
      data.write(v >> 8);
      data.write(v);
    }
    Path f = rawFits("dup.fits", cards, data.toByteArray());
    assertSameBothWays(f);
    assertArrayEquals(
        new float[] {-4.5f, -2.5f, -0.5f, 1.5f, 3.5f, 5.5f}, FitsReader.read(f).plane().data());
    Header header = FitsReader.read(f).header();
    assertEquals(20.0, header.getDoubleValue("CRVAL1"));
    assertEquals("CCD-1", header.getStringValue("HIERARCH.ESO.DET.CHIP"));
  }

  // ---- errors: same words on both paths ------------------------------------------------------

  @Test
  void truncatedFilesGiveTheGeneralPathsMessages() throws IOException {
    Path full =
        NomTamFiles.image(
            dir.resolve("full.fits"), FitsReaderTest.randomImage(100, 100, 1L), h -> {});
    byte[] bytes = Files.readAllBytes(full);
    int[] cuts = {100, 2879, 2880, 2881, 2880 + 15_000, 2880 + 39_999};
    for (int cut : cuts) {
      Path f = Files.write(dir.resolve("cut" + cut + ".fits"), Arrays.copyOf(bytes, cut));
      BadInputException e = assertSameProblem(f, -1);
      FitsReaderTest.assertProblemStarts("truncated", e);
    }
    Path unpadded = Files.write(dir.resolve("unpadded.fits"), Arrays.copyOf(bytes, 2880 + 40_000));
    assertSameBothWays(unpadded);
  }

  @Test
  void badImagesGiveTheSameMessages() throws IOException {
    List<Path> files =
        List.of(
            NomTamFiles.image(
                dir.resolve("nan.fits"), new float[][] {{NAN, NAN}, {NAN, NAN}}, h -> {}),
            NomTamFiles.image(dir.resolve("zero.fits"), new short[3][4], h -> {}),
            NomTamFiles.image(
                dir.resolve("blank.fits"),
                new int[][] {{-1, -1}, {-1, -1}},
                h -> h.addValue("BLANK", -1, "")),
            NomTamFiles.image(dir.resolve("row.fits"), new float[][] {{1, 2, 3, 4}}, h -> {}));
    for (Path f : files) {
      assertNotNull(open(f), f + " is read by the fast path");
      assertSameProblem(f, -1);
    }
  }

  // ---- which files take the fast path -------------------------------------------------------

  @Test
  void otherLayoutsAreLeftToTheGeneralPath() throws IOException {
    float[][] raw = FitsReaderTest.randomImage(12, 9, 11L);
    Path plain = NomTamFiles.image(dir.resolve("p.fits"), raw, h -> {});
    BasicHDU<?> image = Fits.makeHDU(raw);
    Path extension = NomTamFiles.write(dir.resolve("ext.fits"), new NullDataHDU(), image);
    ImageHDU hdu = (ImageHDU) Fits.makeHDU(raw);
    CompressedImageHDU compressed = CompressedImageHDU.fromImageHDU(hdu, 9, 4);
    compressed.setCompressAlgorithm("GZIP_1"); // lossless for floats
    compressed.compress();
    Path tiles = NomTamFiles.write(dir.resolve("tiles.fits"), new NullDataHDU(), compressed);
    Path gz = NomTamFiles.gzip(plain, dir.resolve("p.fits.gz"));
    Path spectrum = NomTamFiles.image(dir.resolve("s.fits"), new float[] {1, 2, 3}, h -> {});
    Path text = Files.writeString(dir.resolve("t.fits"), "not FITS at all\n".repeat(300));

    assertNotNull(open(plain));
    for (Path f : List.of(extension, tiles, gz, spectrum, text)) {
      assertNull(open(f), f.getFileName() + " needs the general path");
    }
    for (Path f : List.of(extension, tiles, gz)) {
      assertArrayEquals(FitsReaderTest.flatten(raw), FitsReader.read(f).plane().data());
    }
    assertThrows(IOException.class, () -> open(dir.resolve("missing.fits")));
  }

  @Test
  void reusedBufferGrowsShrinksAndLargePlanesBypassIt() throws IOException {
    Path big =
        NomTamFiles.image(
            dir.resolve("big.fits"), FitsReaderTest.randomImage(300, 200, 1L), h -> {});
    Path small =
        NomTamFiles.image(dir.resolve("small.fits"), FitsReaderTest.randomImage(3, 4, 2L), h -> {});
    // 2050 x 2050 float32 = 16.8 MB, beyond the reused buffer's 16 MiB
    Path huge =
        NomTamFiles.image(
            dir.resolve("huge.fits"), FitsReaderTest.randomImage(2050, 2050, 3L), h -> {});
    for (Path f : List.of(small, big, small, huge, big, small)) {
      assertSame(FitsReader.readGeneral(f, -1), FitsReader.read(f));
    }
  }

  @Test
  void threadsReadingAtOnceGetTheirOwnPixels() throws Exception {
    List<Path> files = new ArrayList<>();
    List<FitsImage> expected = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Path f =
          NomTamFiles.image(
              dir.resolve("t" + i + ".fits"),
              FitsReaderTest.randomImage(40 + i, 50 - i, i),
              h -> {});
      files.add(f);
      expected.add(FitsReader.readGeneral(f, -1));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        jobs.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 50; round++) {
                    int i = (round + offset) % files.size();
                    assertSame(expected.get(i), FitsReader.read(files.get(i)));
                  }
                }));
      }
      for (Future<?> job : jobs) {
        job.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  // ---- real data ---------------------------------------------------------------------------

  @Test
  void everyFirstCutoutTheSameBothWays() throws IOException {
    List<Path> files = RealData.fitsFiles("frdeep-first");
    assertEquals(658, files.size());
    for (Path f : files) {
      assertSameBothWays(f);
    }
  }

  @Test
  void atcaMapsTheSameBothWays() throws IOException {
    List<Path> files = RealData.fitsFiles("atca-scorpio");
    assertEquals(3, files.size());
    for (Path f : files) {
      assertSameBothWays(f);
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** Checks the fast path takes {@code f} and gives what the general path gives. */
  private static void assertSameBothWays(Path f) throws IOException {
    assertNotNull(open(f), f + " should take the fast path");
    assertSame(FitsReader.readGeneral(f, -1), FitsReader.read(f));
  }

  private static PrimaryImageReader open(Path f) throws IOException {
    PrimaryImageReader reader = PrimaryImageReader.open(f);
    if (reader != null) {
      reader.close();
    }
    return reader;
  }

  /** Bit-identical pixels, same source, BITPIX, axes, and header cards in the same order. */
  static void assertSame(FitsImage expected, FitsImage actual) {
    String what = expected.source().getFileName().toString();
    assertEquals(expected.source(), actual.source(), what);
    assertEquals(expected.bitpix(), actual.bitpix(), what);
    assertArrayEquals(expected.axes(), actual.axes(), what);
    assertEquals(expected.width(), actual.width(), what);
    assertEquals(expected.height(), actual.height(), what);
    assertArrayEquals(bits(expected.plane().data()), bits(actual.plane().data()), what);
    assertEquals(cards(expected.header()), cards(actual.header()), what);
  }

  /** Each card as its 80-column image plus key, value, value type and comment. */
  private static List<String> cards(Header header) {
    List<String> out = new ArrayList<>();
    Cursor<String, HeaderCard> it = header.iterator();
    while (it.hasNext()) {
      HeaderCard c = it.next();
      out.add(
          c + "|" + c.getKey() + "|" + c.getValue() + "|" + c.valueType() + "|" + c.getComment());
    }
    assertEquals(header.getNumberOfCards(), out.size());
    return out;
  }

  private static int[] bits(float[] data) {
    int[] out = new int[data.length];
    for (int i = 0; i < data.length; i++) {
      out[i] = Float.floatToRawIntBits(data[i]);
    }
    return out;
  }

  /** Both paths refuse {@code f} with the same message; returns the fast path's exception. */
  private static BadInputException assertSameProblem(Path f, int plane) {
    BadInputException general = FitsReaderTest.assertBad(f, () -> FitsReader.readGeneral(f, plane));
    BadInputException fast = FitsReaderTest.assertBad(f, () -> FitsReader.read(f, plane));
    assertEquals(general.getMessage(), fast.getMessage());
    return fast;
  }

  /** An image written by nom-tam with the given BSCALE, BZERO and (when not null) BLANK. */
  private Path scaled(String name, Object kernel, double bscale, double bzero, Long blank)
      throws IOException {
    return NomTamFiles.image(
        dir.resolve(name),
        kernel,
        h -> {
          h.addValue("BSCALE", bscale, "");
          h.addValue("BZERO", bzero, "");
          if (blank != null) {
            h.addValue("BLANK", blank, "");
          }
        });
  }

  /** A FITS file from hand-written cards (padded to 80 columns, END added) and raw data bytes. */
  private Path rawFits(String name, List<String> cards, byte[] data) throws IOException {
    return NomTamFiles.raw(dir.resolve(name), cards, data);
  }
}
