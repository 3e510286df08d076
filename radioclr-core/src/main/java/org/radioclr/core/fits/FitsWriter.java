package org.radioclr.core.fits;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.header.Standard;
import nom.tam.util.FitsOutputStream;
import org.radioclr.core.Version;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.AtomicFiles;

/**
 * Writes float32 (BITPIX = -32) FITS images: one {@link Plane} as a 2-D image ({@code [NAXIS2 =
 * height][NAXIS1 = width]}), or equal-size planes as a cube ({@code NAXIS3} = number of planes,
 * plane {@code k} at index {@code k} of axis 3). The header carries the cards of a {@link
 * FitsCards} (WCS, beam, unit, provenance copied from a template, caller overrides, HISTORY) and
 * {@code RCLRVER}, the radioclr version. NaN pixels are written as they are (IEEE NaN is the FITS
 * blank value for floating-point data). Files are written through {@link AtomicFiles}: a reader
 * never sees half a file.
 *
 * <p>To make a test image: {@code FitsWriter.write(dir.resolve("a.fits"), plane,
 * FitsCards.create().tanSky(150, 2, 33, 33, 1.8 / 3600).set("BUNIT", "Jy/beam"))}.
 */
public final class FitsWriter {
  static {
    NomTamLogging.quiet();
  }

  private FitsWriter() {}

  /** Writes {@code plane} as a 2-D image with only the structural cards and {@code RCLRVER}. */
  public static void write(Path target, Plane plane) {
    write(target, plane, FitsCards.create());
  }

  /**
   * Writes {@code plane} as a 2-D float32 image with the given cards.
   *
   * @throws org.radioclr.core.BadInputException naming the target when it cannot be written
   */
  public static void write(Path target, Plane plane, FitsCards cards) {
    Objects.requireNonNull(plane, "plane");
    float[][] rows = new float[plane.height()][];
    float[] data = plane.data();
    for (int y = 0; y < rows.length; y++) {
      rows[y] = new float[plane.width()];
      System.arraycopy(data, y * plane.width(), rows[y], 0, plane.width());
    }
    writeArray(target, rows, cards, false);
  }

  /**
   * Writes a {@code width x height} mask ({@code mask[y * width + x]}, non-zero inside) as an
   * unsigned 8-bit image ({@code BITPIX = 8}) of 0 and 1, a quarter of the float32 size.
   */
  public static void writeMask(Path target, byte[] mask, int width, int height, FitsCards cards) {
    if ((long) width * height != mask.length) {
      throw new IllegalArgumentException(
          "mask of " + mask.length + " pixels is not " + width + "x" + height);
    }
    byte[][] rows = new byte[height][width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        rows[y][x] = mask[y * width + x] != 0 ? (byte) 1 : (byte) 0;
      }
    }
    writeArray(target, rows, cards, false);
  }

  /**
   * Writes equal-size planes as a float32 cube, {@code NAXIS3 = planes.size()}. The template's axis
   * 3 and 4 cards are dropped (see {@link FitsCards}); set {@code CTYPE3} and friends on {@code
   * cards} to describe the new axis.
   *
   * @throws IllegalArgumentException when the list is empty or the planes differ in size
   * @throws org.radioclr.core.BadInputException naming the target when it cannot be written
   */
  public static void writeCube(Path target, List<Plane> planes, FitsCards cards) {
    Objects.requireNonNull(planes, "planes");
    if (planes.isEmpty()) {
      throw new IllegalArgumentException("a cube needs at least one plane, got none");
    }
    int width = planes.get(0).width();
    int height = planes.get(0).height();
    float[][][] cube = new float[planes.size()][height][width];
    for (int k = 0; k < planes.size(); k++) {
      Plane p = planes.get(k);
      if (p.width() != width || p.height() != height) {
        throw new IllegalArgumentException(
            "cube planes must all be "
                + width
                + "x"
                + height
                + ", plane "
                + k
                + " is "
                + p.width()
                + "x"
                + p.height());
      }
      for (int y = 0; y < height; y++) {
        System.arraycopy(p.data(), y * width, cube[k][y], 0, width);
      }
    }
    writeArray(target, cube, cards, true);
  }

  /** Fills a band of rows of an image written by {@link #writeRows}. */
  @FunctionalInterface
  public interface RowFiller {
    /**
     * Fills rows {@code y0 .. y0 + rows - 1} into {@code data} ({@code [(y - y0) * width + x]},
     * zeroed beforehand; only its first {@code rows * width} values are written).
     */
    void fill(int y0, int rows, float[] data);
  }

  /**
   * Writes a {@code width x height} float32 image band by band ({@code band} rows at a time), so
   * that an image of any size is written with one band in memory.
   *
   * @throws org.radioclr.core.BadInputException naming the target when it cannot be written
   */
  public static void writeRows(
      Path target, int width, int height, FitsCards cards, int band, RowFiller rows) {
    Objects.requireNonNull(cards, "cards");
    if (width < 1 || height < 1 || band < 1) {
      throw new IllegalArgumentException(
          "need a positive size and band, got " + width + "x" + height + ", band " + band);
    }
    Header header;
    try {
      // the structural cards of a 1x1 float image, resized: the data are written below
      header = Fits.makeHDU(new float[1][1]).getHeader();
      header.addValue(Standard.NAXISn.n(1), width);
      header.addValue(Standard.NAXISn.n(2), height);
      header.findCard("SIMPLE").setComment("written by radioclr");
      header.seekTail();
      cards.appendTo(header, false, Version.get());
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot build the FITS header: " + e.getMessage(), e);
    }
    int b = Math.min(band, height);
    AtomicFiles.write(
        target,
        tmp -> {
          try (FitsOutputStream out =
              new FitsOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            header.write(out);
            float[] data = new float[Math.multiplyExact(width, b)];
            for (int y0 = 0; y0 < height; y0 += b) {
              int n = Math.min(b, height - y0);
              Arrays.fill(data, 0, n * width, 0f);
              rows.fill(y0, n, data);
              out.write(data, 0, n * width);
            }
            long bytes = 4L * width * height;
            out.write(new byte[(int) ((2880 - bytes % 2880) % 2880)]);
          } catch (FitsException e) {
            throw new IOException("FITS write failed: " + e.getMessage(), e);
          }
        });
  }

  private static void writeArray(Path target, Object array, FitsCards cards, boolean cube) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(cards, "cards");
    BasicHDU<?> hdu;
    try {
      hdu = Fits.makeHDU(array);
      Header header = hdu.getHeader();
      // nom-tam puts the write time in this comment; a fixed one keeps output reproducible
      header.findCard("SIMPLE").setComment("written by radioclr");
      header.seekTail();
      cards.appendTo(header, cube, Version.get());
    } catch (FitsException e) {
      throw new IllegalStateException("cannot build the FITS header: " + e.getMessage(), e);
    }
    AtomicFiles.write(
        target,
        tmp -> {
          try (Fits fits = new Fits();
              FitsOutputStream out =
                  new FitsOutputStream(
                      new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            fits.addHDU(hdu);
            fits.write(out);
          } catch (FitsException e) {
            throw new IOException("FITS write failed: " + e.getMessage(), e);
          }
        });
  }
}
