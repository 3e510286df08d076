package org.radioclr.sim.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FftTest {

  @Test
  void matchesTheDirectTransformAndInvertsIt() {
    int nx = 8;
    int ny = 4;
    SplittableRandom rng = new SplittableRandom(1);
    double[] re = new double[nx * ny];
    double[] im = new double[nx * ny];
    for (int i = 0; i < re.length; i++) {
      re[i] = rng.nextGaussian();
      im[i] = rng.nextGaussian();
    }
    double[] re0 = re.clone();
    double[] im0 = im.clone();
    Fft.transform2d(re, im, nx, ny, -1);
    for (int v = 0; v < ny; v++) {
      for (int u = 0; u < nx; u++) {
        double sr = 0;
        double si = 0;
        for (int y = 0; y < ny; y++) {
          for (int x = 0; x < nx; x++) {
            double ang = -2 * Math.PI * ((double) u * x / nx + (double) v * y / ny);
            sr += re0[y * nx + x] * Math.cos(ang) - im0[y * nx + x] * Math.sin(ang);
            si += re0[y * nx + x] * Math.sin(ang) + im0[y * nx + x] * Math.cos(ang);
          }
        }
        assertEquals(sr, re[v * nx + u], 1e-9);
        assertEquals(si, im[v * nx + u], 1e-9);
      }
    }
    Fft.transform2d(re, im, nx, ny, 1);
    for (int i = 0; i < re.length; i++) {
      assertEquals(re0[i], re[i] / re.length, 1e-12);
      assertEquals(im0[i], im[i] / re.length, 1e-12);
    }
  }

  @Test
  void refusesLengthsThatAreNotPowersOfTwo() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Fft.transform(new double[6], new double[6], 0, 1, 6, -1));
  }
}
