package org.radioclr.sim.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiffuseEmissionTest {

  private static DiffuseEmission horizontalPlane(long seed) {
    // plane along the row y = 50 of a 256 x 256 map
    return DiffuseEmission.galactic(
        256, 256, 1e-4, new double[] {0, 50, 255, 50}, seed, new SplittableRandom(seed));
  }

  @Test
  void positiveSmoothAndBrighterOnThePlane() {
    DiffuseEmission d = horizontalPlane(3);
    double near = 0;
    double far = 0;
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x++) {
        double v = d.at(x, y);
        assertTrue(v > 0, "not positive at " + x + "," + y);
        if (x > 0) {
          assertTrue(Math.abs(v - d.at(x - 1, y)) < 0.2 * d.amplitude(), "jump at " + x + "," + y);
        }
      }
    }
    for (long seed = 0; seed < 5; seed++) {
      DiffuseEmission e = horizontalPlane(seed);
      near += e.meanIn(0, 40, 256, 20) / e.amplitude();
      far += e.meanIn(0, 230, 256, 20) / e.amplitude();
    }
    assertTrue(near > 1.5 * far, "near plane " + near + " vs far " + far);
  }

  @Test
  void rowsHoldTheSameValuesAsPixels() {
    DiffuseEmission d =
        DiffuseEmission.galactic(203, 77, 1e-4, null, 4, new java.util.SplittableRandom(4));
    double[] row = new double[203];
    for (int y = 0; y < 77; y += 5) {
      d.row(y, row);
      for (int x = 0; x < 203; x++) {
        assertEquals(d.at(x, y), row[x], "at " + x + "," + y);
      }
    }
  }

  @Test
  void brightnessScalesWithTheRms() {
    DiffuseEmission d = horizontalPlane(1);
    assertTrue(d.amplitude() >= 2e-4 && d.amplitude() <= 4e-4, "A = " + d.amplitude());
  }

  @Test
  void sameKeySameField() {
    DiffuseEmission a = horizontalPlane(8);
    DiffuseEmission b = horizontalPlane(8);
    DiffuseEmission c = horizontalPlane(9);
    assertEquals(a.at(100, 120), b.at(100, 120));
    assertTrue(a.at(100, 120) != c.at(100, 120));
  }

  @Test
  void refusesADegeneratePlane() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            DiffuseEmission.galactic(
                64, 64, 1e-4, new double[] {3, 3, 3, 3}, 1, new SplittableRandom(1)));
  }
}
