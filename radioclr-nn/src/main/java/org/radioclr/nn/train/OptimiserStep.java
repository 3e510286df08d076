package org.radioclr.nn.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One optimiser step shared by every trainer: the caller's forward pass and loss (in training
 * mode), backward, a non-finite guard, a {@link ResumableAdam} update of every trainable parameter
 * of the block (L2 weight decay), and gradients set back to exact zeros.
 *
 * <p><b>Guard.</b> When the loss or any gradient is NaN or infinite the step is skipped: no
 * parameter moves, the optimiser's moments and step count are not used, the gradients are zeroed
 * (also over NaN entries, so a bad batch cannot poison later ones), and the batch-norm running mean
 * and variance of the block are put back to their values before the forward pass (which had already
 * moved them). A skipped step therefore leaves the block bit-identical.
 *
 * <p>Not thread-safe.
 */
public final class OptimiserStep {
  private static final NDIndex ALL = new NDIndex("...");

  /** The forward pass and loss of one batch. */
  @FunctionalInterface
  public interface Forward {
    /**
     * Runs the block in training mode and returns the scalar loss to minimise.
     *
     * @param parameters the store to forward with
     */
    NDArray loss(ParameterStore parameters);
  }

  private final NDManager manager;
  private final Engine engine;
  private final List<Parameter> trainable = new ArrayList<>();
  private final List<Parameter> runningStats = new ArrayList<>();
  private final ResumableAdam adam;
  private final ParameterStore parameters;

  /**
   * Prepares the step for an initialised block.
   *
   * @param block the block the forward pass runs in training mode; its parameters that require a
   *     gradient are trained, its batch-norm running statistics are restored on a skipped step
   * @param manager the manager of the block's parameters (the model's)
   * @param weightDecay L2 weight decay, {@code >= 0}
   */
  public OptimiserStep(Block block, NDManager manager, Engine engine, double weightDecay) {
    this.manager = Objects.requireNonNull(manager, "manager");
    this.engine = Objects.requireNonNull(engine, "engine");
    Map<String, String> idToName = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      Parameter w = p.getValue();
      if (w.requiresGradient()) {
        w.getArray().setRequiresGradient(true);
        trainable.add(w);
        idToName.put(w.getId(), p.getKey());
      } else if (w.getType() == Parameter.Type.RUNNING_MEAN
          || w.getType() == Parameter.Type.RUNNING_VAR) {
        runningStats.add(w);
      }
    }
    this.adam =
        ResumableAdam.builder().setManager(manager).optWeightDecays((float) weightDecay).build();
    adam.bind(idToName);
    this.parameters = new ParameterStore(manager, false);
  }

  /** The optimiser (for saving and loading its state). */
  public ResumableAdam adam() {
    return adam;
  }

  /** The parameter store the forward pass uses (also for inference with the same weights). */
  public ParameterStore parameters() {
    return parameters;
  }

  /**
   * Trains on one batch.
   *
   * @param optimizerStep the optimiser's step count before this step (Adam's bias correction)
   * @param lr the learning rate of this step
   * @param forward the forward pass and loss
   * @return the batch's loss; NaN or infinite when the loss or a gradient was not finite, in which
   *     case the step was skipped and the block is as it was before the call
   */
  public float run(int optimizerStep, float lr, Forward forward) {
    try (NDManager scope = manager.newSubManager()) {
      List<NDArray> saved = new ArrayList<>(runningStats.size());
      for (Parameter p : runningStats) {
        NDArray copy = p.getArray().duplicate();
        copy.attach(scope);
        saved.add(copy);
      }
      float value;
      try (GradientCollector collector = engine.newGradientCollector()) {
        NDArray l = forward.loss(parameters);
        value = l.getFloat();
        if (!Float.isFinite(value)) {
          restore(saved); // no backward: the weights and the optimiser are untouched
          return value;
        }
        collector.backward(l);
      }
      List<NDArray> grads = new ArrayList<>(trainable.size());
      NDArray total = null;
      for (Parameter p : trainable) {
        NDArray g = p.getArray().getGradient();
        g.attach(scope);
        grads.add(g);
        total = total == null ? g.sum() : total.add(g.sum());
      }
      boolean finite = total == null || Float.isFinite(total.getFloat());
      if (finite) {
        adam.beginStep(optimizerStep, lr);
        for (int i = 0; i < grads.size(); i++) {
          Parameter w = trainable.get(i);
          adam.update(w.getId(), w.getArray(), grads.get(i));
        }
      } else {
        restore(saved);
      }
      for (NDArray g : grads) {
        g.set(ALL, 0f); // exact zeros, also over NaN or infinite entries (g - g stays NaN)
      }
      return finite ? value : Float.NaN;
    }
  }

  private void restore(List<NDArray> saved) {
    for (int i = 0; i < saved.size(); i++) {
      runningStats.get(i).getArray().set(ALL, saved.get(i));
    }
  }
}
