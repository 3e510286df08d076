package org.radioclr.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.nn.Engines;

class ResumableAdamTest {
  private static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] a = new float[n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) r.nextDouble(-1, 1);
    }
    return a;
  }

  private static ResumableAdam adam(NDManager manager) {
    ResumableAdam a = ResumableAdam.builder().setManager(manager).optWeightDecays(0.01f).build();
    a.bind(Map.of("id-w", "w"));
    return a;
  }

  @Test
  void matchesDjlAdamStepForStep() {
    try (NDManager manager = Engines.newManager()) {
      Shape shape = new Shape(3, 5);
      NDArray w1 = manager.create(random(15, 1), shape);
      NDArray w2 = w1.duplicate();
      Adam djl =
          Adam.builder()
              .optLearningRateTracker(Tracker.fixed(0.01f))
              .optWeightDecays(0.01f)
              .build();
      ResumableAdam ours = adam(manager);
      for (int step = 0; step < 4; step++) {
        NDArray g = manager.create(random(15, 10 + step), shape);
        djl.update("id-w", w1, g);
        ours.beginStep(step, 0.01f);
        ours.update("id-w", w2, g);
        assertArrayEquals(w1.toFloatArray(), w2.toFloatArray(), 0f, "step " + step);
      }
    }
  }

  @Test
  void savedStateContinuesIdentically() throws IOException {
    try (NDManager manager = Engines.newManager()) {
      Shape shape = new Shape(7);
      NDArray w1 = manager.create(random(7, 2), shape);
      ResumableAdam a = adam(manager);
      for (int step = 0; step < 2; step++) {
        a.beginStep(step, 0.05f);
        a.update("id-w", w1, manager.create(random(7, 20 + step), shape));
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        a.save(out);
      }
      NDArray w2 = w1.duplicate();
      ResumableAdam b = adam(manager);
      b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      NDArray g = manager.create(random(7, 30), shape);
      a.beginStep(2, 0.05f);
      a.update("id-w", w1, g);
      b.beginStep(2, 0.05f);
      b.update("id-w", w2, g);
      assertArrayEquals(w1.toFloatArray(), w2.toFloatArray(), 0f);

      assertThrows(
          IOException.class,
          () -> b.load(new DataInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3, 4}))));
      assertThrows(IllegalStateException.class, () -> b.update("unbound", w2, g));
    }
  }
}
