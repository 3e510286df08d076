package org.radioclr.detect.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.fits.Beam;
import org.radioclr.core.fits.FitsCards;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.fits.FitsWriter;
import org.radioclr.core.image.Plane;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.detect.data.DetectionSet;
import org.radioclr.detect.data.Frame;
import org.radioclr.detect.islands.IslandConfig;
import org.radioclr.detect.islands.IslandFinder;
import org.radioclr.detect.tiles.MapObject;
import org.radioclr.formats.labels.DetectionClass;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.FileDataSource;

class MapOutputsTest {
  /** A 160x120 noise map with three planted Gaussians (sigma 1.5 px), TAN WCS, 6" beam. */
  static Path plantedMap(Path dir, double[][] sources) {
    int w = 160;
    int h = 120;
    SplittableRandom r = new SplittableRandom(11);
    Plane map = Plane.zeros(w, h);
    for (int i = 0; i < map.size(); i++) {
      double u = r.nextDouble();
      double v = r.nextDouble();
      map.data()[i] = (float) (1e-4 * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v));
    }
    for (double[] c : sources) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double d2 = (x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]);
          map.data()[y * w + x] += (float) (30e-4 * Math.exp(-d2 / (2 * 1.5 * 1.5)));
        }
      }
    }
    Path file = dir.resolve("field.fits");
    FitsWriter.write(
        file,
        map,
        FitsCards.create()
            .tanSky(150, -30, 80, 60, 2.0 / 3600)
            .set("RADESYS", "ICRS")
            .beam(Beam.circularArcsec(7))
            .set("BUNIT", "Jy/beam"));
    return file;
  }

  @Test
  void writesEveryOutputWithSkyPositionsAndOutlinesOnTheSources(@TempDir Path dir)
      throws IOException {
    double[][] sources = {{30, 30}, {100, 50}, {130, 100}};
    Path map = plantedMap(dir, sources);
    IslandFinder finder = new IslandFinder(IslandConfig.DEFAULT);
    MapRun.Result res =
        MapRun.run(
            map,
            header -> {
              double[] b = MapRun.beamPixels(header);
              return t -> finder.find(t, b[0], b[1]);
            },
            64,
            16,
            dir.resolve("out"),
            ProgressListener.NONE);
    Path out = dir.resolve("out").resolve("field");
    assertEquals(out, res.dir());
    assertEquals(3, res.objects().size(), res.objects().toString());
    assertTrue(res.notes().isEmpty(), res.notes().toString());
    for (String f :
        List.of("catalogue.csv", "catalogue.vot", "regions.reg", "labels.fits", "caesar")) {
      assertTrue(Files.exists(out.resolve(f)), f);
    }
    Wcs wcs = Wcs.fromHeader(FitsReader.read(map).header());

    // the VOTable: one row per object, RA/Dec of the centroid through the WCS
    StarTable st =
        new StarTableFactory(false)
            .makeStarTable(new FileDataSource(out.resolve("catalogue.vot").toFile()), "votable");
    assertEquals(DetectionCatalogue.COLUMN_NAMES.size(), st.getColumnCount());
    int rows = 0;
    try (RowSequence rs = st.getRowSequence()) {
      while (rs.next()) {
        MapObject o = res.objects().get(rows++);
        assertEquals(rows, ((Number) rs.getCell(0)).intValue());
        assertEquals(o.detectionClass().label(), rs.getCell(1));
        SkyCoord c = wcs.pixelToSky(o.x(), o.y()).to(CelestialFrame.ICRS);
        assertEquals(c.lon(), ((Number) rs.getCell(9)).doubleValue(), 1e-9);
        assertEquals(c.lat(), ((Number) rs.getCell(10)).doubleValue(), 1e-9);
        double[] planted = nearest(sources, o.x(), o.y());
        SkyCoord truth = wcs.pixelToSky(planted[0], planted[1]);
        assertTrue(c.separationDeg(truth) * 3600 < 2.0, "within a pixel of the planted source");
      }
    }
    assertEquals(3, rows);
    assertEquals(4, Files.readAllLines(out.resolve("catalogue.csv")).size());

    // the regions: one green polygon per compact source, enclosing its peak pixel
    List<String> polys =
        Files.readAllLines(out.resolve("regions.reg")).stream()
            .filter(l -> l.startsWith("polygon("))
            .toList();
    assertEquals(3, polys.size());
    for (String line : polys) {
      assertTrue(line.contains("color=green"), line);
      String[] v = line.substring(8, line.indexOf(')')).split(",");
      double[] pix = new double[v.length];
      for (int k = 0; k < v.length; k += 2) {
        double[] p =
            wcs.skyToPixel(
                new SkyCoord(
                    Double.parseDouble(v[k]), Double.parseDouble(v[k + 1]), CelestialFrame.FK5));
        pix[k] = p[0];
        pix[k + 1] = p[1];
      }
      int id = Integer.parseInt(line.substring(line.indexOf("text={") + 6, line.indexOf('}')));
      MapObject o = res.objects().get(id - 1);
      double[] planted = nearest(sources, o.x(), o.y());
      assertTrue(MaskOutlineTest.inside(pix, planted[0], planted[1]), line);
      for (long p : o.pixels()) {
        assertTrue(MaskOutlineTest.inside(pix, p % 160, p / 160));
      }
    }

    // the label image: object k on its pixels
    Plane labels = FitsReader.read(out.resolve("labels.fits")).plane();
    for (int k = 0; k < 3; k++) {
      for (long p : res.objects().get(k).pixels()) {
        assertEquals(k + 1, labels.data()[(int) p]);
      }
    }

    // the caesar annotation reads back as a frame with the same masks
    Frame f = DetectionSet.readOne(out.resolve("caesar").resolve("field.json"));
    assertEquals(3, f.truth().size());
    List<Long> first = new ArrayList<>();
    for (int i : f.truth().get(0).pixels().indices()) {
      first.add((long) i);
    }
    assertEquals(java.util.Arrays.stream(res.objects().get(0).pixels()).boxed().toList(), first);
    assertEquals(DetectionClass.COMPACT, f.truth().get(0).detectionClass());
  }

  private static double[] nearest(double[][] sources, double x, double y) {
    double[] best = sources[0];
    for (double[] s : sources) {
      if (Math.hypot(s[0] - x, s[1] - y) < Math.hypot(best[0] - x, best[1] - y)) {
        best = s;
      }
    }
    return best;
  }
}
