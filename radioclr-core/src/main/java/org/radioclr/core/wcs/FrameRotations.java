package org.radioclr.core.wcs;

/**
 * The fixed rotations between {@link CelestialFrame}s, built from the constants astropy 5.2 uses
 * ({@code icrs_fk5_transforms.py}, {@code galactic.py}) with astropy's {@code rotation_matrix}
 * convention (a rotation of the coordinate axes).
 */
final class FrameRotations {
  private FrameRotations() {}

  private static final double MAS = 1.0 / 3_600_000.0;

  /** ICRS to FK5 J2000 frame bias (USNO Circular 179): eta0, xi0, d-alpha0 in mas. */
  private static final double[][] ICRS_TO_FK5 =
      multiply(
          multiply(axisRotation(0, 19.9 * MAS), axisRotation(1, 9.1 * MAS)),
          axisRotation(2, -22.9 * MAS));

  /** FK5 J2000 to Galactic: north Galactic pole and longitude of the celestial pole. */
  private static final double[][] FK5_TO_GALACTIC =
      multiply(
          multiply(
              axisRotation(2, 180.0 - 122.9319185680026),
              axisRotation(1, 90.0 - 27.12825118085622)),
          axisRotation(2, 192.8594812065348));

  private static final double[][] ICRS_TO_GALACTIC = multiply(FK5_TO_GALACTIC, ICRS_TO_FK5);

  /** All products, computed once: {@code TABLE[from][to]}. */
  private static final double[][][][] TABLE = table();

  /** The rotation from one frame to another; shared, callers must not modify it. */
  static double[][] between(CelestialFrame from, CelestialFrame to) {
    return TABLE[from.ordinal()][to.ordinal()];
  }

  private static double[][][][] table() {
    CelestialFrame[] frames = CelestialFrame.values();
    double[][][][] t = new double[frames.length][frames.length][][];
    for (CelestialFrame from : frames) {
      for (CelestialFrame to : frames) {
        t[from.ordinal()][to.ordinal()] = multiply(fromIcrs(to), transpose(fromIcrs(from)));
      }
    }
    return t;
  }

  private static double[][] fromIcrs(CelestialFrame frame) {
    return switch (frame) {
      case ICRS -> identity();
      case FK5 -> ICRS_TO_FK5;
      case GALACTIC -> ICRS_TO_GALACTIC;
    };
  }

  /** astropy {@code rotation_matrix(angleDeg, axis)}: axis 0 = x, 1 = y, 2 = z. */
  static double[][] axisRotation(int axis, double angleDeg) {
    double a = Math.toRadians(angleDeg);
    double c = Math.cos(a);
    double s = Math.sin(a);
    double[][] r = new double[3][3];
    int a1 = (axis + 1) % 3;
    int a2 = (axis + 2) % 3;
    r[axis][axis] = 1.0;
    r[a1][a1] = c;
    r[a1][a2] = s;
    r[a2][a1] = -s;
    r[a2][a2] = c;
    return r;
  }

  static double[][] multiply(double[][] a, double[][] b) {
    double[][] r = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double sum = 0.0;
        for (int k = 0; k < 3; k++) {
          sum += a[i][k] * b[k][j];
        }
        r[i][j] = sum;
      }
    }
    return r;
  }

  private static double[][] transpose(double[][] a) {
    double[][] r = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        r[i][j] = a[j][i];
      }
    }
    return r;
  }

  private static double[][] identity() {
    return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  }
}
