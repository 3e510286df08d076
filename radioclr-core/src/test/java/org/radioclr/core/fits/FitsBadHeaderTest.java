package org.radioclr.core.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.NullDataHDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged headers: every file here was read before with a silent default, a wrong message or
 * nom-tam's internals; now each is one message naming the file, the keyword and its value, the same
 * on the fast path, the general path and for the file gzipped.
 */
class FitsBadHeaderTest {
  @TempDir Path dir;

  private static final float NAN = Float.NaN;

  // ---- keywords that must be numbers ---------------------------------------------------------

  @Test
  void bscaleThatIsNotANumberIsAnError() throws IOException {
    // raw integers 1..16 came out unscaled as if they were physical values
    assertProblem("BSCALE = 'abc' is not a number", shorts("BSCALE  = 'abc'"));
    assertProblem("BSCALE = abc is not a number", shorts("BSCALE  = abc"));
    assertProblem("BSCALE = T is not a number", shorts("BSCALE  =                    T"));
    assertProblem(
        "BSCALE has no value; it must be a number", shorts("BSCALE  =  / the value is missing"));
  }

  @Test
  void bzeroAndBlankThatAreNotNumbersAreErrors() throws IOException {
    assertProblem("BZERO = 'x' is not a number", shorts("BZERO   = 'x'"));
    assertProblem("BLANK = 'none' is not an integer", shorts("BLANK   = 'none'"));
    assertProblem("BLANK = 1.5 is not an integer", shorts("BLANK   =                  1.5"));
  }

  @Test
  void blankOfFloatDataIsStillIgnored() throws IOException {
    Path f =
        NomTamFiles.raw(
            dir.resolve("fblank.fits"),
            cards(-32, 2, 2, "BLANK   = 'ignored for float data'"),
            floats(1, 2, 3, 4));
    FitsReaderTest.assertPixels(new float[] {1, 2, 3, 4}, FitsReader.read(f));
  }

  @Test
  void goodNumbersInEveryFormStillRead() throws IOException {
    Path f =
        NomTamFiles.raw(
            dir.resolve("forms.fits"),
            cards(
                16,
                4,
                4,
                "BSCALE  =               2.0D-1",
                "BZERO   =                  +1.",
                "BLANK   =                   +5",
                "CRPIX1  =                  .5E1"),
            shortData());
    FitsImage img = FitsReader.read(f);
    assertEquals(1.2f, img.plane().get(0, 0), 1e-6f);
    assertTrue(Float.isNaN(img.plane().get(0, 1)), "BLANK +5 is pixel 5");
  }

  @Test
  void wcsAndBeamKeywordsThatAreNotNumbersAreErrors() throws IOException {
    assertProblem("CRPIX1 = 'abc' is not a number", shorts("CRPIX1  = 'abc'"));
    assertProblem("CRVAL2 = north is not a number", shorts("CRVAL2  = north"));
    assertProblem("CDELT1 = '-2 arcsec' is not a number", shorts("CDELT1  = '-2 arcsec'"));
    assertProblem("CD1_2 = F is not a number", shorts("CD1_2   =                    F"));
    assertProblem("PC2_1 = 'zero' is not a number", shorts("PC2_1   = 'zero'"));
    assertProblem("CROTA2 = 'none' is not a number", shorts("CROTA2  = 'none'"));
    assertProblem("BMAJ = '6 arcsec' is not a number", shorts("BMAJ    = '6 arcsec'"));
    assertProblem("EQUINOX = 'J2000' is not a number", shorts("EQUINOX = 'J2000'"));
  }

  @Test
  void anImageInAnExtensionIsCheckedToo() throws IOException {
    BasicHDU<?> image = Fits.makeHDU(new short[][] {{1, 2}, {3, 4}});
    image.getHeader().addValue("BSCALE", "abc", "");
    Path f = NomTamFiles.write(dir.resolve("ext.fits"), new NullDataHDU(), image);
    assertEquals(
        "BSCALE = 'abc' is not a number",
        FitsReaderTest.assertBad(f, () -> FitsReader.read(f)).problem());
  }

  // ---- structural keywords -------------------------------------------------------------------

