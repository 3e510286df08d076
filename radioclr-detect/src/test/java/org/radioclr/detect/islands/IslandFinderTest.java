package org.radioclr.detect.islands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.core.image.Plane;
import org.radioclr.detect.Instance;
import org.radioclr.detect.PixelSet;
import org.radioclr.detect.eval.CaesarEvaluator;
import org.radioclr.detect.eval.EvalConfig;
import org.radioclr.formats.labels.DetectionClass;

class IslandFinderTest {
  private static final int W = 96;
  private static final int H = 96;
  private static final double RMS = 1e-4;
  private static final double BEAM = 4; // FWHM, pixels
  private static final double SIGMA = BEAM / (2 * Math.sqrt(2 * Math.log(2)));

  private static Plane noise(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Plane p = Plane.zeros(W, H);
    for (int i = 0; i < p.size(); i++) {
      double u = r.nextDouble();
      double v = r.nextDouble();
      p.data()[i] = (float) (RMS * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v));
    }
    return p;
  }

  /** Adds a Gaussian of peak {@code snr} rms and axes {@code sx, sy} (pixels, sigma). */
  private static void gauss(Plane p, double x0, double y0, double snr, double sx, double sy) {
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        double g = Math.exp(-0.5 * (sq((x - x0) / sx) + sq((y - y0) / sy)));
        p.data()[y * W + x] += (float) (snr * RMS * g);
      }
    }
  }

  private static double sq(double v) {
    return v * v;
  }

  @Test
  void pointSourceIsOneCompactIslandAboutTheBeamsSize() {
    Plane p = noise(1);
    gauss(p, 40, 50, 30, SIGMA, SIGMA);
    List<Instance> found = new IslandFinder(IslandConfig.DEFAULT).find(p, BEAM, BEAM);
    assertEquals(1, found.size(), "no noise island reaches 5 sigma at this size");
    Instance i = found.get(0);
    assertEquals(DetectionClass.COMPACT, i.detectionClass());
    assertTrue(i.pixels().contains(50 * W + 40));
    // the 3-sigma contour of a 30-sigma point source: radius sigma*sqrt(2 ln 10) ~ 3.7 px
    double expected = Math.PI * sq(SIGMA) * 2 * Math.log(10);
    assertEquals(expected, i.pixels().size(), 0.35 * expected);
  }

  @Test
  void twoLobesAreTwoIslandsAndNeverOneMultiIslandSource() {
    Plane p = noise(2);
    gauss(p, 30, 48, 25, SIGMA, SIGMA);
    gauss(p, 66, 48, 25, SIGMA, SIGMA);
    List<Instance> found = new IslandFinder(IslandConfig.DEFAULT).find(p, BEAM, BEAM);
    assertEquals(2, found.size());
    assertTrue(
        found.stream().noneMatch(i -> i.detectionClass() == DetectionClass.EXTENDED_MULTISLAND));
    // scored as one two-island true source, the baseline finds nothing of it
    PixelSet truth = found.get(0).pixels().union(found.get(1).pixels());
    CaesarEvaluator e = new CaesarEvaluator(EvalConfig.PAPER);
    e.add(List.of(Instance.truth(truth, DetectionClass.EXTENDED_MULTISLAND)), found);
    assertEquals(0.0, e.metrics().completeness(DetectionClass.EXTENDED_MULTISLAND));
  }

  @Test
  void elongatedSourceIsExtended() {
    Plane p = noise(3);
    gauss(p, 48, 48, 20, 4 * SIGMA, SIGMA);
    List<Instance> found = new IslandFinder(IslandConfig.DEFAULT).find(p, BEAM, BEAM);
    assertEquals(1, found.size());
    assertEquals(DetectionClass.EXTENDED, found.get(0).detectionClass());
  }

  @Test
  void pureNoiseAndAnOffsetBackgroundGiveNothing() {
    Plane p = noise(4);
    for (int i = 0; i < p.size(); i++) {
      p.data()[i] += (float) (50 * RMS);
    }
    assertEquals(List.of(), new IslandFinder(IslandConfig.DEFAULT).find(p, BEAM, BEAM));
  }

  @Test
  void backgroundGridRecoversNoiseAndLevel() {
    Plane p = noise(5);
    for (int i = 0; i < p.size(); i++) {
      p.data()[i] += (float) (3 * RMS);
    }
    BackgroundGrid g = BackgroundGrid.estimate(p, 32);
    assertEquals(3 * RMS, g.background()[W * H / 2], 0.2 * RMS);
    assertEquals(RMS, g.rms()[W * H / 2], 0.1 * RMS);
  }

  @Test
  void seedBelowFloodIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new IslandConfig(2, 3, 10, 1.5, 3));
    assertTrue(e.getMessage().contains("seed sigma"), e.getMessage());
  }
}
