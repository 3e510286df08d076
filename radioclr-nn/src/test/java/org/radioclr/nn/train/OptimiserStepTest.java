package org.radioclr.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.nn.Engines;

class OptimiserStepTest {
  private static final int ROWS = 8;
  private static final int IN = 3;

  /** How a batch's loss is formed from the block's output. */
  private enum Loss {
    FINITE,
    NAN_LOSS, // NaN input: the loss is NaN (and batch norm has seen NaN)
    NAN_GRADIENT // finite loss 0 whose gradient is NaN: sqrt'(0) * 0
  }

  @Test
  void aSkippedStepLeavesEveryParameterAndRunningStatisticBitIdentical() {
    for (Loss bad : List.of(Loss.NAN_LOSS, Loss.NAN_GRADIENT)) {
      try (Model model = model(5)) {
        OptimiserStep step =
            new OptimiserStep(model.getBlock(), model.getNDManager(), engine(), 1e-4);
        step(model, step, 0, Loss.FINITE, 1); // Adam has moments, the running statistics moved
        List<float[]> before = everyParameter(model);
        assertTrue(runningStatistics(model) >= 2, "the block has batch-norm running statistics");

        float value = step(model, step, 1, bad, 2);

        assertFalse(Float.isFinite(value), bad + ": reported as not finite: " + value);
        List<float[]> after = everyParameter(model);
        for (int i = 0; i < before.size(); i++) {
          assertArrayEquals(before.get(i), after.get(i), 0f, bad + ": parameter " + i);
        }
      }
    }
  }

  @Test
  void aNonFiniteGradientDoesNotPoisonLaterSteps() {
    // the classifier's old step zeroed gradients with g - g: a NaN gradient stayed NaN for ever
    try (Model a = model(9);
        Model b = model(9)) {
      OptimiserStep stepA = new OptimiserStep(a.getBlock(), a.getNDManager(), engine(), 1e-4);
      OptimiserStep stepB = new OptimiserStep(b.getBlock(), b.getNDManager(), engine(), 1e-4);
      List<float[]> start = everyParameter(a);

      assertTrue(Float.isNaN(step(a, stepA, 0, Loss.NAN_GRADIENT, 3)));
      float la = step(a, stepA, 0, Loss.FINITE, 4);
      float lb = step(b, stepB, 0, Loss.FINITE, 4);

      assertTrue(Float.isFinite(la), "loss " + la);
      assertEquals(lb, la, 0f, "the next batch trains as if the bad one had never come");
      List<float[]> pa = everyParameter(a);
      List<float[]> pb = everyParameter(b);
      for (int i = 0; i < pa.size(); i++) {
        assertArrayEquals(pb.get(i), pa.get(i), 0f, "parameter " + i);
      }
      assertNotEquals(start.get(0)[0], pa.get(0)[0], "the weights trained");
      for (Pair<String, Parameter> p : a.getBlock().getParameters()) {
        if (p.getValue().requiresGradient()) {
          NDArray g = p.getValue().getArray().getGradient();
          for (float v : g.toFloatArray()) {
            assertEquals(0f, v, p.getKey() + ": gradient zeroed");
          }
          g.close();
        }
      }
    }
  }

  /** Linear -> batch norm -> ReLU -> Linear, initialised from {@code seed}. */
  private static Model model(int seed) {
    Model model = Model.newInstance("tiny", Device.cpu(), Engines.PYTORCH);
    SequentialBlock block =
        new SequentialBlock()
            .add(Linear.builder().setUnits(4).build())
            .add(BatchNorm.builder().build())
            .add(Activation::relu)
            .add(Linear.builder().setUnits(2).build());
    model.setBlock(block);
    engine().setRandomSeed(seed);
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(ROWS, IN));
    return model;
  }

  private static ai.djl.engine.Engine engine() {
    return Engines.pytorch();
  }

  private static float step(Model model, OptimiserStep step, int index, Loss kind, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[ROWS * IN];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian() + 1;
    }
    if (kind == Loss.NAN_LOSS) {
      x[4] = Float.NaN;
    }
    try (NDManager scope = model.getNDManager().newSubManager()) {
      NDArray in = scope.create(x, new Shape(ROWS, IN));
      return step.run(
          index,
          1e-2f,
          ps -> {
            NDArray out = model.getBlock().forward(ps, new NDList(in), true).singletonOrThrow();
            return kind == Loss.NAN_GRADIENT ? out.mul(0).sqrt().sum() : out.square().mean();
          });
    }
  }

  private static List<float[]> everyParameter(Model model) {
    List<float[]> all = new ArrayList<>();
    for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
      all.add(p.getValue().getArray().toFloatArray());
    }
    return all;
  }

  private static int runningStatistics(Model model) {
    int n = 0;
    for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
      Parameter.Type t = p.getValue().getType();
      n += t == Parameter.Type.RUNNING_MEAN || t == Parameter.Type.RUNNING_VAR ? 1 : 0;
    }
    return n;
  }
}