  @Test
  void axisLengthBeyondTwoBillionIsTooLarge() throws IOException {
    // was "unreadable FITS: Invalid array dimension:-1294967296"
    assertProblem(
        "image too large: NAXIS1 = 3000000000 pixels (at most 2147483647 per axis)",
        NomTamFiles.raw(dir.resolve("wide.fits"), cards(-32, 3_000_000_000L, 1), floats(1, 2)));
    assertProblem(
        "image too large: NAXIS2 = 3000000000 pixels (at most 2147483647 per axis)",
        NomTamFiles.raw(dir.resolve("tall.fits"), cards(-32, 4, 3_000_000_000L), floats(1, 2)));
    assertProblem(
        "NAXIS1 = 3E9 is not an integer",
        NomTamFiles.raw(
            dir.resolve("real.fits"),
            replace(cards(-32, 4, 4), "NAXIS1", "NAXIS1  =                  3E9"),
            floats(new float[16])));
  }

  @Test
  void axisLengthThatIsNotAnIntegerIsAnError() throws IOException {
    // was "no image data: empty data unit (NAXIS = 0) and no image extension"
    assertProblem(
        "NAXIS1 = 'four' is not an integer",
        NomTamFiles.raw(
            dir.resolve("word.fits"),
            replace(cards(-32, 4, 4), "NAXIS1", "NAXIS1  = 'four'"),
            floats(new float[16])));
    assertProblem(
        "NAXIS2 = -4 is invalid (an axis length is 0 or more)",
        NomTamFiles.raw(dir.resolve("neg.fits"), cards(-32, 4, -4), floats(new float[16])));
  }

  @Test
  void simpleFalseIsNotAStandardFitsFile() throws IOException {
    // was "unreadable FITS: Unrecognizable header in dataFactory"
    assertProblem(
        "not a standard FITS file: SIMPLE = F (a standard file says T)",
        NomTamFiles.raw(
            dir.resolve("simplef.fits"),
            replace(cards(-32, 2, 2), "SIMPLE", "SIMPLE  =                    F"),
            floats(1, 2, 3, 4)));
  }

  @Test
  void naxisIsReportedAsWrittenWithTheMissingAxes() throws IOException {
    // NAXIS = 999 was reported as "NAXIS = 0"; NAXIS = 1000 as "NAXISn: index 1000 is out of..."
    assertProblem(
        "NAXIS = 999 but NAXIS3 to NAXIS999 are missing",
        NomTamFiles.raw(
            dir.resolve("n999.fits"),
            replace(cards(-32, 2, 2), "NAXIS ", "NAXIS   =                  999"),
            floats(1, 2, 3, 4)));
    assertProblem(
        "NAXIS = 3 but NAXIS3 is missing",
        NomTamFiles.raw(
            dir.resolve("n3.fits"),
            replace(cards(-32, 2, 2), "NAXIS ", "NAXIS   =                    3"),
            floats(1, 2, 3, 4)));
    List<String> gaps = replace(cards(-32, 2, 2), "NAXIS ", "NAXIS   =                    6");
    gaps.add("NAXIS4  =                    1");
    gaps.add("NAXIS6  =                    1");
    assertProblem(
        "NAXIS = 6 but NAXIS3 and NAXIS5 are missing",
        NomTamFiles.raw(dir.resolve("n6.fits"), gaps, floats(1, 2, 3, 4)));
    assertProblem(
        "NAXIS = 1000 is invalid (FITS allows 0 to 999 axes)",
        NomTamFiles.raw(
            dir.resolve("n1000.fits"),
            replace(cards(-32, 2, 2), "NAXIS ", "NAXIS   =                 1000"),
            floats(1, 2, 3, 4)));
  }

  @Test
  void badBitpixIsNamed() throws IOException {
    assertProblem(
        "invalid BITPIX 12 (FITS allows 8, 16, 32, 64, -32, -64)",
        NomTamFiles.raw(dir.resolve("b12.fits"), cards(12, 2, 2), floats(1, 2, 3, 4)));
  }

