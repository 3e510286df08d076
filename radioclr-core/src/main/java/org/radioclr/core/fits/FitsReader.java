package org.radioclr.core.fits;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.TruncatedFileException;
import nom.tam.image.StandardImageTiler;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import nom.tam.util.ArrayFuncs;
import nom.tam.util.Cursor;
import org.radioclr.core.BadInputException;
import org.radioclr.core.image.Pixels;
import org.radioclr.core.image.Plane;

/**
 * Reads one 2-D image plane from a FITS file into float32, whatever the file holds: BITPIX 8, 16,
 * 32, 64, -32 or -64 with {@code BSCALE}/{@code BZERO} applied and {@code BLANK} pixels turned into
 * NaN; the image in the primary HDU or, when that has no data, the first image extension;
 * tile-compressed images (the FITS tiled image compression convention, RICE/GZIP/HCOMPRESS/PLIO
 * tiles); whole files compressed with gzip (recognised by their magic bytes, whatever the name).
 *
 * <p>Cubes ({@code NAXIS} 3 or 4) whose extra axes have length 1 (the usual FREQ and STOKES of a
 * radio map) give their only plane. A cube with several planes is refused unless a plane index is
 * given; planes are counted in file order, axis 3 varying fastest.
 *
 * <p>Every problem with the file (missing, unreadable, not FITS, truncated, no image data, a 1-D or
 * 1x1 image, no valid pixel, a cube without a plane choice, a plane it does not have ({@link
 * NoSuchPlaneException})) is one {@link BadInputException} naming the file; so is a damaged header
 * ({@link HeaderChecks}: {@code SIMPLE = F}, a missing or absurd {@code NAXISn}, a keyword that
 * must be a number and is not, such as {@code BSCALE = 'abc'}), checked before nom-tam sees the
 * data. nom-tam exceptions never escape and its log warnings are silenced ({@link NomTamLogging}).
 * Headers that are not strictly legal but readable (TAB characters in COMMENT cards, as in the
 * SkyView FIRST cutouts) load as they are.
 *
 * <p>The common case, a plain file with the image in its primary HDU, takes a fast path ({@link
 * PrimaryImageReader}: one channel, the header blocks, one read of the plane's bytes) that gives
 * the same image, header copy and errors as the general nom-tam path; everything else (gzip, tile
 * compression, an image in an extension, a truncated or odd file) takes the general path.
 */
public final class FitsReader {
  static {
    NomTamLogging.quiet();
  }

  private static final byte[] SIMPLE = "SIMPLE  =".getBytes(StandardCharsets.US_ASCII);

  private FitsReader() {}

  /**
   * Reads the image of {@code file}: a 2-D image, or a cube whose axes beyond the second all have
   * length 1.
   *
   * @throws BadInputException naming the file and the problem
   */
  public static FitsImage read(Path file) {
    return read(file, -1);
  }

  /**
   * Reads plane {@code planeIndex} (0-based, file order, axis 3 fastest) of the image in {@code
   * file}; a 2-D image has the single plane 0. A negative index means "the only plane" as in {@link
   * #read(Path)}.
   *
   * @throws BadInputException naming the file and the problem, including a plane index beyond the
   *     cube
   */
  public static FitsImage read(Path file, int planeIndex) {
    return read(file, planeIndex, true);
  }

  /**
   * {@link #read(Path, int)} for inspection: an image whose pixels are all blank (NaN, infinite or
   * zero) is returned as it is rather than refused; every other problem is still a {@link
   * BadInputException}.
   */
  public static FitsImage readEvenIfBlank(Path file, int planeIndex) {
    return read(file, planeIndex, false);
  }

  private static FitsImage read(Path file, int planeIndex, boolean requireValid) {
    FitsImage image;
    try {
      image = readPrimary(file, planeIndex, requireValid);
    } catch (IOException | RuntimeException e) {
      throw problem(file, e);
    }
    return image != null ? image : readGeneral(file, planeIndex, requireValid);
  }

  /**
   * The general path alone: nom-tam reads the file HDU by HDU (any layout, gzip, tile compression).
   * {@link #read(Path, int)} takes it whenever the fast path does not apply; package-private so
   * tests can check that both paths give the same image.
   */
  static FitsImage readGeneral(Path file, int planeIndex) {
    return readGeneral(file, planeIndex, true);
  }

