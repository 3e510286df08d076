package org.radioclr.sim.sky;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radioclr.formats.labels.Morphology;
import org.radioclr.formats.mask.PixelBox;
import org.radioclr.sim.model.Gaussian;
import org.radioclr.sim.model.PixelBeam;
import org.radioclr.sim.model.SimSource;

class SourceRendererTest {

  /** 13" x 11" beam at PA 30° on 1" pixels. */
  private static final PixelBeam BEAM = PixelBeam.fromFwhm(13, 11, 30, 1);

  private static SimSource source(Gaussian... g) {
    return new SimSource(0, Morphology.POINT, List.of(g), -1);
  }

  /** {cx, cy, fwhmMajor px, fwhmMinor px, pa east of north deg} from the stamp's moments. */
  static double[] moments(Stamp s) {
    double s0 = 0;
    double sx = 0;
    double sy = 0;
    for (int v = 0; v < s.height(); v++) {
      for (int u = 0; u < s.width(); u++) {
        double f = s.data()[v * s.width() + u];
        s0 += f;
        sx += f * (s.x0() + u);
        sy += f * (s.y0() + v);
      }
    }
    double cx = sx / s0;
    double cy = sy / s0;
    double a = 0;
    double b = 0;
    double c = 0;
    for (int v = 0; v < s.height(); v++) {
      for (int u = 0; u < s.width(); u++) {
        double f = s.data()[v * s.width() + u];
        double dx = s.x0() + u - cx;
        double dy = s.y0() + v - cy;
        a += f * dx * dx;
        b += f * dx * dy;
        c += f * dy * dy;
      }
    }
    a /= s0;
    b /= s0;
    c /= s0;
    double half = 0.5 * (a + c);
    double root = Math.sqrt(0.25 * (a - c) * (a - c) + b * b);
    double paFromX = Math.toDegrees(0.5 * Math.atan2(2 * b, a - c));
    return new double[] {
      cx,
      cy,
      PixelBeam.FWHM_PER_SIGMA * Math.sqrt(half + root),
      PixelBeam.FWHM_PER_SIGMA * Math.sqrt(half - root),
      ((paFromX - 90) % 180 + 180) % 180
    };
  }

  @Test
  void pointSourcePeaksAtItsFluxWithTheBeamShape() {
    Stamp s = new SourceRenderer(BEAM).render(source(Gaussian.point(100, 80, 0.002)));
    assertEquals(0.002, s.peak(), 0.002 * 1e-6);
    assertEquals(0.002, s.at(100, 80), 0.002 * 1e-6);
    double[] m = moments(s);
    assertEquals(100, m[0], 1e-3);
    assertEquals(80, m[1], 1e-3);
    assertEquals(13, m[2], 13 * 0.01);
    assertEquals(11, m[3], 11 * 0.01);
    assertEquals(30, m[4], 0.5);
  }

  @Test
  void beamMajorAxisLiesAlongItsPositionAngle() {
    // PA 0: major axis north (+y); PA 90: major axis east (-x)
    for (double pa : new double[] {0, 90}) {
      PixelBeam beam = PixelBeam.fromFwhm(14, 8, pa, 1);
      Stamp s = new SourceRenderer(beam).render(source(Gaussian.point(50, 50, 1)));
      double alongY = halfMaxWidth(s, 0, 1);
      double alongX = halfMaxWidth(s, 1, 0);
      double major = pa == 0 ? alongY : alongX;
      double minor = pa == 0 ? alongX : alongY;
      assertEquals(14, major, 14 * 0.01, "major FWHM at PA " + pa);
      assertEquals(8, minor, 8 * 0.01, "minor FWHM at PA " + pa);
    }
  }

  /** Width at half maximum of the profile through (50, 50) along (dx, dy), linear interpolation. */
  private static double halfMaxWidth(Stamp s, int dx, int dy) {
    double peak = s.at(50, 50);
    double width = 0;
    for (int sign = -1; sign <= 1; sign += 2) {
      int k = 0;
      while (s.at(50 + sign * k * dx, 50 + sign * k * dy) > peak / 2) {
        k++;
      }
      double inner = s.at(50 + sign * (k - 1) * dx, 50 + sign * (k - 1) * dy);
      double outer = s.at(50 + sign * k * dx, 50 + sign * k * dy);
      width += (k - 1) + (inner - peak / 2) / (inner - outer);
    }
    return width;
  }

