package org.radioclr.sim.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.radioclr.core.wcs.CelestialFrame;
import org.radioclr.core.wcs.SkyCoord;
import org.radioclr.sim.SimPreset;

class MapWcsTest {

  @Test
  void centrePixelIsTheFieldCentreAndRaGrowsToTheLeft() {
    MapWcs wcs = new MapWcs(150, -30, 101, 81, 2.0);
    double[] c = wcs.pixelToSky(50, 40);
    assertEquals(150, c[0], 1e-12);
    assertEquals(-30, c[1], 1e-12);
    double[] left = wcs.pixelToSky(40, 40);
    double[] up = wcs.pixelToSky(50, 50);
    assertTrue(left[0] > 150, "RA grows to the left");
    assertTrue(up[1] > -30, "Dec grows up");
    // 10 px = 20" along Dec at the centre
    assertEquals(20.0 / 3600, up[1] - (-30), 1e-9);
  }

  @Test
  void skyAndPixelRoundTripAndMatchTheOrthographicFormula() {
    MapWcs wcs = new MapWcs(359.9, 62, 4096, 4096, 2.0);
    double a0 = Math.toRadians(359.9);
    double d0 = Math.toRadians(62);
    for (double[] p : new double[][] {{0, 0}, {4095, 0}, {1234.5, 3000.25}, {4095, 4095}}) {
      double[] sky = wcs.pixelToSky(p[0], p[1]);
      double a = Math.toRadians(sky[0]);
      double d = Math.toRadians(sky[1]);
      double xi = Math.cos(d) * Math.sin(a - a0);
      double eta = Math.sin(d) * Math.cos(d0) - Math.cos(d) * Math.sin(d0) * Math.cos(a - a0);
      double pix = 2.0 / 3600;
      assertEquals(p[0], 2047.5 - Math.toDegrees(xi) / pix, 1e-6);
      assertEquals(p[1], 2047.5 + Math.toDegrees(eta) / pix, 1e-6);
      double[] back = wcs.skyToPixel(sky[0], sky[1]);
      assertEquals(p[0], back[0], 1e-6);
      assertEquals(p[1], back[1], 1e-6);
    }
  }

  @Test
  void fieldsFollowThePresetAndDoNotOverlap() {
    MapWcs a = MapWcs.forField(SimPreset.FIRST, 0, 1000, 1000);
    MapWcs b = MapWcs.forField(SimPreset.FIRST, 1, 1000, 1000);
    assertEquals(30, a.decDeg(), 1e-12);
    assertEquals(1.8, a.pixelArcsec(), 1e-12);
    SkyCoord ca = new SkyCoord(a.raDeg(), a.decDeg(), CelestialFrame.ICRS);
    SkyCoord cb = new SkyCoord(b.raDeg(), b.decDeg(), CelestialFrame.ICRS);
    assertTrue(ca.separationDeg(cb) > 1000 * 1.8 / 3600, "fields overlap");
    MapWcs g = MapWcs.forField(SimPreset.SMGPS, 2, 4096, 4096);
    SkyCoord gal =
        new SkyCoord(g.raDeg(), g.decDeg(), CelestialFrame.ICRS).to(CelestialFrame.GALACTIC);
    assertTrue(Math.abs(gal.lat()) < 0.3, "Galactic field near b = 0, got b = " + gal.lat());
    assertNotEquals(a.raDeg(), b.raDeg());
  }

  @Test
  void refusesImpossibleValues() {
    assertThrows(IllegalArgumentException.class, () -> new MapWcs(360, 0, 10, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> new MapWcs(0, 90, 10, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> new MapWcs(0, 0, 0, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> new MapWcs(0, 0, 10, 10, -1));
    assertThrows(IllegalArgumentException.class, () -> MapWcs.forField(SimPreset.TINY, -1, 10, 10));
  }
}
