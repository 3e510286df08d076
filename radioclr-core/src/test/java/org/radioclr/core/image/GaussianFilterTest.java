package org.radioclr.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussianFilterTest {

  @Test
  void impulseBecomesGaussianWithUnitSum() {
    int n = 41;
    Plane p = Plane.zeros(n, n);
    p.set(20, 20, 1f);
    double sigma = 2.5;
    Plane out = new GaussianFilter(sigma).apply(p);
    double sum = 0;
    for (float v : out.data()) {
      sum += v;
    }
    assertEquals(1.0, sum, 1e-5);
    double norm = 1 / (2 * Math.PI * sigma * sigma);
    assertEquals(norm, out.get(20, 20), norm * 0.01);
    assertEquals(norm * Math.exp(-0.5 * 9 / (sigma * sigma)), out.get(23, 20), norm * 0.01);
    double varX = 0;
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        varX += out.get(x, y) * (x - 20.0) * (x - 20.0);
      }
    }
    assertEquals(sigma * sigma, varX, 0.02);
  }

  @Test
  void constantImageStaysConstantAtBorders() {
    Plane p = new Plane(7, 5, new float[35]);
    java.util.Arrays.fill(p.data(), 3f);
    for (float v : new GaussianFilter(1.7).apply(p).data()) {
      assertEquals(3f, v, 1e-6);
    }
  }

  @Test
  void rejectsBadSigma() {
    assertThrows(IllegalArgumentException.class, () -> new GaussianFilter(0));
    assertThrows(IllegalArgumentException.class, () -> new GaussianFilter(Double.NaN));
  }
}
