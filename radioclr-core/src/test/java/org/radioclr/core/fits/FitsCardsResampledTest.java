package org.radioclr.core.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.image.Plane;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;

class FitsCardsResampledTest {
  private static final Plane ONES = new Plane(2, 2, new float[] {1, 1, 1, 1});

  @TempDir Path dir;

  private Wcs resampledWcs(FitsCards source, double fx, double fy) {
    Path in = dir.resolve("in.fits");
    FitsWriter.write(in, ONES, source);
    FitsImage image = FitsReader.read(in);
    Path out = dir.resolve("out.fits");
    FitsWriter.write(out, ONES, FitsCards.from(image.header()).resampled(image.header(), fx, fy));
    return Wcs.fromHeader(FitsReader.read(out).header());
  }

  @Test
  void outputPixelCentresLandOnTheMatchingInputPositions() {
    FitsCards cdelt = FitsCards.create().tanSky(150, -30, 75.5, 60.25, 1.8 / 3600);
    FitsCards cd =
        FitsCards.create()
            .set("CTYPE1", "RA---SIN")
            .set("CTYPE2", "DEC--SIN")
            .set("CRVAL1", 20.0)
            .set("CRVAL2", 10.0)
            .set("CRPIX1", 33.0)
            .set("CRPIX2", 12.0)
            .set("CD1_1", -4e-4)
            .set("CD1_2", 1e-4)
            .set("CD2_1", 1.5e-4)
            .set("CD2_2", 4e-4);
    for (FitsCards cards : new FitsCards[] {cdelt, cd}) {
      Path in = dir.resolve("ref.fits");
      FitsWriter.write(in, ONES, cards);
      Wcs before = Wcs.fromHeader(FitsReader.read(in).header());
      double fx = 224.0 / 150;
      double fy = 224.0 / 300;
      Wcs after = resampledWcs(cards, fx, fy);
      for (double[] p : new double[][] {{0, 0}, {100, 17}, {223, 223}}) {
        SkyCoord expected = before.pixelToSky((p[0] + 0.5) / fx - 0.5, (p[1] + 0.5) / fy - 0.5);
        assertEquals(0, expected.separationDeg(after.pixelToSky(p[0], p[1])), 1e-9);
      }
    }
  }

  @Test
  void missingCrpixAndCdeltKeepTheirFitsDefaultsWhenResampledOrShifted() {
    // no CRPIXn (default 0) and no CDELTn (default 1): the derived image must keep the same sky,
    // not fall back to the defaults again with the pixel grid moved or rescaled
    FitsCards cards =
        FitsCards.create()
            .set("CTYPE1", "RA---CAR")
            .set("CTYPE2", "DEC--CAR")
            .set("CRVAL1", 20.0)
            .set("CRVAL2", 0.0);
    Path in = dir.resolve("defaults.fits");
    FitsWriter.write(in, ONES, cards);
    Header header = FitsReader.read(in).header();
    Wcs before = Wcs.fromHeader(header);
    assertEquals(4, before.defaults().size());

    Wcs after = resampledWcs(cards, 2.0, 0.5);
    for (double[] p : new double[][] {{0, 0}, {3, 1}, {1, 3}}) {
      SkyCoord expected = before.pixelToSky((p[0] + 0.5) / 2.0 - 0.5, (p[1] + 0.5) / 0.5 - 0.5);
      assertEquals(0, expected.separationDeg(after.pixelToSky(p[0], p[1])), 1e-9);
    }

    Path shifted = dir.resolve("shifted.fits");
    FitsWriter.write(shifted, ONES, FitsCards.from(header).shifted(header, 5, 7));
    Wcs frame = Wcs.fromHeader(FitsReader.read(shifted).header());
    for (double[] p : new double[][] {{0, 0}, {1, 1}}) {
      assertEquals(
          0,
          before.pixelToSky(p[0] + 5, p[1] + 7).separationDeg(frame.pixelToSky(p[0], p[1])),
          1e-9);
    }
  }
}
