package org.radioclr.sim.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radioclr.core.BadInputException;
import org.radioclr.core.fits.Beam;
import org.radioclr.core.fits.FitsImage;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.model.BandContribution;
import org.radioclr.sim.sky.Stamp;

class MapWriterTest {
  @TempDir Path dir;

  private Path write(
      String name,
      MapModel map,
      List<? extends BandContribution> sources,
      int threads,
      int bandRows) {
    Path target = dir.resolve(name);
    MapWriter.write(
        target, map, sources, new MapWriter.Options(threads, bandRows), ProgressListener.NONE);
    return target;
  }

  private static MapModel tiny(long seed) {
    return MapModel.create(SimPreset.TINY, 200, 160, seed, 0);
  }

  @Test
  void readsBackAsTheRenderedMapWithItsHeader() throws IOException {
    MapModel map = tiny(3);
    Path file = write("m.fits", map, List.of(), 2, 50);
    assertEquals(0, Files.size(file) % 2880);
    FitsImage image = FitsReader.read(file);
    assertEquals(200, image.width());
    assertEquals(160, image.height());
    assertEquals(-32, image.bitpix());
    float[] expected = new float[200 * 160];
    map.renderBand(0, 160, List.of(), expected);
    assertArrayEquals(expected, image.plane().data());
    Header h = image.header();
    assertEquals("JY/BEAM", h.getStringValue("BUNIT"));
    assertEquals("SIMULATED", h.getStringValue("TELESCOP"));
    assertEquals("ICRS", h.getStringValue("RADESYS"));
    assertEquals(1.4e9, h.getDoubleValue("RESTFRQ"), 1);
    assertEquals(1.4e9, h.getDoubleValue("FREQ"), 1);
    assertEquals(2, h.getIntValue("NAXIS"));
    Beam beam = image.beam().orElseThrow();
    assertEquals(10.0, beam.majorArcsec(), 1e-9);
    assertEquals(10.0, beam.minorArcsec(), 1e-9);
    String history = String.join(" ", historyOf(h));
    assertTrue(history.contains("preset=tiny") && history.contains("seed=3"), history);
  }

  private static List<String> historyOf(Header h) {
    List<String> out = new ArrayList<>();
    var it = h.iterator();
    while (it.hasNext()) {
      var card = it.next();
      if ("HISTORY".equals(card.getKey())) {
        out.add(card.getComment());
      }
    }
    return out;
  }

  @Test
  void headerWcsIsTheIntendedSinProjection() {
    MapModel map = MapModel.create(SimPreset.EMU_PILOT, 300, 240, 1, 2);
    FitsImage image = FitsReader.read(write("w.fits", map, List.of(), 1, 0));
    Wcs wcs = Wcs.fromHeader(image.header());
    assertEquals("SIN", wcs.projection());
    MapWcs intended = map.wcs();
    double a0 = Math.toRadians(intended.raDeg());
    double d0 = Math.toRadians(intended.decDeg());
    double pix = 2.0 / 3600;
    for (double[] p : new double[][] {{0, 0}, {299, 0}, {149.5, 119.5}, {17, 203}, {299, 239}}) {
      SkyCoord sky = wcs.pixelToSky(p[0], p[1]);
      double a = Math.toRadians(sky.lon());
      double d = Math.toRadians(sky.lat());
      double xi = Math.cos(d) * Math.sin(a - a0);
      double eta = Math.sin(d) * Math.cos(d0) - Math.cos(d) * Math.sin(d0) * Math.cos(a - a0);
      assertEquals(p[0], 149.5 - Math.toDegrees(xi) / pix, 1e-6, "x of " + p[0] + "," + p[1]);
      assertEquals(p[1], 119.5 + Math.toDegrees(eta) / pix, 1e-6, "y of " + p[0] + "," + p[1]);
      double[] mine = intended.pixelToSky(p[0], p[1]);
      assertEquals(mine[0], sky.lon(), 1e-9);
      assertEquals(mine[1], sky.lat(), 1e-9);
    }
    assertEquals(-55, wcs.referenceSky().lat(), 1e-9);
  }

  @Test
  void sameSeedSameBytesWhateverTheBandsAndThreads() throws IOException {
    List<Stamp> sources = List.of(patch(50, 40, 30, 25, 1e-3f), patch(-5, 140, 20, 30, 2e-3f));
    byte[] a = Files.readAllBytes(write("a.fits", tiny(7), sources, 1, 0));
    byte[] b = Files.readAllBytes(write("b.fits", tiny(7), sources, 3, 17));
    byte[] c = Files.readAllBytes(write("c.fits", tiny(7), sources, 2, 160));
    assertArrayEquals(a, b);
    assertArrayEquals(a, c);
    byte[] d = Files.readAllBytes(write("d.fits", tiny(8), sources, 1, 0));
    assertEquals(a.length, d.length);
    assertFalse(java.util.Arrays.equals(a, d), "another seed gives another map");
  }

  private static Stamp patch(int x0, int y0, int w, int h, float value) {
    float[] v = new float[w * h];
    java.util.Arrays.fill(v, value);
    return new Stamp(x0, y0, w, h, v);
  }

