package org.radioclr.nn.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import org.radioclr.nn.loss.NtXentLoss;
import org.radioclr.nn.model.SimclrModel;

/**
 * One SimCLR optimisation step on an initialised {@link SimclrModel}: {@code 2B} views {@code
 * [2B][C][S][S]} in, forward in training mode, NT-Xent on the projections, backward, and a {@link
 * ResumableAdam} update of every trainable parameter, through the shared {@link OptimiserStep}.
 * Shared by {@link SimclrTrainer} and {@link TrainingBenchmark}. Not thread-safe.
 */
final class SimclrStep {
  private final Model model;
  private final SimclrModel block;
  private final NtXentLoss loss;
  private final OptimiserStep step;

  SimclrStep(Model model, Engine engine, double temperature, double weightDecay) {
    this.model = model;
    this.block = (SimclrModel) model.getBlock();
    this.loss = new NtXentLoss(temperature);
    this.step = new OptimiserStep(block, model.getNDManager(), engine, weightDecay);
  }

  SimclrModel block() {
    return block;
  }

  ResumableAdam adam() {
    return step.adam();
  }

  ParameterStore parameters() {
    return step.parameters();
  }

  /**
   * Trains on one batch ({@link OptimiserStep}: a non-finite loss or gradient skips the step).
   *
   * @param views {@code [2 * pairs][channels][side][side]} from index 0 (the array may be longer)
   * @param copied called once the views have been copied to the device (the array may be reused)
   * @param optimizerStep the optimizer's step count before this step
   * @return the batch's loss; NaN or infinite when the loss or a gradient was not finite, in which
   *     case nothing was updated (the optimizer's step count was not used, the batch-norm running
   *     statistics are as before)
   */
  float run(
      float[] views,
      int pairs,
      int channels,
      int side,
      int optimizerStep,
      float lr,
      Runnable copied) {
    int floats = 2 * pairs * channels * side * side;
    try (NDManager scope = model.getNDManager().newSubManager()) {
      NDArray x =
          scope.create(
              FloatBuffer.wrap(views, 0, floats), new Shape(2L * pairs, channels, side, side));
      copied.run();
      return step.run(
          optimizerStep,
          lr,
          ps -> {
            NDList out = block.forward(ps, new NDList(x), true);
            return loss.compute(out.get(SimclrModel.PROJECTIONS));
          });
    }
  }
}
