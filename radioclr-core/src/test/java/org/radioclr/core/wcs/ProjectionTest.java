package org.radioclr.core.wcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The projections alone: closed-form values, round trips, and domain boundaries (radians). */
class ProjectionTest {
  private static final double HALF_PI = Math.PI / 2.0;

  static Stream<Arguments> projections() {
    // name, projection, lowest native latitude that projects (round-trip range)
    return Stream.of(
        Arguments.of("TAN", new Projection.Tan(), 0.05),
        Arguments.of("SIN", new Projection.Sin(), 0.0),
        Arguments.of("SIN slant", new Projection.SlantSin(0.1, -0.25), 0.3),
        Arguments.of("NCP dec 40", new Projection.SlantSin(0.0, 1.0 / Math.tan(0.698)), 0.9),
        Arguments.of("ARC", new Projection.Arc(), -1.5),
        Arguments.of("STG", new Projection.Stg(), -1.5),
        Arguments.of("ZEA", new Projection.Zea(), -1.5),
        Arguments.of("CAR", new Projection.Car(), -HALF_PI),
        Arguments.of("AIT", new Projection.Ait(), -HALF_PI));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projections")
  void roundTripsInsideTheDomain(String name, Projection p, double minTheta) {
    SplittableRandom random = new SplittableRandom(7);
    double[] plane = new double[2];
    double[] back = new double[2];
    for (int i = 0; i < 2000; i++) {
      double phi = random.nextDouble(-Math.PI + 1e-6, Math.PI - 1e-6);
      double theta = random.nextDouble(minTheta, HALF_PI - 1e-6);
      assertTrue(p.toPlane(phi, theta, plane), name + " toPlane " + phi + ", " + theta);
      assertTrue(p.toNative(plane[0], plane[1], back), name + " toNative " + phi + ", " + theta);
      assertEquals(theta, back[1], 1e-9, name + " theta");
      assertEquals(0.0, Math.IEEEremainder(back[0] - phi, 2 * Math.PI), 1e-9 / Math.cos(theta));
    }
  }

  @Test
  void closedFormValues() {
    double[] out = new double[2];
    // TAN: theta = 45 deg lies at R = 1 rad; phi = 0 points down (-y).
    assertTrue(new Projection.Tan().toPlane(0.0, Math.PI / 4, out));
    assertEquals(0.0, out[0], 1e-15);
    assertEquals(-1.0, out[1], 1e-15);
    // SIN: theta = 30 deg at R = cos(30 deg); phi = 90 deg points along +x.
    assertTrue(new Projection.Sin().toPlane(HALF_PI, Math.PI / 6, out));
    assertEquals(Math.sqrt(3) / 2, out[0], 1e-15);
    // ZEA: the antipode (theta = -90) is the circle R = 2.
    assertTrue(new Projection.Zea().toPlane(0.0, -HALF_PI, out));
    assertEquals(-2.0, out[1], 1e-15);
    // ARC: R is the zenith distance itself.
    assertTrue(new Projection.Arc().toPlane(HALF_PI, 0.0, out));
    assertEquals(HALF_PI, out[0], 1e-15);
    // STG: the horizon (theta = 0) at R = 2.
    assertTrue(new Projection.Stg().toPlane(HALF_PI, 0.0, out));
    assertEquals(2.0, out[0], 1e-15);
    // AIT: the ends of the equator at x = +-2 sqrt(2), the pole at y = sqrt(2).
    assertTrue(new Projection.Ait().toPlane(Math.PI, 0.0, out));
    assertEquals(2 * Math.sqrt(2), out[0], 1e-14);
    assertTrue(new Projection.Ait().toPlane(0.0, HALF_PI, out));
    assertEquals(Math.sqrt(2), out[1], 1e-15);
    // CAR: identity.
    assertTrue(new Projection.Car().toNative(0.3, -0.2, out));
    assertEquals(0.3, out[0], 0.0);
    assertEquals(-0.2, out[1], 0.0);
  }

  @Test
  void slantSinWithZeroParametersIsOrthographicSin() {
    Projection slant = new Projection.SlantSin(0.0, 0.0);
    Projection sin = new Projection.Sin();
    double[] a = new double[2];
    double[] b = new double[2];
    for (double r = 0.0; r < 1.0; r += 0.0137) {
      assertTrue(slant.toNative(0.6 * r, -0.8 * r, a));
      assertTrue(sin.toNative(0.6 * r, -0.8 * r, b));
      assertEquals(b[1], a[1], 1e-12);
      assertEquals(b[0], a[0], 1e-12);
    }
  }

  @Test
  void pointsOutsideTheDomainAreRejected() {
    double[] out = new double[2];
    assertFalse(new Projection.Sin().toNative(0.8, 0.61, out), "beyond the SIN horizon");
    assertFalse(new Projection.Sin().toPlane(0.0, -0.01, out), "SIN far hemisphere");
    assertFalse(new Projection.Tan().toPlane(0.0, 0.0, out), "TAN horizon");
    assertFalse(new Projection.Tan().toPlane(1.0, -0.5, out), "TAN far hemisphere");
    assertFalse(new Projection.Zea().toNative(2.0, 0.1, out), "outside ZEA's R = 2");
    assertFalse(new Projection.Arc().toNative(0.0, Math.PI + 0.01, out), "outside ARC's R = pi");
    assertFalse(new Projection.Stg().toPlane(0.0, -HALF_PI, out), "STG antipode");
    assertFalse(new Projection.Car().toNative(Math.PI + 0.01, 0.0, out), "CAR |x| > pi");
    assertFalse(new Projection.Car().toNative(0.0, HALF_PI + 0.01, out), "CAR |y| > pi/2");
    assertFalse(new Projection.Ait().toNative(2.9, 0.0, out), "outside the AIT ellipse");
    assertFalse(new Projection.Ait().toNative(0.0, 1.5, out), "outside the AIT ellipse");
    assertFalse(
        new Projection.SlantSin(0.0, 1.2).toPlane(0.0, -0.2, out), "behind the slanted horizon");
  }
}