  @Test
  void singlePixelImageIsTooSmallNotOneDimensional() throws IOException {
    // was "1-D image (1x1 pixels, NAXIS1 = 1, NAXIS2 = 1); need a 2-D image"
    assertProblem(
        "1x1 image (a single pixel), too small: need at least 2x2 pixels",
        NomTamFiles.image(dir.resolve("one.fits"), new float[][] {{1}}, h -> {}));
  }

  // ---- plane choice --------------------------------------------------------------------------

  @Test
  void aPlaneBeyondTheImageNamesWhatItHas() throws IOException {
    Path flat =
        NomTamFiles.image(dir.resolve("flat.fits"), new float[][] {{1, 2}, {3, 4}}, h -> {});
    NoSuchPlaneException e =
        assertThrows(NoSuchPlaneException.class, () -> FitsReader.read(flat, 1));
    assertEquals("plane 1 requested, but a 2-D image has only plane 0", e.problem());
    assertEquals(
        flat + ": --plane 1: a 2-D image has only plane 0", e.forOption("--plane").getMessage());

    Path cube = NomTamFiles.image(dir.resolve("cube.fits"), new float[3][2][2], h -> {});
    NoSuchPlaneException c =
        assertThrows(NoSuchPlaneException.class, () -> FitsReader.read(cube, 3));
    assertEquals("plane 3 requested, but the image has 3 planes (0..2)", c.problem());
  }

  // ---- inspection of an image without a valid pixel -----------------------------------------

  @Test
  void readEvenIfBlankGivesAnAllBlankImage() throws IOException {
    Path nan =
        NomTamFiles.image(dir.resolve("nan.fits"), new float[][] {{NAN, NAN}, {NAN, NAN}}, h -> {});
    Path zero = NomTamFiles.image(dir.resolve("zero.fits"), new short[3][4], h -> {});
    FitsReaderTest.assertPixels(
        new float[] {NAN, NAN, NAN, NAN}, FitsReader.readEvenIfBlank(nan, -1));
    assertEquals(12, FitsReader.readEvenIfBlank(zero, 0).plane().data().length);
    FitsReaderTest.assertProblemStarts(
        "no valid pixel", FitsReaderTest.assertBad(nan, () -> FitsReader.read(nan)));
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** Both paths, and the file gzipped, give exactly {@code problem}. */
  private void assertProblem(String problem, Path f) throws IOException {
    assertEquals(problem, FitsReaderTest.assertBad(f, () -> FitsReader.read(f)).problem(), "fast");
    assertEquals(
        problem,
        FitsReaderTest.assertBad(f, () -> FitsReader.readGeneral(f, -1)).problem(),
        "general");
    Path gz = NomTamFiles.gzip(f, dir.resolve(f.getFileName() + ".gz"));
    assertEquals(
        problem, FitsReaderTest.assertBad(gz, () -> FitsReader.read(gz)).problem(), "gzip");
  }

  private int count;

  /** A 4x4 BITPIX 16 image of 1..16 with the extra cards. */
  private Path shorts(String... extra) throws IOException {
    return NomTamFiles.raw(
        dir.resolve("s" + count++ + ".fits"), cards(16, 4, 4, extra), shortData());
  }

  private static List<String> cards(int bitpix, long naxis1, long naxis2, String... extra) {
    List<String> cards = new ArrayList<>();
    cards.add("SIMPLE  =                    T");
    cards.add(String.format("BITPIX  = %20d", bitpix));
    cards.add("NAXIS   =                    2");
    cards.add(String.format("NAXIS1  = %20d", naxis1));
    cards.add(String.format("NAXIS2  = %20d", naxis2));
    cards.addAll(Arrays.asList(extra));
    return cards;
  }

  /** The cards with the one starting with {@code prefix} replaced. */
  private static List<String> replace(List<String> cards, String prefix, String card) {
    List<String> out = new ArrayList<>(cards);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).startsWith(prefix)) {
        out.set(i, card);
        return out;
      }
    }
    throw new IllegalArgumentException("no card " + prefix);
  }

  private static byte[] shortData() {
    ByteBuffer b = ByteBuffer.allocate(32);
    for (short v = 1; v <= 16; v++) {
      b.putShort(v);
    }
    return b.array();
  }

  private static byte[] floats(float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }
}
