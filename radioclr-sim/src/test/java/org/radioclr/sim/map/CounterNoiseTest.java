package org.radioclr.sim.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CounterNoiseTest {

  @Test
  void rowsAreThePixelFunctionWhateverTheStart() {
    long key = CounterNoise.key(7, 3);
    float[] whole = new float[100];
    CounterNoise.fillRow(key, -50, 12, whole, 0, 100);
    for (int i = 0; i < 100; i++) {
      assertEquals((float) CounterNoise.at(key, -50 + i, 12), whole[i], "x = " + (i - 50));
    }
    float[] part = new float[30];
    CounterNoise.fillRow(key, -7, 12, part, 0, 30);
    float[] expected = new float[30];
    System.arraycopy(whole, 43, expected, 0, 30);
    assertArrayEquals(expected, part);
  }

  @Test
  void keysAndRowsGiveDifferentNumbers() {
    float[] a = new float[64];
    float[] b = new float[64];
    float[] c = new float[64];
    CounterNoise.fillRow(CounterNoise.key(1, 0), 0, 0, a, 0, 64);
    CounterNoise.fillRow(CounterNoise.key(2, 0), 0, 0, b, 0, 64);
    CounterNoise.fillRow(CounterNoise.key(1, 0), 0, 1, c, 0, 64);
    assertNotEquals(a[0], b[0]);
    assertNotEquals(a[0], c[0]);
    double corr = 0;
    for (int i = 0; i < 64; i++) {
      corr += a[i] * c[i];
    }
    assertTrue(Math.abs(corr / 64) < 0.5, "rows look alike: " + corr / 64);
  }

  @Test
  void deviatesAreStandardNormal() {
    long key = CounterNoise.key(11, 0);
    int n = 1 << 21;
    float[] row = new float[2048];
    double s = 0;
    double s2 = 0;
    double s4 = 0;
    long beyond3 = 0;
    double lag1 = 0;
    for (int y = 0; y < n / row.length; y++) {
      CounterNoise.fillRow(key, -1024, y, row, 0, row.length);
      for (int i = 0; i < row.length; i++) {
        double v = row[i];
        s += v;
        s2 += v * v;
        s4 += v * v * v * v;
        if (Math.abs(v) > 3) {
          beyond3++;
        }
        if (i > 0) {
          lag1 += v * row[i - 1];
        }
      }
    }
    double mean = s / n;
    double var = s2 / n - mean * mean;
    assertEquals(0, mean, 0.005);
    assertEquals(1, var, 0.005);
    assertEquals(3, s4 / n / (var * var), 0.03, "kurtosis");
    assertEquals(0.0027, (double) beyond3 / n, 0.0003, "two-sided 3-sigma tail");
    assertEquals(0, lag1 / n, 0.005, "neighbour correlation");
  }
}
