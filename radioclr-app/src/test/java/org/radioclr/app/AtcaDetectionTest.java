package org.radioclr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.image.Plane;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.detect.output.MapRun;
import org.radioclr.testkit.RealData;

/**
 * Detection on the real sky: the shipped detector and the island finder on the three ATCA SCORPIO
 * maps (old NCP projection). Every DS9 region, taken back to pixels through the map's WCS, outlines
 * its object's mask exactly (its corners on pixel edges, its extent the catalogue's box, which
 * holds the object's pixels of the label image), and each catalogue position's ICRS RA/Dec is its
 * centroid. Skipped without ../shared/data.
 */
class AtcaDetectionTest {
  private static final Pattern POLYGON = Pattern.compile("^polygon\\(([^)]*)\\).*text=\\{(\\d+)}");

  @TempDir Path tmp;

  @Test
  void regionsAndPositionsLandOnTheObjectsOfBothDetectors() throws IOException {
    List<String> maps = RealData.fitsFiles("atca-scorpio").stream().map(Path::toString).toList();
    assertEquals(3, maps.size());
    List<String> network = new ArrayList<>(List.of("detect", "run", "--model"));
    network.add("radioclr-detect-sim-v1");
    network.addAll(maps);
    network.addAll(List.of("--out", tmp.resolve("network").toString()));
    run(network);
    List<String> islands = new ArrayList<>(List.of("detect", "islands"));
    islands.addAll(maps);
    islands.addAll(List.of("--out", tmp.resolve("islands").toString()));
    run(islands);
    for (String detector : List.of("network", "islands")) {
      for (String map : maps) {
        checkObjects(Path.of(map), tmp.resolve(detector).resolve(MapRun.stem(Path.of(map))));
      }
    }
  }

  private static void checkObjects(Path map, Path out) throws IOException {
    Wcs wcs = Wcs.fromHeader(FitsReader.read(map).header());
    Map<Integer, double[]> boxes = new HashMap<>(); // id -> x0 y0 x1 y1
    List<String> rows = Files.readAllLines(out.resolve("catalogue.csv"));
    assertEquals("id,class,score,x0,y0,x1,y1,x,y,ra,dec,npix,nislands", rows.get(0));
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      double[] p =
          wcs.skyToPixel(
              new SkyCoord(
                  Double.parseDouble(f[9]), Double.parseDouble(f[10]), CelestialFrame.ICRS));
      assertEquals(Double.parseDouble(f[7]), p[0], 1e-6, out + " object " + f[0] + " x");
      assertEquals(Double.parseDouble(f[8]), p[1], 1e-6, out + " object " + f[0] + " y");
      boxes.put(
          Integer.parseInt(f[0]),
          new double[] {
            Double.parseDouble(f[3]),
            Double.parseDouble(f[4]),
            Double.parseDouble(f[5]),
            Double.parseDouble(f[6])
          });
    }
    assertTrue(boxes.size() > 5, out + ": " + boxes.size() + " objects");
    Map<Integer, double[]> outlines = new HashMap<>(); // id -> pixel extent of its polygons
    for (String line : Files.readAllLines(out.resolve("regions.reg"))) {
      Matcher m = POLYGON.matcher(line);
      if (!m.find()) {
        continue;
      }
      String[] v = m.group(1).split(",");
      double[] e =
          outlines.computeIfAbsent(
              Integer.parseInt(m.group(2)),
              k -> new double[] {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -1e300});
      for (int k = 0; k < v.length; k += 2) {
        double[] p = wcs.skyToPixel(Double.parseDouble(v[k]), Double.parseDouble(v[k + 1]));
        // corners of pixels, at half-integers (8 decimals of a degree are 0.02 mas)
        assertEquals(0.5, Math.abs(p[0] - Math.floor(p[0])), 1e-4, out + " vertex x " + p[0]);
        assertEquals(0.5, Math.abs(p[1] - Math.floor(p[1])), 1e-4, out + " vertex y " + p[1]);
        e[0] = Math.min(e[0], p[0]);
        e[1] = Math.min(e[1], p[1]);
        e[2] = Math.max(e[2], p[0]);
        e[3] = Math.max(e[3], p[1]);
      }
    }
    assertEquals(boxes.keySet(), outlines.keySet(), out + ": a region per object");
    for (Map.Entry<Integer, double[]> b : boxes.entrySet()) {
      double[] box = b.getValue();
      double[] e = outlines.get(b.getKey());
      String what = out + " object " + b.getKey();
      assertEquals(box[0] - 0.5, e[0], 1e-4, what);
      assertEquals(box[1] - 0.5, e[1], 1e-4, what);
      assertEquals(box[2] + 0.5, e[2], 1e-4, what);
      assertEquals(box[3] + 0.5, e[3], 1e-4, what);
    }
    Plane labels = FitsReader.read(out.resolve("labels.fits")).plane();
    for (int y = 0; y < labels.height(); y++) {
      for (int x = 0; x < labels.width(); x++) {
        int id = (int) labels.get(x, y);
        if (id != 0) {
          double[] box = boxes.get(id);
          assertTrue(
              box[0] <= x && x <= box[2] && box[1] <= y && y <= box[3],
              out + ": labelled pixel " + x + "," + y + " outside object " + id + "'s box");
        }
      }
    }
  }

  private static void run(List<String> args) {
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
  }
}
