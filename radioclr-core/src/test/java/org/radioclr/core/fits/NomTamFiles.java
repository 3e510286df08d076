package org.radioclr.core.fits;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Gzips {@code source} into {@code target}. */
  static Path gzip(Path source, Path target) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
      Files.copy(source, out);
    }
    return target;
  }
}
