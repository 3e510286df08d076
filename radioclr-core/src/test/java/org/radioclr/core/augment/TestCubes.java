package org.radioclr.core.augment;

import java.util.SplittableRandom;
import org.radioclr.core.preprocess.Cube;

/** Small synthetic cubes for the augmentation tests. */
final class TestCubes {
  private TestCubes() {}

  /** Uniform random values in [0, 1). */
  static Cube random(int channels, int height, int width, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] d = new float[channels * height * width];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) r.nextDouble();
    }
    return new Cube(channels, height, width, d);
  }

  /** Every value {@code v}. */
  static Cube constant(int channels, int height, int width, float v) {
    float[] d = new float[channels * height * width];
    java.util.Arrays.fill(d, v);
    return new Cube(channels, height, width, d);
  }

  /** Value {@code index + 1} scaled into (0, 1]: every pixel distinct and known. */
  static Cube indexed(int channels, int height, int width) {
    int n = channels * height * width;
    float[] d = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = (i + 1f) / n;
    }
    return new Cube(channels, height, width, d);
  }

  static AugmentView view(Cube cube) {
    AugmentView v = new AugmentView();
    v.load(cube);
    return v;
  }
}