  @Test
  void resolvedGaussianPeaksAtFluxTimesBeamOverConvolvedArea() {
    Gaussian g = new Gaussian(60, 60, 6, 3, 0.7, 0.01);
    Stamp s = new SourceRenderer(BEAM).render(source(g));
    // the convolved covariance has determinant det(C + B)
    double[] cov = SourceRenderer.covariance(6, 3, 0.7);
    double[] b = SourceRenderer.covariance(BEAM.sigmaMajor(), BEAM.sigmaMinor(), BEAM.pa());
    double det = (cov[0] + b[0]) * (cov[2] + b[2]) - (cov[1] + b[1]) * (cov[1] + b[1]);
    double expected = 0.01 * BEAM.areaPixels() / (2 * Math.PI * Math.sqrt(det));
    assertEquals(expected, s.at(60, 60), expected * 1e-5);
    assertEquals(expected, new SourceRenderer(BEAM).componentPeak(g), expected * 1e-12);
  }

  @Test
  void stampConservesFlux() {
    SourceRenderer r = new SourceRenderer(BEAM);
    SimSource multi =
        source(
            Gaussian.point(40.3, 51.7, 0.003),
            new Gaussian(70.5, 60.2, 9, 4, 1.1, 0.005),
            new Gaussian(20.1, 30.9, 2, 0.5, -0.4, 0.001));
    Stamp s = r.render(multi);
    assertEquals(multi.flux(), s.sum() / BEAM.areaPixels(), multi.flux() * 0.01);
  }

  @Test
  void stampIsCutAtFiveSigmaOrAtTheFloor() {
    Gaussian g = Gaussian.point(0, 0, 1);
    SourceRenderer plain = new SourceRenderer(BEAM);
    PixelBox box = plain.footprint(source(g));
    double[] b = SourceRenderer.covariance(BEAM.sigmaMajor(), BEAM.sigmaMinor(), BEAM.pa());
    assertEquals(2 * Math.floor(5 * Math.sqrt(b[0])) + 1, box.width());
    assertEquals(2 * Math.floor(5 * Math.sqrt(b[2])) + 1, box.height());
    // a floor of 1e-9 Jy/beam needs sqrt(2 ln 1e9) = 6.4 sigma
    PixelBox wide = new SourceRenderer(BEAM, 5, 1e-9).footprint(source(g));
    assertEquals(2 * Math.floor(Math.sqrt(2 * Math.log(1e9)) * Math.sqrt(b[0])) + 1, wide.width());
    Stamp s = plain.render(source(g));
    assertEquals(box, s.box());
    // the corners of the box lie outside the 5-sigma ellipse and stay empty
    assertEquals(0f, s.data()[0]);
    // the values along the box edge are near the 5 sigma level (exp(-12.5) = 3.7e-6) or below
    for (int u = 0; u < s.width(); u++) {
      assertTrue(s.data()[u] <= 2e-5, "edge value " + s.data()[u]);
    }
  }

  @Test
  void footprintMatchesTheRenderedStamp() {
    SourceRenderer r = new SourceRenderer(BEAM, 4, 1e-6);
    SimSource s = source(Gaussian.point(-3.2, 7.9, 0.5), new Gaussian(30, -10, 8, 2, 2.0, 0.2));
    assertEquals(r.footprint(s), r.render(s).box());
  }

  @Test
  void modelAtAgreesWithTheStamp() {
    SourceRenderer r = new SourceRenderer(BEAM);
    SimSource s = source(Gaussian.point(10, 12, 0.5), new Gaussian(25, 14, 5, 2, 0.3, 0.2));
    Stamp st = r.render(s);
    for (int[] p : new int[][] {{10, 12}, {18, 13}, {25, 14}, {30, 20}}) {
      double expected = r.modelAt(s.components(), p[0], p[1]);
      assertEquals(expected, st.at(p[0], p[1]), 1e-6 * expected + 1e-12);
    }
  }

  @Test
  void stampsAddIntoBandsLikeIntoTheWholeMap() {
    SourceRenderer r = new SourceRenderer(BEAM);
    int w = 40;
    int h = 30;
    // a source hanging over the left and bottom edges
    Stamp s = r.render(source(Gaussian.point(2.5, 1.5, 1), Gaussian.point(38, 29, 0.5)));
    float[] whole = new float[w * h];
    s.addTo(whole, 0, h, w);
    float[] banded = new float[w * h];
    for (int y0 = 0; y0 < h; y0 += 7) {
      int rows = Math.min(7, h - y0);
      float[] band = new float[rows * w];
      s.addTo(band, y0, rows, w);
      System.arraycopy(band, 0, banded, y0 * w, rows * w);
    }
    assertArrayEquals(whole, banded);
    assertEquals(1f, whole[1 * w + 2] + 0f, 0.2f);
    double inMap = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        inMap += s.at(x, y);
        assertEquals(s.at(x, y), whole[y * w + x]);
      }
    }
    assertTrue(inMap < s.sum(), "part of the stamp is off the map");
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> new SourceRenderer(BEAM, 0.5, 0));
    assertThrows(IllegalArgumentException.class, () -> new SourceRenderer(BEAM, 5, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SourceRenderer(BEAM, 5, Double.POSITIVE_INFINITY));
  }
}
