package org.radioclr.core.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuickselectTest {

  @Test
  void medianMatchesSortedMiddleForOddAndEvenCounts() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int n = 1; n <= 300; n++) {
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(5) : rnd.nextGaussian(); // many duplicates
      }
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
      assertEquals(expected, Quickselect.median(a, n), 0.0, "n=" + n);
    }
  }

  @Test
  void selectPlacesKthValueAndPartitions() {
    SplittableRandom rnd = new SplittableRandom(2);
    double[] a = new double[10_001];
    for (int i = 0; i < a.length; i++) {
      a[i] = rnd.nextDouble();
    }
    double[] sorted = a.clone();
    Arrays.sort(sorted);
    int k = 1234;
    Quickselect.select(a, 0, a.length - 1, k);
    assertEquals(sorted[k], a[k], 0.0);
    for (int i = 0; i < k; i++) {
      assertEquals(true, a[i] <= a[k]);
    }
    for (int i = k + 1; i < a.length; i++) {
      assertEquals(true, a[i] >= a[k]);
    }
  }

  @Test
  void handlesConstantAndSortedInputs() {
    double[] constant = new double[5000];
    Arrays.fill(constant, 3.5);
    assertEquals(3.5, Quickselect.median(constant, constant.length), 0.0);
    double[] ascending = new double[5000];
    for (int i = 0; i < ascending.length; i++) {
      ascending[i] = i;
    }
    assertEquals(2499.5, Quickselect.median(ascending, ascending.length), 0.0);
  }

  @Test
  void medianUsesOnlyTheFirstNValues() {
    double[] a = {5, 1, 3, 1000, -1000};
    assertEquals(3.0, Quickselect.median(a, 3), 0.0);
    assertThrows(IllegalArgumentException.class, () -> Quickselect.median(a, 0));
  }

  @Test
  void float32ValuesSelectedAsDoublesGiveTheSameFloat() {
    SplittableRandom rnd = new SplittableRandom(4);
    float[] a = new float[5_003];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) rnd.nextGaussian();
    }
    float[] sorted = a.clone();
    Arrays.sort(sorted);
    for (int k : new int[] {0, 77, 2501, a.length - 1}) {
      double[] b = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        b[i] = a[i];
      }
      Quickselect.select(b, 0, b.length - 1, k);
      assertEquals(sorted[k], (float) b[k], 0.0f, "k=" + k);
      assertEquals(sorted[k], b[k], 0.0, "k=" + k); // the widening is exact
      for (int i = 0; i < b.length; i++) {
        assertEquals(true, i < k ? b[i] <= b[k] : b[i] >= b[k], "i=" + i);
      }
    }
  }
}
