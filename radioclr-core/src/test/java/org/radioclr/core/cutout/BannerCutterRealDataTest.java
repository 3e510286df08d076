package org.radioclr.core.cutout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.catalog.CatalogColumns;
import org.radioclr.core.datalist.DatalistEntry;
import org.radioclr.core.datalist.DatalistReader;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.image.Plane;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.testkit.RealData;

/**
 * A banner set over a real ATCA SCORPIO map ({@code ../shared/data/atca-scorpio}, skipped when
 * absent; FK5 NCP projection, 1.5"/pixel): 200 sources at seeded random pixel positions, turned
 * into ICRS RA/Dec with the map's WCS, with major axes of 10"-200". Every cutout's own WCS must put
 * its source within half a pixel of the cutout centre, its pixels must be the map's, and its side
 * must follow the scale rule. Prints the rate (not asserted).
 */
class BannerCutterRealDataTest {
  private static final int SOURCES = 200;

  @TempDir Path dir;

  @Test
  @Tag("slow")
  void bannerSetOverAnAtcaMapIsCentredOnTheCatalogue() throws IOException {
    Path map = RealData.require("atca-scorpio").resolve("ScorpioS17Field.fits");
    FitsImage image = FitsReader.read(map);
    Wcs mapWcs = Wcs.fromHeader(image.header());
    double[] scale = mapWcs.pixelScaleDeg();
    double degPerPixel = Math.min(scale[0], scale[1]);

    SplittableRandom rng = new SplittableRandom(20240517);
    double[][] sky = new double[SOURCES][];
    double[] majArcsec = new double[SOURCES];
    StringBuilder csv = new StringBuilder("name,ra,dec,maj\n");
    for (int i = 0; i < SOURCES; i++) {
      double x = rng.nextDouble(-0.4, image.width() - 0.6);
      double y = rng.nextDouble(-0.4, image.height() - 0.6);
      SkyCoord c = mapWcs.pixelToSky(x, y).to(CelestialFrame.ICRS);
      sky[i] = new double[] {c.lon(), c.lat()};
      majArcsec[i] = rng.nextDouble(10, 200);
      csv.append(String.format("S%03d,%s,%s,%s%n", i, c.lon(), c.lat(), majArcsec[i]));
    }
    Path cat = Files.writeString(dir.resolve("scorpio.csv"), csv);

    BannerCutter cutter = new BannerCutter(BannerConfig.PAPER, ProgressListener.NONE);
    long t0 = System.nanoTime();
    CutoutSummary first = cutter.cut(map, cat, CatalogColumns.defaults(), dir.resolve("out"));
    long t1 = System.nanoTime();
    CutoutSummary again = cutter.cut(map, cat, CatalogColumns.defaults(), dir.resolve("out"));
    long t2 = System.nanoTime();
    assertEquals(SOURCES, first.written(), first.format());
    assertEquals(SOURCES, again.written(), again.format());
    System.out.printf(
        "banner over %s, %d sources: first run %.0f ms (%.0f cutouts/s, incl. reading map and"
            + " catalogue), second run %.0f ms (%.0f cutouts/s)%n",
        map.getFileName(),
        SOURCES,
        (t1 - t0) / 1e6,
        SOURCES / ((t1 - t0) / 1e9),
        (t2 - t1) / 1e6,
        SOURCES / ((t2 - t1) / 1e9));

    List<DatalistEntry> entries = DatalistReader.readAll(dir.resolve("out/datalist.json"));
    assertEquals(SOURCES, entries.size());
    double worst = 0;
    Plane mapPlane = image.plane();
    for (int i = 0; i < SOURCES; i++) {
      DatalistEntry e = entries.get(i);
      assertEquals(String.format("S%03d", i), e.sname());
      Map<String, Object> x = e.extras();
      int side = (Integer) x.get("size");
      assertEquals(BannerConfig.PAPER.side(majArcsec[i] / 3600 / degPerPixel), side, e.sname());

      FitsImage cut = FitsReader.read(e.files().get(0));
      assertEquals(side, cut.width());
      assertEquals(side, cut.height());
      Wcs wcs = Wcs.fromHeader(cut.header());
      double half = (side - 1) / 2.0;
      double[] xy = wcs.skyToPixel(new SkyCoord(sky[i][0], sky[i][1], CelestialFrame.ICRS));
      double dx = xy[0] - half;
      double dy = xy[1] - half;
      assertTrue(
          Math.abs(dx) <= 0.5 + 1e-6 && Math.abs(dy) <= 0.5 + 1e-6,
          e.sname() + " is (" + dx + ", " + dy + ") pixels from the cutout centre");
      worst = Math.max(worst, Math.max(Math.abs(dx), Math.abs(dy)));

      // The pixels are the map's: check the centre pixel and one corner on the map.
      int x0 = (Integer) x.get("x0");
      int y0 = (Integer) x.get("y0");
      int cx = side / 2;
      assertEquals(mapPlane.get(x0 + cx, y0 + cx), cut.plane().get(cx, cx), 0f, e.sname());
      int qx = Math.max(0, -x0);
      int qy = Math.max(0, -y0);
      assertEquals(mapPlane.get(x0 + qx, y0 + qy), cut.plane().get(qx, qy), 0f, e.sname());
    }
    System.out.printf("largest source offset from a cutout centre: %.3f pixels%n", worst);
  }
}
