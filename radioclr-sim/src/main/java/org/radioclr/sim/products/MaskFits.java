package org.radioclr.sim.products;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.util.Cursor;
import nom.tam.util.FitsOutputStream;
import org.radioclr.core.io.AtomicFiles;

/**
 * Writes a frame-sized instance mask as an unsigned 8-bit FITS image ({@code BITPIX = 8}, values 0
 * and 1, 64 KiB for a 256 x 256 frame, a quarter of float32), with the celestial WCS and beam cards
 * of the map shifted to the frame (CRPIX minus the frame origin), as caesar-mrcnn's mask files
 * carry the image's header. Written atomically; the same mask gives the same bytes.
 */
public final class MaskFits {
  /** WCS and beam keywords copied from the map header. */
  private static final Pattern COPIED =
      Pattern.compile(
          "(?:CTYPE|CRVAL|CDELT|CRPIX|CUNIT)[12]|CROTA2|PC0*[12]_0*[12]|CD0*[12]_0*[12]"
              + "|PV2_\\d+|LONPOLE|LATPOLE|RADESYS|EQUINOX|BMAJ|BMIN|BPA");

  private MaskFits() {}

  /**
   * Writes {@code mask} ({@code [y * width + x]}, non-zero inside) as a {@code width x height}
   * uint8 image of 0/1.
   *
   * @param mapHeader header of the map the frame was cut from (null: no WCS cards)
   * @param x0 the frame's first map column
   * @param y0 the frame's first map row
   * @param history one HISTORY line, or null
   * @throws org.radioclr.core.BadInputException naming the target when it cannot be written
   */
  public static void write(
      Path target,
      byte[] mask,
      int width,
      int height,
      Header mapHeader,
      int x0,
      int y0,
      String history) {
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
    BasicHDU<?> hdu;
    try {
      hdu = Fits.makeHDU(rows);
      Header h = hdu.getHeader();
      // nom-tam puts the write time in this comment; a fixed one keeps output reproducible
      h.findCard("SIMPLE").setComment("written by radioclr-sim");
      h.seekTail();
      if (mapHeader != null) {
        Cursor<String, HeaderCard> it = mapHeader.iterator();
        while (it.hasNext()) {
          HeaderCard card = it.next();
          String key = card.getKey();
          if (key == null || !card.isKeyValuePair() || !COPIED.matcher(key).matches()) {
            continue;
          }
          if (key.equals("CRPIX1")) {
            h.addLine(new HeaderCard("CRPIX1", card.getValue(Double.class, 0.0) - x0));
          } else if (key.equals("CRPIX2")) {
            h.addLine(new HeaderCard("CRPIX2", card.getValue(Double.class, 0.0) - y0));
          } else {
            h.addLine(card.copy());
          }
        }
      }
      h.addLine(HeaderCard.createCommentCard("instance mask: 1 inside the source, 0 outside"));
      if (history != null) {
        h.addLine(
            HeaderCard.createHistoryCard(history.substring(0, Math.min(history.length(), 70))));
      }
    } catch (FitsException e) {
      throw new IllegalStateException("cannot build the mask FITS header: " + e.getMessage(), e);
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
