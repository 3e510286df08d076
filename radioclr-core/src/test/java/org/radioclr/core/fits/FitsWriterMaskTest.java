package org.radioclr.core.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitsWriterMaskTest {
  @TempDir Path dir;

  @Test
  void masksAreUnsigned8BitZeroOrOneWithTheShiftedWcs() throws IOException {
    Header map = new Header();
    FitsCards.create().tanSky(150, 2, 100.5, 80.5, 1e-3).appendTo(map, false, "test");
    Path f = dir.resolve("mask.fits");
    byte[] mask = {0, 5, 0, 1, 1, 0};
    FitsWriter.writeMask(f, mask, 3, 2, FitsCards.from(map).shifted(map, 40, 30));
    try (Fits fits = new Fits(f.toFile())) {
      var hdu = fits.readHDU();
      assertEquals(8, hdu.getHeader().getIntValue("BITPIX"));
      assertEquals(60.5, hdu.getHeader().getDoubleValue("CRPIX1"), 1e-12);
      assertEquals(50.5, hdu.getHeader().getDoubleValue("CRPIX2"), 1e-12);
      byte[][] rows = (byte[][]) hdu.getKernel();
      assertArrayEquals(new byte[] {0, 1, 0}, rows[0]);
      assertArrayEquals(new byte[] {1, 1, 0}, rows[1]);
    } catch (nom.tam.fits.FitsException e) {
      throw new IOException(e);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> FitsWriter.writeMask(dir.resolve("x.fits"), new byte[5], 3, 2, FitsCards.create()));
  }
}