  private static FitsImage readGeneral(Path file, int planeIndex, boolean requireValid) {
    Format format = sniff(file);
    try {
      checkPrimaryHeader(file, format);
    } catch (IOException | RuntimeException e) {
      throw problem(file, e);
    }
    try (Fits fits = open(file, format)) {
      return readImage(fits, file, format, planeIndex, requireValid);
    } catch (IOException | RuntimeException e) {
      throw problem(file, e);
    }
  }

  /**
   * Checks the primary header ({@link HeaderChecks}) before nom-tam builds its data unit, so that a
   * damaged structural card (SIMPLE = F, an absurd NAXISn) is reported in our words; a header that
   * cannot be parsed at all is left for nom-tam to report.
   */
  private static void checkPrimaryHeader(Path file, Format format) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in =
            format == Format.GZIP
                ? new GZIPInputStream(raw, 1 << 16)
                : new BufferedInputStream(raw, 1 << 16)) {
      Header header = PrimaryImageReader.readHeader(in);
      if (header != null) {
        HeaderChecks.check(file, header);
      }
    } catch (EOFException | ZipException e) {
      // a short or corrupt gzip stream: reported, in its words, when nom-tam reads it
    }
  }

  /** The one-line user error for a failure while reading {@code file}. */
  private static BadInputException problem(Path file, Exception e) {
    return switch (e) {
      case BadInputException bad -> bad;
      case TruncatedFileException t ->
          new BadInputException(file, "truncated: the header ends before its END card", t);
      case EOFException eof -> truncated(file, eof);
      case ZipException zip ->
          new BadInputException(file, "corrupt gzip data: " + zip.getMessage(), zip);
      default ->
          hasCause(e, EOFException.class) || hasCause(e, TruncatedFileException.class)
              ? truncated(file, e)
              : new BadInputException(file, "unreadable FITS: " + describe(e), e);
    };
  }

  private enum Format {
    PLAIN,
    GZIP
  }

  /** Checks the file is there and looks like FITS (possibly gzipped) before nom-tam sees it. */
  private static Format sniff(Path file) {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file, "is a folder, not a FITS file");
    }
    byte[] head = new byte[SIMPLE.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file, "file not found", e);
    } catch (AccessDeniedException e) {
      throw new BadInputException(file, "cannot read (permission denied)", e);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read: " + describe(e), e);
    }
    if (n == 0) {
      throw new BadInputException(file, "empty file (0 bytes), not a FITS file");
    }
    if (n >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
      return Format.GZIP;
    }
    if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
      throw new BadInputException(
          file, "bzip2-compressed file, not supported: decompress it or use gzip");
    }
    checkSimple(file, head, n, "");
    return Format.PLAIN;
  }

  private static void checkSimple(Path file, byte[] head, int n, String what) {
    for (int i = 0; i < SIMPLE.length; i++) {
      if (i >= n || head[i] != SIMPLE[i]) {
        throw new BadInputException(file, "not a FITS file" + what + " (no SIMPLE card at start)");
      }
    }
  }

  /**
   * The fast path for a plain file with the image in its primary HDU ({@link PrimaryImageReader});
   * {@code null} when the file needs the general path, which also reports a file that cannot be
   * opened or read.
   */
  private static FitsImage readPrimary(Path file, int planeIndex, boolean requireValid)
      throws IOException {
    PrimaryImageReader opened;
    try {
      opened = PrimaryImageReader.open(file, header -> HeaderChecks.check(file, header));
    } catch (IOException e) {
      return null;
    }
    if (opened == null) {
      return null;
    }
    try (PrimaryImageReader primary = opened) {
      Header header = primary.header();
      if (primary.size() < primary.dataStart() + dataBytes(header)) {
        return null; // truncated: reported by the general path, in its words
      }
      return toImage(file, header, primary::readPlane, planeIndex, requireValid);
    }
  }

  private static Fits open(Path file, Format format) throws FitsException, IOException {
    if (format == Format.PLAIN) {
      return new Fits(file.toFile());
    }
    InputStream raw = Files.newInputStream(file);
    try {
      BufferedInputStream in = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
      in.mark(SIMPLE.length);
      byte[] head = in.readNBytes(SIMPLE.length);
      in.reset();
      checkSimple(file, head, head.length, " (gzip-compressed, but not FITS inside)");
      return new Fits(in);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static FitsImage readImage(
      Fits fits, Path file, Format format, int planeIndex, boolean requireValid)
      throws FitsException, IOException {
    BasicHDU<?> hdu;
    int seen = 0;
    while ((hdu = fits.readHDU()) != null) {
      seen++;
      if (hdu instanceof CompressedImageHDU compressed) {
        checkComplete(file, format, compressed);
        Header header = compressed.getImageHeader();
        ImageHDU image = compressed.asImageHDU();
        return toImage(
            file, header, (axes, plane) -> readPlane(image, axes, plane), planeIndex, requireValid);
      }
      if (hdu instanceof ImageHDU image && hasImageData(file, image.getHeader())) {
        checkComplete(file, format, image);
        return toImage(
            file,
            image.getHeader(),
            (axes, plane) -> readPlane(image, axes, plane),
            planeIndex,
            requireValid);
      }
    }
    if (seen == 0) {
      // the file starts with SIMPLE, yet nom-tam found no complete header
      throw new BadInputException(file, "truncated: the header ends before its END card");
    }
    throw new BadInputException(
        file, "no image data: empty data unit (NAXIS = 0) and no image extension");
  }

  private static boolean hasImageData(Path file, Header header) {
    long[] axes = HeaderChecks.axes(file, header);
    if (axes.length == 0) {
      return false;
    }
    for (long n : axes) {
      if (n == 0) {
        return false;
      }
    }
    return true;
  }

  /** For a file on disk, compares its length with what the HDU header promises. */
  private static void checkComplete(Path file, Format format, BasicHDU<?> hdu) throws IOException {
    if (format != Format.PLAIN) {
      return; // a short gzip stream shows up as an EOFException while reading
    }
    long dataStart = hdu.getData().getFileOffset();
    if (dataStart < 0) {
      return;
    }
    long need = dataStart + dataBytes(hdu.getHeader());
    long have = Files.size(file);
    if (have < need) {
      throw new BadInputException(
          file,
          "truncated: data unit has "
              + Math.max(0, have - dataStart)
              + " of the "
              + (need - dataStart)
              + " bytes the header says");
    }
  }

  /** Unpadded size of the data unit: |BITPIX|/8 * GCOUNT * (PCOUNT + NAXIS1 * ... * NAXISn). */
  private static long dataBytes(Header header) {
    int naxis = header.getIntValue("NAXIS", 0);
    if (naxis == 0) {
      return 0;
    }
    long n = 1;
    for (int i = 1; i <= naxis; i++) {
      n = Math.multiplyExact(n, header.getLongValue("NAXIS" + i, 0));
    }
    long pcount = header.getLongValue("PCOUNT", 0);
    long gcount = header.getLongValue("GCOUNT", 1);
    return Math.abs(header.getIntValue("BITPIX", 8)) / 8 * gcount * (pcount + n);
  }

  /** Reads the raw pixels of one plane as a 1-D primitive array, row-major. */
  @FunctionalInterface
  private interface RawPlane {
    Object read(long[] axes, int plane) throws IOException;
  }

  private static FitsImage toImage(
      Path file, Header header, RawPlane source, int planeIndex, boolean requireValid)
      throws IOException {
    HeaderChecks.check(file, header);
    int bitpix = HeaderChecks.bitpix(file, header);
    long[] axes = HeaderChecks.axes(file, header);
    if (axes.length == 1) {
      throw new BadInputException(
          file, "1-D image (NAXIS = 1, " + axes[0] + " pixels); need a 2-D image");
    }
    if (axes[0] == 1 && axes[1] == 1) {
      throw new BadInputException(
          file, "1x1 image (a single pixel), too small: need at least 2x2 pixels");
    }
    if (axes[0] < 2 || axes[1] < 2) {
      throw new BadInputException(
          file,
          "1-D image ("
              + axes[0]
              + "x"
              + axes[1]
              + " pixels, NAXIS1 = "
              + axes[0]
              + ", NAXIS2 = "
              + axes[1]
              + "); need a 2-D image");
    }
    if (axes[0] * axes[1] > Integer.MAX_VALUE - 8) {
      throw new BadInputException(
          file,
          "image too large: a plane of "
              + axes[0]
              + "x"
              + axes[1]
              + " pixels does not fit in one array");
    }
    int width = (int) axes[0];
    int height = (int) axes[1];
    int plane = choosePlane(file, header, axes, planeIndex);

    Object raw = source.read(axes, plane);
    boolean integer = bitpix > 0;
    boolean hasBlank = integer && header.containsKey("BLANK");
    float[] data =
        RawPixels.toFloat(
            raw,
            HeaderChecks.real(file, header, "BSCALE", 1.0),
            HeaderChecks.real(file, header, "BZERO", 0.0),
            hasBlank,
            hasBlank ? HeaderChecks.integer(file, header, "BLANK", 0) : 0);
    if (requireValid && !Pixels.anyValid(data)) {
      throw new BadInputException(
          file,
          "no valid pixel: all "
              + data.length
              + " pixels"
              + (axes.length > 2 ? " of plane " + plane : "")
              + " are blank, NaN, infinite or zero");
    }
    return new FitsImage(file, new Plane(width, height, data), copy(header), bitpix, axes);
  }

  private static int choosePlane(Path file, Header header, long[] axes, int planeIndex) {
    long planes = 1;
    List<String> extra = new ArrayList<>();
    for (int i = 2; i < axes.length; i++) {
      planes = Math.multiplyExact(planes, axes[i]);
      if (axes[i] > 1) {
        String type = header.getStringValue("CTYPE" + (i + 1), "").trim();
        extra.add(
            axes[i] + " planes on axis " + (i + 1) + (type.isEmpty() ? "" : " (" + type + ")"));
      }
    }
    if (planeIndex < 0) {
      if (planes == 1) {
        return 0;
      }
      String what =
          extra.size() == 1
              ? "cube with " + extra.get(0)
              : "cube with " + planes + " planes (" + String.join(" x ", extra) + ")";
      throw new BadInputException(file, what + "; choose a plane");
    }
    if (planeIndex >= planes) {
      throw new NoSuchPlaneException(
          file,
          planeIndex,
          axes.length == 2
              ? "a 2-D image has only plane 0"
              : planes == 1
                  ? "the image has only plane 0 (its axes beyond the second have length 1)"
                  : "the image has " + planes + " planes (0.." + (planes - 1) + ")");
    }
    return planeIndex;
  }

  /** The raw pixels of one plane as a 1-D primitive array, row-major. */
  private static Object readPlane(ImageHDU image, long[] axes, int plane) throws IOException {
    int n = axes.length;
    int[] index = new int[n]; // Java (reversed FITS) order: NAXISn ... NAXIS1
    int[] lengths = new int[n];
    long rest = plane;
    for (int i = 2; i < n; i++) {
      index[n - 1 - i] = (int) (rest % axes[i]);
      rest /= axes[i];
      lengths[n - 1 - i] = 1;
    }
    lengths[n - 2] = (int) axes[1];
    lengths[n - 1] = (int) axes[0];
    StandardImageTiler tiler = image.getTiler();
    if (tiler != null) {
      return tiler.getTile(index, lengths);
    }
    Object kernel = image.getKernel(); // data already in memory (streamed input)
    for (int i = 0; i < n - 2; i++) {
      kernel = Array.get(kernel, index[i]);
    }
    return ArrayFuncs.flatten(kernel);
  }

  /** A detached copy of the header, so the image keeps no reference to the file. */
  private static Header copy(Header header) {
    Header copy = new Header();
    Cursor<String, HeaderCard> cards = header.iterator();
    while (cards.hasNext()) {
      HeaderCard card = cards.next();
      if (!"END".equals(card.getKey())) {
        copy.addLine(card.copy());
      }
    }
    return copy;
  }

  private static BadInputException truncated(Path file, Exception e) {
    return new BadInputException(
        file, "truncated: the data unit is shorter than the header says", e);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
