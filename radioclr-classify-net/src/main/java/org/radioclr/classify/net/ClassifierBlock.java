package org.radioclr.classify.net;

import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;
import org.radioclr.nn.model.NamedSequentialBlock;
import org.radioclr.nn.model.ResNet18;
import org.radioclr.nn.model.ResNet18Config;

/**
 * A ResNet18 encoder ({@code encoder}, input {@code [N][C][S][S]}, output {@code [N][512]})
 * followed by one linear layer ({@code fc}, 512 -&gt; classes, with bias; PyTorch's default
 * initialisation of the weights, uniform in ±1/sqrt(512)); the output is the logits {@code
 * [N][classes]}.
 */
final class ClassifierBlock extends NamedSequentialBlock {
  private final ResNet18 encoder;
  private final Linear fc;

  ClassifierBlock(ResNet18Config encoderConfig, int classes) {
    encoder = new ResNet18(encoderConfig);
    fc = Linear.builder().setUnits(classes).optBias(true).build();
    fc.setInitializer(
        new XavierInitializer(RandomType.UNIFORM, FactorType.IN, 1f), Parameter.Type.WEIGHT);
    add("encoder", encoder);
    add("fc", fc);
  }

  ResNet18 encoder() {
    return encoder;
  }

  Linear fc() {
    return fc;
  }
}
