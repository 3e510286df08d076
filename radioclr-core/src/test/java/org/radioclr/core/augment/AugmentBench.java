package org.radioclr.core.augment;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.radioclr.core.preprocess.Cube;

/**
 * Prints single-thread views per second of each augmentation (applied with probability 1) and of
 * the full presets at 3x224x224 and 3x64x64, with buffer reuse ({@link AugmentBenchmark}) and with
 * a new cube per view (not a test: no timed asserts). Run from {@code radioclr-core} with the test
 * classpath, e.g. {@code java -cp target/test-classes:target/classes:<deps>
 * org.radioclr.core.augment.AugmentBench [seconds]}.
 */
public final class AugmentBench {
  private AugmentBench() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    Duration duration = Duration.ofMillis((long) (seconds * 1000));
    Duration warmup = Duration.ofMillis((long) (seconds * 500));
    List<Augmentation> steps =
        List.of(
            RandomCropResize.PAPER,
            ColorJitter.PAPER,
            new HorizontalFlip(),
            new VerticalFlip(),
            new Rotate90(),
            GaussianBlur.PAPER,
            RandomThreshold.PAPER);
    System.out.printf("%-28s %12s %12s%n", "pipeline", "3x224x224", "3x64x64");
    Cube big = image(224, 1);
    Cube small = image(64, 2);
    for (Augmentation a : steps) {
      AugmentationPipeline p = new AugmentationPipeline(List.of(new AugmentationStep(a, 1.0)));
      row(a.getClass().getSimpleName() + " (p=1)", p, big, small, warmup, duration);
    }
    row("hulk preset", AugmentationPipeline.hulk(), big, small, warmup, duration);
    row("banner preset", AugmentationPipeline.banner(), big, small, warmup, duration);
    System.out.printf(
        "%-28s %12.0f %12.0f%n",
        "hulk, new cube per view",
        allocating(big, warmup, duration),
        allocating(small, warmup, duration));
  }

  private static void row(
      String name,
      AugmentationPipeline p,
      Cube big,
      Cube small,
      Duration warmup,
      Duration duration) {
    double a = AugmentBenchmark.run(big, p, warmup, duration).viewsPerSecond();
    double b = AugmentBenchmark.run(small, p, warmup, duration).viewsPerSecond();
    System.out.printf("%-28s %12.0f %12.0f%n", name, a, b);
  }

  private static double allocating(Cube c, Duration warmup, Duration duration) {
    AugmentationPipeline p = AugmentationPipeline.hulk();
    long sink = 0;
    for (int pass = 0; pass < 2; pass++) {
      long nanos = (pass == 0 ? warmup : duration).toNanos();
      long start = System.nanoTime();
      long views = 0;
      while (System.nanoTime() - start < nanos) {
        sink += p.apply(c, ViewRandom.of(1, 0, views, 0)).data().length;
        views++;
      }
      if (pass == 1) {
        double s = (System.nanoTime() - start) / 1e9;
        return sink > 0 ? views / s : 0;
      }
    }
    return 0;
  }

  /** A pre-processed-looking cube: smooth noise background, a few bright blobs, some blanks. */
  static Cube image(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] d = new float[3 * n * n];
    for (int c = 0; c < 3; c++) {
      double[][] blobs = new double[5][];
      for (int b = 0; b < 5; b++) {
        blobs[b] =
            new double[] {r.nextDouble() * n, r.nextDouble() * n, 1 + r.nextDouble() * n / 20};
      }
      for (int y = 0; y < n; y++) {
        for (int x = 0; x < n; x++) {
          double v = 0.2 + 0.05 * r.nextGaussian();
          for (double[] b : blobs) {
            double dx = x - b[0];
            double dy = y - b[1];
            v += 0.7 * Math.exp(-(dx * dx + dy * dy) / (2 * b[2] * b[2]));
          }
          boolean blank = x < n / 10 && y < n / 10;
          d[(c * n + y) * n + x] = blank ? 0f : (float) Math.min(1, Math.max(0, v));
        }
      }
    }
    return new Cube(3, n, n, d);
  }
}