  @Test
  void sourcesAreAddedAndBlankPixelsAreExactlyZero() {
    MapModel map = MapModel.create(SimPreset.TINY, 256, 256, 21, 0);
    Stamp inside = patch(100, 100, 40, 30, 5e-3f);
    Stamp acrossTheEdge = patch(-10, -10, 300, 20, 1e-3f);
    float[] bare = FitsReader.read(write("bare.fits", map, List.of(), 1, 0)).plane().data();
    float[] with =
        FitsReader.read(write("src.fits", map, List.of(inside, acrossTheEdge), 2, 33))
            .plane()
            .data();
    int blank = 0;
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x++) {
        int i = y * 256 + x;
        if (!map.inFootprint(x, y)) {
          assertEquals(0f, bare[i], "blank at " + x + "," + y);
          assertEquals(0f, with[i], "blank with sources at " + x + "," + y);
          blank++;
          continue;
        }
        assertTrue(bare[i] != 0f, "data pixel exactly 0 at " + x + "," + y);
        double added =
            (inside.x0() <= x && x < 140 && 100 <= y && y < 130 ? 5e-3 : 0) + (y < 10 ? 1e-3 : 0);
        assertEquals(added, with[i] - bare[i], 1e-9, "source at " + x + "," + y);
      }
    }
    assertTrue(blank > 0, "this map should have a blank border");
  }

  @Test
  void noiseRmsIsTheConfiguredOneAwayFromTheEdge() {
    SimPreset preset = TestPresets.plain(); // rms 50 µJy/beam, no variation, 5 px beam
    MapModel map = MapModel.create(preset, 512, 512, 5, 0);
    float[] data = FitsReader.read(write("n.fits", map, List.of(), 2, 0)).plane().data();
    int side = 250;
    int[] at = interiorSquare(map, side);
    int x0 = at[0];
    int y0 = at[1];
    for (int y = y0; y < y0 + side; y += 5) {
      for (int x = x0; x < x0 + side; x += 5) {
        assertEquals(50e-6, map.rmsAt(x, y), 1e-15);
      }
    }
    double rms = NoiseStats.std(data, 512, x0, y0, side, side);
    assertEquals(50e-6, rms, 0.05 * 50e-6, "measured rms " + rms);
  }

  /** A square of {@code side} pixels at least 20 pixels from the footprint's edge. */
  private static int[] interiorSquare(MapModel map, int side) {
    for (int y0 = 20; y0 + side + 20 <= map.height(); y0 += 8) {
      search:
      for (int x0 = 20; x0 + side + 20 <= map.width(); x0 += 8) {
        for (int y = y0 - 20; y < y0 + side + 20; y += 4) {
          for (int x = x0 - 20; x < x0 + side + 20; x += 4) {
            if (!map.inFootprint(x, y)) {
              continue search;
            }
          }
        }
        return new int[] {x0, y0};
      }
    }
    throw new AssertionError("no " + side + " px square inside the footprint");
  }

  @Test
  void noiseAutocorrelationMatchesARotatedEllipticalBeam() {
    SimPreset preset = TestPresets.tiny(16, 8, 30, 0, 0); // 8 x 4 px FWHM, BPA 30 deg
    MapModel map = MapModel.create(preset, 400, 400, 12, 0);
    float[] data = FitsReader.read(write("e.fits", map, List.of(), 2, 0)).plane().data();
    double[] shape = NoiseStats.acfShape(data, 400, 100, 100, 200, 200, 10);
    assertEquals(8.0, shape[0], 0.8, "FWHM along the major axis, px");
    assertEquals(4.0, shape[1], 0.4, "FWHM along the minor axis, px");
    // BPA is east of north; east is -x, north +y, so the major axis is at 90 + 30 deg from +x
    double diff = NoiseStats.axisAngleDiff(shape[2], Math.toRadians(120));
    assertTrue(diff < Math.toRadians(6), "major axis off by " + Math.toDegrees(diff) + " deg");
  }

  @Test
  void progressCountsEveryRow() {
    long[] rows = {0};
    ProgressListener p =
        new ProgressListener() {
          @Override
          public void start(String task, long total) {
            assertEquals(160, total);
          }

          @Override
          public synchronized void advance(long done) {
            rows[0] += done;
          }

          @Override
          public void finish() {}
        };
    MapWriter.write(dir.resolve("p.fits"), tiny(1), List.of(), new MapWriter.Options(2, 30), p);
    assertEquals(160, rows[0]);
  }

  @Test
  void anUnwritableTargetIsOneClearError() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> write("plain-file/m.fits", tiny(1), List.of(), 1, 0));
    assertTrue(
        e.getMessage().contains(file.toString()) || e.getMessage().contains("m.fits"),
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("m.fits")));
  }

  @Test
  void optionsRefuseBadValues() {
    assertThrows(IllegalArgumentException.class, () -> new MapWriter.Options(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new MapWriter.Options(2, -1));
    MapWriter.Options auto = new MapWriter.Options(2, 0);
    assertEquals(512, auto.bandRowsFor(4096, 4096));
    assertEquals(256, auto.bandRowsFor(16384, 16384));
    assertEquals(64, auto.bandRowsFor(300, 100));
    assertEquals(40, new MapWriter.Options(1, 500).bandRowsFor(300, 40));
    assertEquals(1024, new MapWriter.Options(1, 65536).bandRowsFor(65536, 65536));
  }
}
