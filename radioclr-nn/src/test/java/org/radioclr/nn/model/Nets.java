package org.radioclr.nn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.SplittableRandom;

/** Test helpers: counts and seeded inputs. */
final class Nets {
  private Nets() {}

  static long trainableParameters(Block block) {
    long n = 0;
    for (Parameter p : block.getParameters().values()) {
      if (p.requiresGradient()) {
        n += p.getShape().size();
      }
    }
    return n;
  }

  static NDArray randomImages(NDManager manager, long seed, int n, int c, int h, int w) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] data = new float[n * c * h * w];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextDouble(-1, 1);
    }
    return manager.create(data, new Shape(n, c, h, w));
  }
}
