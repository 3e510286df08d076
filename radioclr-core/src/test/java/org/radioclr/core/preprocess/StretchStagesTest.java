package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radioclr.core.image.Plane;

class StretchStagesTest {

  private static double[] apply(ChannelStage stage, double... v) {
    double[] values = v.clone();
    stage.apply(values, values.length, new Workspace());
    return values;
  }

  @Test
  void asinhMatchesAstropysFormula() {
    double[] out = apply(new AsinhStage(0.1), 0, 0.1, 1);
    assertEquals(0, out[0], 1e-12);
    assertEquals(Math.log(1 + Math.sqrt(2)) / Math.log(10 + Math.sqrt(101)), out[1], 1e-12);
    assertEquals(1, out[2], 1e-12);
  }

  @Test
  void logMatchesAstropysFormula() {
    double[] out = apply(new LogStage(1000), 0, 0.01, 1);
    assertEquals(0, out[0], 1e-12);
    assertEquals(Math.log(11) / Math.log(1001), out[1], 1e-12);
    assertEquals(1, out[2], 1e-12);
  }

  @Test
  void percentileClampsLikeNumpy() {
    // numpy.percentile(arange(1, 11), [10, 90]) = [1.9, 9.1]
    double[] out = apply(new PercentileStage(10, 90), 10, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertEquals(9.1, out[0], 1e-12);
    assertEquals(1.9, out[1], 1e-12);
    assertEquals(2, out[2], 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new PercentileStage(50, 50));
  }

  @Test
  void noiseFloorZeroesTheSkyAndKeepsTheSource() {
    Random r = new Random(3);
    double[] v = new double[10_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextGaussian();
    }
    for (int i = 0; i < 50; i++) {
      v[i] = 20 + i; // a source well above the noise
    }
    NoiseFloorStage.DEFAULT.apply(v, v.length, new Workspace());
    MinMaxStage.normalize(v, v.length);
    int zeros = 0;
    for (int i = 50; i < v.length; i++) {
      zeros += v[i] == 0 ? 1 : 0;
    }
    assertTrue(zeros > 0.99 * (v.length - 50), "sky pixels at 0: " + zeros);
    for (int i = 0; i < 50; i++) {
      assertTrue(v[i] > 0.2, "source pixel " + i + " = " + v[i]);
    }
  }

  @Test
  void snrIsInUnitsOfTheClippedRmsWhateverTheNoiseLevel() {
    for (double noise : new double[] {1e-4, 1, 300}) {
      Random r = new Random(5);
      double[] v = new double[20_000];
      for (int i = 0; i < v.length; i++) {
        v[i] = 7 + noise * r.nextGaussian();
      }
      v[0] = 7 + 3 * noise; // a 3-sigma pixel
      v[1] = 7 + 1000 * noise; // clamped
      SnrStage.DEFAULT.apply(v, v.length, new Workspace());
      assertEquals(3, v[0], 0.1, "noise " + noise);
      assertEquals(50, v[1], 0, "noise " + noise);
      double sum = 0;
      double sq = 0;
      for (int i = 2; i < v.length; i++) {
        sum += v[i];
        sq += v[i] * v[i];
      }
      int n = v.length - 2;
      assertEquals(0, sum / n, 0.05, "mean, noise " + noise);
      assertEquals(1, Math.sqrt(sq / n - (sum / n) * (sum / n)), 0.05, "rms, noise " + noise);
    }
    assertThrows(IllegalArgumentException.class, () -> new SnrStage(5, 5));
  }

  @Test
  void aConstantImageHasNoSignal() {
    double[] out = apply(SnrStage.DEFAULT, 4, 4, 4);
    assertEquals(0, out[0], 0);
    assertEquals(0, out[2], 0);
  }

  @Test
  void aSingleStretchStageIsRunNotSkipped() {
    // a one-stage recipe used to be taken for a sigma-clip/zscale stretch and written unchanged
    PreprocessConfig config =
        PreprocessConfig.paper()
            .withChannels(List.of(ChannelRecipe.of("log", new LogStage(1000))))
            .withResize(false);
    Plane p = new Plane(2, 1, new float[] {0.5f, 1f});
    Cube c = new Preprocessor(config).process(p);
    assertEquals(Math.log1p(500) / Math.log1p(1000), c.data()[0], 1e-6);
    assertEquals(1, c.data()[1], 1e-6);
  }
}
