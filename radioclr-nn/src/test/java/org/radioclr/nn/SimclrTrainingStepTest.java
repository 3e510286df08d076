package org.radioclr.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radioclr.nn.loss.NtXentLoss;
import org.radioclr.nn.model.SimclrModel;
import org.radioclr.nn.model.TorchvisionNames;

/**
 * Smoke test: encoder (small stem) + head + NT-Xent, Adam steps at 32 px on the CPU with a batch of
 * 4 images (8 views).
 */
class SimclrTrainingStepTest {
  @Test
  void stepsChangeWeightsAndRunningStatisticsAndLowerTheLoss() {
    int pairs = 4;
    Engines.pytorch().setRandomSeed(7);
    Shape batch = new Shape(2L * pairs, 3, 32, 32);
    NtXentLoss loss = new NtXentLoss();
    try (Model model =
        Model.newInstance("simclr", Device.cpu(), Engines.pytorch().getEngineName())) {
      model.setBlock(SimclrModel.paper(true));
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(loss)
              .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(batch);
        Map<String, Parameter> params = TorchvisionNames.of(model.getBlock());
        String[] watched = {
          "encoder.conv1.weight",
          "encoder.layer4.1.conv2.weight",
          "head.3.bias",
          "encoder.bn1.running_mean"
        };
        float[][] before = new float[watched.length][];
        for (int i = 0; i < watched.length; i++) {
          before[i] = params.get(watched[i]).getArray().toFloatArray();
        }

        NDManager manager = trainer.getManager();
        NDArray views = images(manager, batch, 5);
        float lossValue = step(trainer, loss, views, pairs);
        float[][] afterOne = new float[watched.length][];
        for (int i = 0; i < watched.length; i++) {
          afterOne[i] = params.get(watched[i]).getArray().toFloatArray();
        }
        float lastLoss = lossValue;
        for (int i = 0; i < 3; i++) {
          lastLoss = step(trainer, loss, views, pairs);
        }
        assertTrue(lastLoss < lossValue, "loss " + lossValue + " -> " + lastLoss);
        assertTrue(Float.isFinite(lossValue) && lossValue > 0, "loss " + lossValue);
        for (int i = 0; i < watched.length; i++) {
          assertFalse(Arrays.equals(before[i], afterOne[i]), watched[i] + " did not change");
        }
      }
    }
  }

  /** One training step on {@code views}; returns the loss before the update. */
  private static float step(Trainer trainer, NtXentLoss loss, NDArray views, int pairs) {
    float value;
    try (NDManager scope = trainer.getManager().newSubManager()) {
      NDArray input = views.duplicate();
      input.attach(scope);
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDList out = trainer.forward(new NDList(input));
        assertEquals(new Shape(2L * pairs, 512), out.get(SimclrModel.FEATURES).getShape());
        NDArray lossArray = loss.evaluate(new NDList(), out);
        value = lossArray.getFloat();
        collector.backward(lossArray);
      }
      trainer.step();
    }
    return value;
  }

  private static NDArray images(NDManager manager, Shape shape, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] data = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextDouble();
    }
    return manager.create(data, shape);
  }
}
