package org.radioclr.nn.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radioclr.nn.loss.NtXentLoss;
import org.radioclr.nn.model.SimclrModel;

/**
 * One SimCLR optimisation step on an initialised {@link SimclrModel}: {@code 2B} views {@code
 * [2B][C][S][S]} in, forward in training mode, NT-Xent on the projections, backward, and a {@link
 * ResumableAdam} update of every trainable parameter. Shared by {@link SimclrTrainer} and {@link
 * TrainingBenchmark}. Not thread-safe.
 */
final class SimclrStep {
  private final Model model;
  private final Engine engine;
  private final SimclrModel block;
  private final NtXentLoss loss;
  private final List<Pair<String, Parameter>> trainable = new ArrayList<>();
  private final ResumableAdam adam;
  private final ParameterStore parameters;

  SimclrStep(Model model, Engine engine, double temperature, double weightDecay) {
    this.model = model;
    this.engine = engine;
    this.block = (SimclrModel) model.getBlock();
    this.loss = new NtXentLoss(temperature);
    Map<String, String> idToName = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (p.getValue().requiresGradient()) {
        p.getValue().getArray().setRequiresGradient(true);
        trainable.add(p);
        idToName.put(p.getValue().getId(), p.getKey());
      }
    }
    this.adam =
        ResumableAdam.builder()
            .setManager(model.getNDManager())
            .optWeightDecays((float) weightDecay)
            .build();
    adam.bind(idToName);
    this.parameters = new ParameterStore(model.getNDManager(), false);
  }

  SimclrModel block() {
    return block;
  }

  ResumableAdam adam() {
    return adam;
  }

  ParameterStore parameters() {
    return parameters;
  }

  /**
   * Trains on one batch.
   *
   * @param views {@code [2 * pairs][channels][side][side]} from index 0 (the array may be longer)
   * @param copied called once the views have been copied to the device (the array may be reused)
   * @param optimizerStep the optimizer's step count before this step
   * @return the batch's loss; NaN or infinite when the loss or a gradient was not finite, in which
   *     case nothing was updated (the optimizer's step count was not used)
   */
  private static final NDIndex ALL = new NDIndex("...");

  float run(
      float[] views,
      int pairs,
      int channels,
      int side,
      int optimizerStep,
      float lr,
      Runnable copied) {
    int floats = 2 * pairs * channels * side * side;
    float value;
    try (NDManager scope = model.getNDManager().newSubManager()) {
      NDArray x =
          scope.create(
              FloatBuffer.wrap(views, 0, floats), new Shape(2L * pairs, channels, side, side));
      copied.run();
      try (GradientCollector collector = engine.newGradientCollector()) {
        NDList out = block.forward(parameters, new NDList(x), true);
        NDArray l = loss.compute(out.get(SimclrModel.PROJECTIONS));
        value = l.getFloat();
        if (!Float.isFinite(value)) {
          return value; // no backward: the weights and the optimizer are untouched
        }
        collector.backward(l);
      }
      List<NDArray> grads = new ArrayList<>(trainable.size());
      NDArray total = null;
      for (Pair<String, Parameter> p : trainable) {
        NDArray g = p.getValue().getArray().getGradient();
        g.attach(scope);
        grads.add(g);
        total = total == null ? g.sum() : total.add(g.sum());
      }
      boolean finite = total == null || Float.isFinite(total.getFloat());
      if (finite) {
        adam.beginStep(optimizerStep, lr);
        for (int i = 0; i < grads.size(); i++) {
          Parameter w = trainable.get(i).getValue();
          adam.update(w.getId(), w.getArray(), grads.get(i));
        }
      }
      for (NDArray g : grads) {
        g.set(ALL, 0f); // exact zeros, also over NaN or infinite entries
      }
      return finite ? value : Float.NaN;
    }
  }
}
