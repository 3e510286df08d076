package org.radioclr.sim.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.formats.labels.DetectionClass;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.mask.SourceMask;
import org.radioclr.sim.SimPreset;
import org.radioclr.sim.model.Gaussian;
import org.radioclr.sim.model.PixelBeam;
import org.radioclr.sim.model.SimSource;
import org.radioclr.sim.model.SourceTruth;

class TruthBuilderTest {

  private static final double PIXEL = 2.0;

  /** 13" x 11" beam at PA 30° on 2" pixels. */
  private static final PixelBeam BEAM = PixelBeam.fromFwhm(13, 11, 30, PIXEL);

  private static final double RMS = 30e-6;
  private static final int SIZE = 400;
  private static final RmsField NOISE = RmsField.uniform(RMS, SIZE, SIZE);

  private final SourceRenderer renderer = new SourceRenderer(BEAM, 5, 0.01 * RMS);
  private final TruthBuilder builder = new TruthBuilder(BEAM, PIXEL);

  /** Beam FWHM (geometric mean), pixels. */
  private static final double B =
      Math.sqrt(BEAM.sigmaMajor() * BEAM.sigmaMinor()) * PixelBeam.FWHM_PER_SIGMA;

  private SourceTruth measure(SimSource s) {
    return builder.measure(s, renderer.render(s), NOISE);
  }

  private static SimSource source(int id, Morphology m, Gaussian... g) {
    return new SimSource(id, m, List.of(g), -1);
  }

  @Test
  void pointSourceIsOneComponentOnePeakWithTheBeamShape() {
    SourceTruth t = measure(source(0, Morphology.POINT, Gaussian.point(200, 150, 100 * RMS)));
    assertEquals("1C-1P", t.rgzClass());
    assertEquals(1, t.islands());
    assertEquals(DetectionClass.COMPACT, t.detectionClass());
    assertEquals(100 * RMS, t.peakJy(), 1e-6 * RMS);
    assertEquals(100, t.snr(), 1e-6);
    assertEquals(RMS, t.localRmsJy());
    assertEquals(200, t.x(), 1e-3);
    assertEquals(150, t.y(), 1e-3);
    assertEquals(13, t.majorArcsec(), 0.13);
    assertEquals(11, t.minorArcsec(), 0.11);
    assertEquals(30, t.paDeg(), 0.5);
    assertTrue(t.detected());
  }

  @Test
  void maskHoldsExactlyThePixelsAboveThreshold() {
    SimSource s =
        source(
            0,
            Morphology.FR2,
            Gaussian.point(100, 100, 40 * RMS),
            new Gaussian(130, 110, 8, 3, 0.3, 300 * RMS));
    Stamp st = renderer.render(s);
    SourceTruth t = builder.measure(s, st, NOISE);
    SourceMask m = t.mask();
    int above = 0;
    for (int y = st.y0(); y < st.y0() + st.height(); y++) {
      for (int x = st.x0(); x < st.x0() + st.width(); x++) {
        boolean expected = st.at(x, y) > 3 * RMS;
        above += expected ? 1 : 0;
        assertEquals(expected, m.contains(x, y), "pixel " + x + "," + y);
      }
    }
    assertEquals(above, m.area());
    // the box is tight around the mask
    int[] edges = new int[4];
    for (int v = 0; v < m.height(); v++) {
      edges[0] += m.inside()[v * m.width()] ? 1 : 0;
      edges[1] += m.inside()[v * m.width() + m.width() - 1] ? 1 : 0;
    }
    for (int u = 0; u < m.width(); u++) {
      edges[2] += m.inside()[u] ? 1 : 0;
      edges[3] += m.inside()[(m.height() - 1) * m.width() + u] ? 1 : 0;
    }
    for (int e : edges) {
      assertTrue(e > 0);
    }
  }

