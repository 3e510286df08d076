package org.radioclr.core.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.image.Plane;

class FitsStripReaderTest {
  private static Plane random(int w, int h) {
    SplittableRandom r = new SplittableRandom(4);
    Plane p = Plane.zeros(w, h);
    for (int i = 0; i < p.size(); i++) {
      p.data()[i] = (float) r.nextGaussian();
    }
    return p;
  }

  private static float[] rows(Plane p, int y0, int n) {
    return Arrays.copyOfRange(p.data(), y0 * p.width(), (y0 + n) * p.width());
  }

  @Test
  void stripsAreTheRowsOfTheWholeImagePlainOrGzipped(@TempDir Path dir) throws IOException {
    Plane p = random(37, 23);
    Path plain = dir.resolve("a.fits");
    FitsWriter.write(plain, p, FitsCards.create().set("BUNIT", "Jy/beam"));
    Path gz = dir.resolve("a.fits.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(plain, out);
    }
    for (Path f : new Path[] {plain, gz}) {
      try (FitsStripReader r = FitsStripReader.open(f)) {
        assertEquals(37, r.width());
        assertEquals(23, r.height());
        assertEquals("Jy/beam", r.header().getStringValue("BUNIT"));
        assertArrayEquals(rows(p, 0, 5), r.rows(0, 5).data());
        assertArrayEquals(rows(p, 20, 3), r.rows(20, 3).data());
        assertThrows(IllegalArgumentException.class, () -> r.rows(21, 3));
      }
    }
  }

  @Test
  void aFileThatIsNotFitsIsOneClearError(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("b.fits");
    Files.writeString(f, "not fits");
    BadInputException e = assertThrows(BadInputException.class, () -> FitsStripReader.open(f));
    assertEquals(f, e.file());
  }

  @Test
  void writtenRowByRowReadsBackAsTheSameImageAndHeader(@TempDir Path dir) {
    Plane p = random(50, 31);
    Path a = dir.resolve("rows.fits");
    FitsCards cards = FitsCards.create().tanSky(10, 20, 25, 16, 1e-3).history("test");
    FitsWriter.writeRows(
        a, 50, 31, cards, 7, (y0, n, data) -> System.arraycopy(p.data(), y0 * 50, data, 0, n * 50));
    FitsImage back = FitsReader.read(a);
    assertArrayEquals(p.data(), back.plane().data());
    Path b = dir.resolve("whole.fits");
    FitsWriter.write(b, p, cards);
    assertEquals(
        FitsReader.read(b).header().getDoubleValue("CRVAL1"),
        back.header().getDoubleValue("CRVAL1"));
    assertEquals(Files.exists(b), true);
  }
}
