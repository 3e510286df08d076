package org.radioclr.nn.train;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.radioclr.nn.model.SimclrModel;

/**
 * The epoch listener that adds the kNN validation accuracy ({@link KnnValidation}) to each epoch's
 * metrics, computed in inference mode with the current weights; it changes nothing in the training.
 */
final class ValidationListener {
  private final KnnValidation validation;
  private final SimclrModel block;
  private final ParameterStore parameters;
  private final NDManager manager;

  ValidationListener(
      KnnValidation validation, SimclrModel block, ParameterStore parameters, NDManager manager) {
    this.validation = validation;
    this.block = block;
    this.parameters = parameters;
    this.manager = manager;
  }

  /** The epoch's metrics with the kNN accuracy added ({@code m} itself without validation). */
  EpochMetrics epochDone(EpochMetrics m) {
    return validation == null
        ? m
        : m.withKnnAccuracy(validation.accuracy(block, parameters, manager));
  }
}
