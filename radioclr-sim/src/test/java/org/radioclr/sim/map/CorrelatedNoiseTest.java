package org.radioclr.sim.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radioclr.sim.model.PixelBeam;

class CorrelatedNoiseTest {
  private static final int N = 384;

  private static float[] field(PixelBeam beam, long seed) {
    float[] out = new float[N * N];
    CorrelatedNoise.forBeam(beam).fillBand(CounterNoise.key(seed, 0), 0, N, N, out);
    return out;
  }

  @ParameterizedTest(name = "beam {0}\" x {1}\" at BPA {2} deg, 1\"/px")
  @CsvSource({"5, 5, 0", "9, 5, 0", "9, 5, 90", "10, 5, 30", "12, 6, -65", "3, 3, 0"})
  void autocorrelationHasTheBeamShapeAndUnitVariance(double bmaj, double bmin, double bpa) {
    PixelBeam beam = PixelBeam.fromFwhm(bmaj, bmin, bpa, 1.0);
    float[] f = field(beam, 5);
    assertEquals(1.0, NoiseStats.std(f, N, 0, 0, N, N), 0.04, "unit variance");
    double[] shape = NoiseStats.acfShape(f, N, 0, 0, N, N, 10);
    assertEquals(bmaj, shape[0], 0.10 * bmaj, "FWHM along the major axis");
    assertEquals(bmin, shape[1], 0.10 * bmin, "FWHM along the minor axis");
    if (bmaj > 1.2 * bmin) {
      double diff = NoiseStats.axisAngleDiff(shape[2], beam.pa());
      assertTrue(diff < Math.toRadians(5), "major axis off by " + Math.toDegrees(diff) + " deg");
    }
  }

  @Test
  void bandsDoNotDependOnWhereTheyAreCut() {
    CorrelatedNoise noise = CorrelatedNoise.forBeam(PixelBeam.fromFwhm(10, 5, 30, 1.0));
    long key = CounterNoise.key(9, 1);
    int w = 70;
    float[] whole = new float[60 * w];
    noise.fillBand(key, 0, 60, w, whole);
    float[] top = new float[17 * w];
    float[] rest = new float[43 * w];
    noise.fillBand(key, 0, 17, w, top);
    noise.fillBand(key, 17, 43, w, rest);
    float[] joined = new float[60 * w];
    System.arraycopy(top, 0, joined, 0, top.length);
    System.arraycopy(rest, 0, joined, top.length, rest.length);
    assertArrayEquals(whole, joined);
  }

  @Test
  void kernelIsHalfTheBeam() {
    PixelBeam beam = PixelBeam.fromFwhm(8, 4, 0, 1.0); // major along y (north)
    double[] cov = CorrelatedNoise.forBeam(beam).kernelCovariance();
    assertEquals(beam.sigmaMinor() * beam.sigmaMinor() / 2, cov[0], 1e-9);
    assertEquals(0, cov[1], 1e-9);
    assertEquals(beam.sigmaMajor() * beam.sigmaMajor() / 2, cov[2], 1e-9);
  }

  @Test
  void refusesABadBand() {
    CorrelatedNoise noise = CorrelatedNoise.forBeam(PixelBeam.fromFwhm(5, 5, 0, 1.0));
    assertThrows(IllegalArgumentException.class, () -> noise.fillBand(1, 0, 4, 10, new float[39]));
  }
}
