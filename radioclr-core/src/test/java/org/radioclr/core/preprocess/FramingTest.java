package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radioclr.core.image.Plane;
import org.radioclr.core.io.Json;

class FramingTest {

  /** Noise of rms 1 with Gaussian blobs of peak 100 at the given offsets from the centre. */
  private static Plane sky(int size, double blobSigma, int... offsets) {
    Random r = new Random(11);
    Plane p = Plane.zeros(size, size);
    double c = (size - 1) / 2.0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double v = r.nextGaussian();
        for (int o : offsets) {
          double dx = x - c - o;
          double dy = y - c;
          v += 100 * Math.exp(-(dx * dx + dy * dy) / (2 * blobSigma * blobSigma));
        }
        p.set(x, y, (float) v);
      }
    }
    return p;
  }

  @Test
  void emissionFramingFollowsTheSourceExtent() {
    Workspace ws = new Workspace();
    int compact = EmissionFraming.DEFAULT.side(sky(150, 2, 0), ws);
    int doubleLobed = EmissionFraming.DEFAULT.side(sky(150, 2, -30, 30), ws);
    assertEquals(30, compact, "a point source keeps the smallest field, 20% of 150 px");
    assertTrue(doubleLobed >= 64 && doubleLobed <= 100, "lobes 60 px apart: side " + doubleLobed);
  }

  @Test
  void presetsAreNamedInJson() {
    assertEquals(
        PreprocessConfig.stretch(),
        Json.parse("\"stretch\"", Path.of("p.json"), PreprocessConfig.class));
    assertEquals(
        new EmissionFraming(5, 0.95, 1.25, 0.2),
        Json.parse("\"framed\"", Path.of("p.json"), PreprocessConfig.class).framing());
    assertEquals(
        PreprocessConfig.paper(),
        Json.parse("\"paper\"", Path.of("p.json"), PreprocessConfig.class));
    assertTrue(
        assertThrows(
                RuntimeException.class,
                () -> Json.parse("\"fancy\"", Path.of("p.json"), PreprocessConfig.class))
            .getMessage()
            .contains("known presets: paper, framed, stretch"));
  }

  @Test
  void emissionFramingOfAnEmptyImageKeepsTheField() {
    assertEquals(40, EmissionFraming.DEFAULT.side(Plane.zeros(40, 50), new Workspace()));
  }

  @Test
  void centreFramingCutsTheMiddle() {
    Plane p = Plane.zeros(6, 6);
    p.set(2, 2, 1);
    p.set(3, 3, 2);
    Plane framed = new CentreFraming(0.5).frame(p, new Workspace());
    assertEquals(3, framed.width());
    assertEquals(1, framed.get(1, 1));
    assertEquals(2, framed.get(2, 2));
  }

  @Test
  void framedConfigReadsFromJsonAndSaysWhatItDoes() {
    PreprocessConfig c =
        Json.parse(
            "{\"framing\": {\"type\": \"emission\", \"sigma\": 4}}",
            Path.of("p.json"),
            PreprocessConfig.class);
    assertEquals(new EmissionFraming(4, 0.95, 1.25, 0.2), c.framing());
    assertTrue(c.describe().startsWith("framed on the emission"), c.describe());
    assertThrows(
        IllegalArgumentException.class,
        () -> PreprocessConfig.paper().withFraming(new CentreFraming(0.5)).withResize(false));
  }

  @Test
  void framingRunsBeforeTheChannelsAndTheOutputKeepsItsSize() {
    PreprocessConfig c =
        PreprocessConfig.paper().withOutputSize(32, 32).withFraming(EmissionFraming.DEFAULT);
    Cube framed = new Preprocessor(c).process(sky(150, 2, 0));
    Cube whole = new Preprocessor(c.withFraming(null)).process(sky(150, 2, 0));
    assertEquals(3 * 32 * 32, framed.data().length);
    // the compact source fills more of the framed output: more bright pixels in channel 1
    assertTrue(bright(framed) > 4 * bright(whole), bright(framed) + " vs " + bright(whole));
  }

  private static int bright(Cube c) {
    int n = 0;
    for (int i = 0; i < c.height() * c.width(); i++) {
      n += c.data()[i] > 0.1 ? 1 : 0;
    }
    return n;
  }
}
