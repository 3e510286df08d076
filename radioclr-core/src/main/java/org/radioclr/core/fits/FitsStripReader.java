package org.radioclr.core.fits;

import java.io.IOException;
import java.nio.file.Path;
import nom.tam.fits.Header;
import org.radioclr.core.BadInputException;
import org.radioclr.core.image.Plane;

/**
 * Reads an image's rows a strip at a time, so that a survey map of any size can be walked with
 * bounded memory. A plain file with its 2-D image in the primary HDU (or a cube of one plane), the
 * common case, is read straight from disk with one positional read per strip ({@link
 * PrimaryImageReader}), {@code BSCALE}/{@code BZERO}/{@code BLANK} applied as {@link FitsReader}
 * does; anything else (gzip, tile compression, an image extension) is read whole by {@link
 * FitsReader} and strips are copied from memory.
 */
public final class FitsStripReader implements AutoCloseable {
  private final Path file;
  private final PrimaryImageReader primary;
  private final Plane whole;
  private final Header header;
  private final long[] axes;
  private final double bscale;
  private final double bzero;
  private final boolean hasBlank;
  private final long blank;

  private FitsStripReader(Path file, PrimaryImageReader primary, Plane whole, Header header) {
    this.file = file;
    this.primary = primary;
    this.whole = whole;
    this.header = header;
    this.axes = HeaderChecks.axes(file, header);
    boolean integer = HeaderChecks.bitpix(file, header) > 0;
    this.bscale = HeaderChecks.real(file, header, "BSCALE", 1.0);
    this.bzero = HeaderChecks.real(file, header, "BZERO", 0.0);
    this.hasBlank = integer && header.containsKey("BLANK");
    this.blank = hasBlank ? HeaderChecks.integer(file, header, "BLANK", 0) : 0;
  }

  /**
   * Opens {@code file}.
   *
   * @throws BadInputException naming the file and the problem
   */
  public static FitsStripReader open(Path file) {
    PrimaryImageReader p = null;
    try {
      p = PrimaryImageReader.open(file, header -> HeaderChecks.check(file, header));
      if (p != null && streamable(file, p)) {
        return new FitsStripReader(file, p, null, p.header());
      }
    } catch (IOException e) {
      // not a plain file: the general path reports the problem
    } catch (RuntimeException e) {
      close(p);
      throw e instanceof BadInputException bad
          ? bad
          : new BadInputException(file, "unreadable FITS: " + e.getMessage(), e);
    }
    close(p);
    FitsImage img = FitsReader.read(file);
    return new FitsStripReader(file, null, img.plane(), img.header());
  }

  private static boolean streamable(Path file, PrimaryImageReader p) {
    long[] axes = HeaderChecks.axes(file, p.header());
    if (axes.length < 2 || axes[0] < 2 || axes[1] < 2) {
      return false;
    }
    long bytes = Math.abs(HeaderChecks.bitpix(file, p.header())) / 8;
    for (long n : axes) {
      bytes = Math.multiplyExact(bytes, n);
    }
    for (int i = 2; i < axes.length; i++) {
      if (axes[i] != 1) {
        return false;
      }
    }
    return p.size() >= p.dataStart() + bytes;
  }

  /** The image's primary (or image extension) header. */
  public Header header() {
    return header;
  }

  /** Image width (NAXIS1), pixels. */
  public int width() {
    return Math.toIntExact(axes[0]);
  }

  /** Image height (NAXIS2), pixels. */
  public int height() {
    return Math.toIntExact(axes[1]);
  }

  /**
   * Rows {@code y0 .. y0 + rows - 1} as a {@code width × rows} plane (row {@code y0} first),
   * float32 physical values.
   *
   * @throws BadInputException naming the file when it cannot be read
   */
  public Plane rows(int y0, int rows) {
    if (y0 < 0 || rows < 1 || y0 + rows > height()) {
      throw new IllegalArgumentException(
          "rows " + y0 + ".." + (y0 + rows - 1) + " outside an image of " + height() + " rows");
    }
    int w = width();
    if (whole != null) {
      float[] d = new float[w * rows];
      System.arraycopy(whole.data(), y0 * w, d, 0, d.length);
      return new Plane(w, rows, d);
    }
    try {
      Object raw = primary.readRows(axes, y0, rows);
      return new Plane(w, rows, RawPixels.toFloat(raw, bscale, bzero, hasBlank, blank));
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read rows: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    close(primary);
  }

  private static void close(PrimaryImageReader p) {
    if (p != null) {
      try {
        p.close();
      } catch (IOException e) {
        // read-only: nothing is lost
      }
    }
  }
}