  @Test
  void brightestPixelsAreAlwaysInTheMask() {
    SimPreset p = SimPreset.TINY;
    List<SimSource> sky = new SkyGenerator(p).generate(384, 384, new SplittableRandom(9));
    SourceRenderer r = new SourceRenderer(p.pixelBeam(), 5, 0.01 * p.rmsJy());
    TruthBuilder tb = new TruthBuilder(p.pixelBeam(), p.pixelArcsec());
    RmsField rms = RmsField.uniform(p.rmsJy(), 384, 384);
    int detected = 0;
    for (SimSource s : sky) {
      Stamp st = r.render(s);
      SourceTruth t = tb.measure(s, st, rms);
      if (!t.detected()) {
        assertEquals(0, t.mask().area());
        assertTrue(t.snr() <= 3 || !onMap(t, 384), s.toString());
        continue;
      }
      detected++;
      // every on-map pixel of the top 10% of the model above threshold is masked
      for (int y = Math.max(0, st.y0()); y < Math.min(384, st.y0() + st.height()); y++) {
        for (int x = Math.max(0, st.x0()); x < Math.min(384, st.x0() + st.width()); x++) {
          if (st.at(x, y) >= 0.9 * t.peakJy() && st.at(x, y) > 3 * p.rmsJy()) {
            assertTrue(t.mask().contains(x, y), s.morphology() + " pixel " + x + "," + y);
          }
        }
      }
    }
    assertTrue(detected > 20, "detected " + detected);
  }

  private static boolean onMap(SourceTruth t, int size) {
    return t.x() >= 0 && t.y() >= 0 && t.x() < size && t.y() < size;
  }

  @Test
  void closeDoubleAtLowSeparationIsOneComponentTwoPeaks() {
    double d = 1.6 * B;
    SourceTruth t =
        measure(
            source(
                0,
                Morphology.CLOSE_DOUBLE,
                Gaussian.point(200 - d / 2, 200, 200 * RMS),
                Gaussian.point(200 + d / 2, 200, 150 * RMS)));
    assertEquals("1C-2P", t.rgzClass());
    assertEquals(DetectionClass.COMPACT, t.detectionClass());
  }

  @Test
  void closeDoubleBelowTheBeamIsOnePeak() {
    double d = 0.5 * B;
    SourceTruth t =
        measure(
            source(
                0,
                Morphology.CLOSE_DOUBLE,
                Gaussian.point(200 - d / 2, 200, 200 * RMS),
                Gaussian.point(200 + d / 2, 200, 200 * RMS)));
    assertEquals("1C-1P", t.rgzClass());
  }

  @Test
  void fr2WithSeparatedLobesFallsIntoIslands() {
    // lobes 12 beams apart, a weak core in between, everything at high SNR
    double h = 6 * B;
    List<Gaussian> comps = new ArrayList<>();
    comps.add(Gaussian.point(200, 200, 20 * RMS));
    for (int side = -1; side <= 1; side += 2) {
      comps.add(Gaussian.point(200 + side * h, 200, 300 * RMS));
      comps.add(new Gaussian(200 + side * 0.8 * h, 200, 0.12 * h, 0.06 * h, 0, 600 * RMS));
    }
    SourceTruth t = measure(new SimSource(0, Morphology.FR2_MULTI_ISLAND, comps, -1));
    assertTrue(t.islands() == 2 || t.islands() == 3, t.rgzClass());
    assertEquals(t.islands(), t.components());
    assertTrue(t.peaks() >= t.islands(), t.rgzClass());
    assertEquals(DetectionClass.EXTENDED_MULTISLAND, t.detectionClass());
  }

  @Test
  void largeSingleIslandIsExtended() {
    SourceTruth t =
        measure(source(0, Morphology.RESOLVED, new Gaussian(200, 200, 3 * B, 1.5 * B, 1.0, 0.05)));
    assertEquals("1C-1P", t.rgzClass());
    assertEquals(DetectionClass.EXTENDED, t.detectionClass());
  }

  @Test
  void positionAngleIsEastOfNorth() {
    // major axis along +x + +y, i.e. 45° from +x: 45° - 90° = -45° = 135° east of north
    SourceTruth t =
        measure(
            source(
                0, Morphology.RESOLVED, new Gaussian(200, 200, 4 * B, 0.5 * B, Math.PI / 4, 0.05)));
    assertEquals(135, t.paDeg(), 0.5);
    assertTrue(t.majorArcsec() > 3 * t.minorArcsec());
  }

