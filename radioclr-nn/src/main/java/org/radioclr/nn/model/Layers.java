package org.radioclr.nn.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;

/**
 * Factories for the layers of the torchvision networks, with torchvision's initialisation: conv
 * weights Kaiming-normal with fan-out (std = sqrt(2 / (C_out k k))), batch-norm weight 1 and bias
 * 0, linear weights uniform in +-1/sqrt(fan_in) (PyTorch's default), linear biases 0 (PyTorch draws
 * them uniformly; zero is DJL's default and makes no difference after the first steps).
 */
final class Layers {
  /** PyTorch's batch-norm epsilon. */
  static final float BN_EPSILON = 1e-5f;

  /**
   * DJL's momentum for the running statistics: running = m * running + (1 - m) * batch, which is
   * PyTorch's momentum 0.1 (running = 0.9 * running + 0.1 * batch).
   */
  static final float BN_MOMENTUM = 0.9f;

  private Layers() {}

  static Conv2d conv(int filters, int kernel, int stride, int padding) {
    Conv2d conv =
        Conv2d.builder()
            .setFilters(filters)
            .setKernelShape(new Shape(kernel, kernel))
            .optStride(new Shape(stride, stride))
            .optPadding(new Shape(padding, padding))
            .optBias(false)
            .build();
    conv.setInitializer(
        new XavierInitializer(RandomType.GAUSSIAN, FactorType.OUT, 2f), Parameter.Type.WEIGHT);
    return conv;
  }

  static BatchNorm batchNorm() {
    return BatchNorm.builder().optEpsilon(BN_EPSILON).optMomentum(BN_MOMENTUM).build();
  }

  static Linear linear(int units, boolean bias) {
    Linear linear = Linear.builder().setUnits(units).optBias(bias).build();
    linear.setInitializer(
        new XavierInitializer(RandomType.UNIFORM, FactorType.IN, 1f), Parameter.Type.WEIGHT);
    return linear;
  }
}
