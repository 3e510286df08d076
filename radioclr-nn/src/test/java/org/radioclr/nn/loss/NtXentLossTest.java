package org.radioclr.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.nn.Engines;

class NtXentLossTest {
  @Test
  void matchesDirectReferenceOverBatchesDimsAndTemperatures() {
    int checked = 0;
    double worst = 0;
    try (NDManager manager = Engines.newManager()) {
      long seed = 100;
      for (int pairs : new int[] {2, 5, 16}) {
        for (int dim : new int[] {3, 32, 128}) {
          for (double tau : new double[] {0.05, 0.1, 0.5, 1.0}) {
            float[] z = embeddings(seed++, 2 * pairs, dim);
            double expected = reference(z, 2 * pairs, dim, tau);
            NDArray actual =
                new NtXentLoss(tau).compute(manager.create(z, new Shape(2L * pairs, dim)));
            assertEquals(new Shape(), actual.getShape());
            double got = actual.getFloat();
            double relative = Math.abs(got - expected) / Math.abs(expected);
            worst = Math.max(worst, relative);
            assertTrue(
                relative < 1e-5,
                "N=" + pairs + " D=" + dim + " tau=" + tau + ": " + got + " vs " + expected);
            checked++;
          }
        }
      }
    }
    assertEquals(36, checked);
    assertTrue(worst > 0, "float32 against double should differ a little");
  }

  @Test
  void twoViewFormEqualsStackedForm() {
    try (NDManager manager = Engines.newManager()) {
      float[] z = embeddings(7, 8, 16);
      NDArray stacked = manager.create(z, new Shape(8, 16));
      NtXentLoss loss = new NtXentLoss(0.2);
      float a = loss.compute(stacked).getFloat();
      float b = loss.compute(stacked.get("0:4"), stacked.get("4:8")).getFloat();
      float c =
          loss.evaluate(new NDList(), new NDList(manager.zeros(new Shape(8, 2)), stacked))
              .getFloat();
      assertEquals(a, b, 1e-6f);
      assertEquals(a, c, 0f);
    }
  }

  @Test
  void scaleInvariantAndLowForAlignedViews() {
    try (NDManager manager = Engines.newManager()) {
      NtXentLoss loss = new NtXentLoss();
      NDArray random = manager.create(embeddings(3, 8, 32), new Shape(8, 32));
      assertEquals(
          loss.compute(random).getFloat(), loss.compute(random.mul(7.5f)).getFloat(), 1e-5f);
      // both views identical and the 4 images orthogonal: positives at 1/tau, negatives at 0
      float[] aligned = new float[8 * 4];
      for (int k = 0; k < 4; k++) {
        aligned[k * 4 + k] = 1;
        aligned[(k + 4) * 4 + k] = 1;
      }
      double expected = -10 + Math.log(Math.exp(10) + 6); // tau 0.1: one positive, six negatives
      assertEquals(
          expected, loss.compute(manager.create(aligned, new Shape(8, 4))).getFloat(), 1e-5);
      assertTrue(expected < 0.001 && loss.compute(random).getFloat() > 1.0);
    }
  }

  @Test
  void gradientDescentLowersTheLoss() {
    try (NDManager manager = Engines.newManager()) {
      NtXentLoss loss = new NtXentLoss(0.5);
      NDArray z = manager.create(embeddings(21, 10, 8), new Shape(10, 8));
      float first = Float.NaN;
      float last = Float.NaN;
      for (int step = 0; step < 20; step++) {
        z.setRequiresGradient(true);
        NDArray gradient;
        try (GradientCollector collector = Engines.pytorch().newGradientCollector()) {
          NDArray value = loss.compute(z);
          collector.backward(value);
          last = value.getFloat();
          if (step == 0) {
            first = last;
          }
        }
        gradient = z.getGradient();
        assertTrue(gradient.abs().sum().getFloat() > 0, "gradient reaches the embeddings");
        z = z.sub(gradient.mul(2f)).duplicate();
      }
      assertTrue(last < 0.8f * first, "loss " + first + " -> " + last);
    }
  }

  @Test
  void computesInDoublePrecisionWhenGivenDoubles() {
    try (NDManager manager = Engines.newManager()) {
      float[] z = embeddings(5, 6, 4);
      double[] zd = new double[z.length];
      for (int i = 0; i < z.length; i++) {
        zd[i] = z[i];
      }
      NDArray value = new NtXentLoss(0.05).compute(manager.create(zd, new Shape(6, 4)));
      assertEquals(DataType.FLOAT64, value.getDataType());
      assertEquals(reference(z, 6, 4, 0.05), value.getDouble(), 1e-12);
    }
  }

  @Test
  void rejectsBadTemperatureAndShapes() {
    assertEquals(
        "temperature must be > 0, got -0.1",
        assertThrows(IllegalArgumentException.class, () -> new NtXentLoss(-0.1)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new NtXentLoss(0));
    assertThrows(IllegalArgumentException.class, () -> new NtXentLoss(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new NtXentLoss(Double.POSITIVE_INFINITY));
    assertEquals(0.1, new NtXentLoss().temperature());
    try (NDManager manager = Engines.newManager()) {
      NtXentLoss loss = new NtXentLoss();
      assertEquals(
          "NT-Xent needs [2N][D] embeddings with N >= 1 and D >= 1, got (5, 3)",
          assertThrows(
                  IllegalArgumentException.class,
                  () -> loss.compute(manager.zeros(new Shape(5, 3))))
              .getMessage());
      assertThrows(IllegalArgumentException.class, () -> loss.compute(manager.zeros(new Shape(8))));
      assertThrows(
          IllegalArgumentException.class,
          () -> loss.compute(manager.zeros(new Shape(2, 3)), manager.zeros(new Shape(3, 3))));
      assertThrows(IllegalArgumentException.class, () -> loss.evaluate(new NDList(), new NDList()));
    }
  }

  private static float[] embeddings(long seed, int rows, int dim) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] z = new float[rows * dim];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (random.nextGaussian() * 2.0);
    }
    return z;
  }

  /** NT-Xent written out with double loops, straight from the definition. */
  private static double reference(float[] z, int rows, int dim, double tau) {
    double[][] u = new double[rows][dim];
    for (int a = 0; a < rows; a++) {
      double norm = 0;
      for (int d = 0; d < dim; d++) {
        norm += (double) z[a * dim + d] * z[a * dim + d];
      }
      norm = Math.sqrt(norm);
      for (int d = 0; d < dim; d++) {
        u[a][d] = z[a * dim + d] / norm;
      }
    }
    int n = rows / 2;
    double total = 0;
    for (int a = 0; a < rows; a++) {
      int positive = a < n ? a + n : a - n;
      double[] s = new double[rows];
      double max = Double.NEGATIVE_INFINITY;
      for (int b = 0; b < rows; b++) {
        double dot = 0;
        for (int d = 0; d < dim; d++) {
          dot += u[a][d] * u[b][d];
        }
        s[b] = dot / tau;
        if (b != a) {
          max = Math.max(max, s[b]);
        }
      }
      double sum = 0;
      for (int b = 0; b < rows; b++) {
        if (b != a) {
          sum += Math.exp(s[b] - max);
        }
      }
      total += max + Math.log(sum) - s[positive];
    }
    return total / rows;
  }
}
