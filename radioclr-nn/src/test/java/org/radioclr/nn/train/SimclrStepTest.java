package org.radioclr.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.nn.Engines;
import org.radioclr.nn.model.SimclrModel;

class SimclrStepTest {
  private static final int PAIRS = 2;
  private static final int SIDE = 16;

  @Test
  void aNonFiniteBatchIsSkippedWithoutTouchingTheWeights() {
    Engines.pytorch().setRandomSeed(3);
    try (Model model = Model.newInstance("simclr", Device.cpu(), Engines.PYTORCH)) {
      SimclrModel block = SimclrModel.paper(true);
      model.setBlock(block);
      block.initialize(
          model.getNDManager(), DataType.FLOAT32, new Shape(2L * PAIRS, 3, SIDE, SIDE));
      SimclrStep step = new SimclrStep(model, Engines.pytorch(), 0.1, 0.0);
      float[] before = weights(block);

      float[] bad = views(1);
      bad[17] = Float.NaN;
      float skipped = step.run(bad, PAIRS, 3, SIDE, 0, 1e-3f, () -> {});
      assertFalse(Float.isFinite(skipped), "reported as not finite: " + skipped);
      assertArrayEquals(before, weights(block), 0f, "weights unchanged");

      // the next finite batch trains as if the bad one had never come
      float loss = step.run(views(2), PAIRS, 3, SIDE, 0, 1e-3f, () -> {});
      assertTrue(Float.isFinite(loss), "loss " + loss);
      assertFalse(Arrays.equals(before, weights(block)), "weights changed");
    }
  }

  @Test
  void seededStepsRepeatExactlyAndStartFromTheRecordedLoss() {
    float[][] first = fourSeededSteps();
    float[][] second = fourSeededSteps();
    // recorded from the step before it moved into OptimiserStep (commit a82e400, CPU); later
    // steps are not compared with recorded values: libtorch's CPU kernels round differently on
    // different instruction sets (AVX2, AVX-512) and a few optimiser steps on a batch of two
    // pairs amplify the last digit to the third
    assertEquals(0.7493813f, first[0][0], 1e-5f, "first loss");
    assertArrayEquals(first[0], second[0], 0f, "losses repeat");
    assertArrayEquals(first[1], second[1], 0f, "weights repeat");
    assertFalse(Arrays.equals(first[1], second[2]), "weights changed");
  }

  /** The losses of four seeded steps, the head's weights after them and before them. */
  private static float[][] fourSeededSteps() {
    Engines.pytorch().setRandomSeed(7);
    try (Model model = Model.newInstance("simclr", Device.cpu(), Engines.PYTORCH)) {
      SimclrModel block = SimclrModel.paper(true);
      model.setBlock(block);
      block.initialize(
          model.getNDManager(), DataType.FLOAT32, new Shape(2L * PAIRS, 3, SIDE, SIDE));
      float[] before = weights(block);
      SimclrStep step = new SimclrStep(model, Engines.pytorch(), 0.1, 1e-4);
      float[] losses = new float[4];
      for (int i = 0; i < losses.length; i++) {
        losses[i] = step.run(views(10 + i), PAIRS, 3, SIDE, i, 1e-3f, () -> {});
      }
      return new float[][] {losses, weights(block), before};
    }
  }

  private static float[] weights(SimclrModel block) {
    return block.head().getParameters().valueAt(0).getArray().toFloatArray();
  }

  private static float[] views(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[2 * PAIRS * 3 * SIDE * SIDE];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextDouble();
    }
    return v;
  }
}