  @Test
  void sourceBelowTheThresholdIsKeptWithAnEmptyMask() {
    SourceTruth t = measure(source(0, Morphology.POINT, Gaussian.point(50, 60, 2 * RMS)));
    assertFalse(t.detected());
    assertEquals("0C-0P", t.rgzClass());
    assertEquals(0, t.mask().area());
    assertEquals(1, t.mask().width());
    assertEquals(50, t.mask().x0());
    assertEquals(60, t.mask().y0());
    assertEquals(2, t.snr(), 1e-6);
  }

  @Test
  void pixelsWithoutDataAreNeverMasked() {
    // a source on the left edge: the off-map half gets no mask
    SourceTruth t = measure(source(0, Morphology.POINT, Gaussian.point(0, 100, 100 * RMS)));
    SourceMask m = t.mask();
    assertEquals(0, m.x0());
    assertTrue(m.contains(0, 100));
    assertFalse(m.contains(-1, 100));
  }

  @Test
  void sourceSittingOnAnArtefactIsFlagged() {
    double ringRadius = 6 * B;
    List<Gaussian> ring = ShapeKit.ring(200, 200, ringRadius, 1, 0, 0, 60, 0, 2 * Math.PI, 0, 1, 0);
    ring = ShapeKit.withTotal(ring, 1);
    double ringPeak = new SourceRenderer(BEAM).modelAt(ring, 200 + ringRadius, 200);
    ring = ShapeKit.scaled(ring, 10 * RMS / ringPeak);
    List<SimSource> sky =
        List.of(
            source(0, Morphology.POINT, Gaussian.point(200, 200, 2)),
            new SimSource(1, Morphology.ARTEFACT_RING, ring, 0),
            source(2, Morphology.POINT, Gaussian.point(200, 200 + ringRadius, 8 * RMS)),
            source(3, Morphology.POINT, Gaussian.point(60, 60, 8 * RMS)));
    List<SourceTruth> t = builder.build(sky, renderer, NOISE);
    assertEquals(DetectionClass.COMPACT, t.get(0).detectionClass(), "the host is not flagged");
    assertEquals(DetectionClass.SPURIOUS, t.get(1).detectionClass());
    assertEquals(DetectionClass.FLAGGED, t.get(2).detectionClass());
    assertEquals(DetectionClass.COMPACT, t.get(3).detectionClass());
  }

  @Test
  void generatedSkyHasEveryDetectionClass() {
    SimPreset p = SimPreset.EMU_PILOT;
    int size = 1536;
    List<SimSource> sky = new SkyGenerator(p).generate(size, size, new SplittableRandom(4));
    List<SourceTruth> t =
        new TruthBuilder(p.pixelBeam(), p.pixelArcsec())
            .build(
                sky,
                new SourceRenderer(p.pixelBeam(), 5, 0.01 * p.rmsJy()),
                RmsField.uniform(p.rmsJy(), size, size));
    assertEquals(sky.size(), t.size());
    int[] n = new int[DetectionClass.values().length];
    for (SourceTruth x : t) {
      assertEquals(
          x.source().morphology().family() == Morphology.Family.ARTEFACT,
          x.detectionClass() == DetectionClass.SPURIOUS);
      if (x.detected()) {
        n[x.detectionClass().ordinal()]++;
      }
    }
    for (DetectionClass c : DetectionClass.values()) {
      assertTrue(n[c.ordinal()] > 0, c + " missing");
    }
    assertTrue(n[DetectionClass.COMPACT.ordinal()] > n[DetectionClass.EXTENDED.ordinal()]);
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> new TruthBuilder(BEAM, 0));
    assertThrows(IllegalArgumentException.class, () -> new TruthBuilder(BEAM, 2, 0, 0.2));
    assertThrows(IllegalArgumentException.class, () -> new TruthBuilder(BEAM, 2, 3, 1.5));
    assertThrows(IllegalArgumentException.class, () -> RmsField.uniform(-1, 10, 10));
  }
}
