package org.radioclr.core.fits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.util.FitsOutputStream;

/**
 * Test files written directly with nom-tam-fits (not through {@link FitsWriter}), so the reader is
 * checked against an independent writer: raw integer data with hand-set BSCALE/BZERO/BLANK, cubes,
 * extensions, compressed HDUs.
 */
final class NomTamFiles {
  private NomTamFiles() {}

  /** Writes the given HDUs (the first becomes primary) to {@code file}. */
  static Path write(Path file, BasicHDU<?>... hdus) throws IOException {
    try (Fits fits = new Fits();
        FitsOutputStream out = new FitsOutputStream(Files.newOutputStream(file))) {
      for (BasicHDU<?> hdu : hdus) {
        fits.addHDU(hdu);
      }
      fits.write(out);
    }
    return file;
  }

  /**
   * Writes one image HDU holding {@code kernel} (a Java array such as short[][]), header edited.
   */
  static Path image(Path file, Object kernel, Consumer<Header> edit) throws IOException {
    BasicHDU<?> hdu = Fits.makeHDU(kernel);
    edit.accept(hdu.getHeader());
    return write(file, hdu);
  }

  /**
   * Writes a FITS file from hand-written header cards (each padded to 80 columns, END added, the
   * header padded to whole 2880-byte blocks) and raw data bytes (padded likewise), for headers
   * nom-tam would not write: bare words as values, SIMPLE = F, absurd axis lengths.
   */
  static Path raw(Path file, List<String> cards, byte[] data) throws IOException {
    StringBuilder h = new StringBuilder();
    for (String card : cards) {
      h.append(String.format("%-80s", card));
    }
    h.append(String.format("%-80s", "END"));
    while (h.length() % PrimaryImageReader.BLOCK != 0) {
      h.append(' ');
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    out.write(
        new byte
            [(PrimaryImageReader.BLOCK - data.length % PrimaryImageReader.BLOCK)
                % PrimaryImageReader.BLOCK]);
    return Files.write(file, out.toByteArray());
  }

  /** Gzips {@code source} into {@code target}. */
  static Path gzip(Path source, Path target) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
      Files.copy(source, out);
    }
    return target;
  }
}
