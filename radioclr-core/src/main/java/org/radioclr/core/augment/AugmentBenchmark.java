package org.radioclr.core.augment;

import java.time.Duration;
import java.util.Objects;
import org.radioclr.core.preprocess.Cube;

/**
 * Single-thread throughput of an augmentation pipeline: views of one cube are made over and over
 * into a reused {@link AugmentView} and output buffer (as a data pipeline does), each with its own
 * stream ({@link ViewRandom}), for a warm-up period and then for the measured duration. For the
 * CLI's benchmarks; unit tests never assert on its timings.
 */
public final class AugmentBenchmark {
  private AugmentBenchmark() {}

  /**
   * One measurement.
   *
   * @param views views made during the measured period
   * @param seconds length of the measured period
   * @param viewsPerSecond {@code views / seconds}
   */
  public record Result(long views, double seconds, double viewsPerSecond) {}

  /**
   * Measures views per second on the calling thread.
   *
   * @param input the cube to augment
   * @param pipeline the pipeline to run
   * @param warmup unmeasured run time before the measurement (JIT warm-up), {@code >= 0}
   * @param duration measured run time, {@code > 0}
   */
  public static Result run(
      Cube input, AugmentationPipeline pipeline, Duration warmup, Duration duration) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(pipeline, "pipeline");
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warm-up must be >= 0, got " + warmup);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be > 0, got " + duration);
    }
    pipeline.checkShape(input.channels(), input.height(), input.width());
    AugmentView work = new AugmentView();
    float[] out = new float[input.data().length];
    long index = loop(input, pipeline, work, out, 0, warmup.toNanos()).views();
    Result r = loop(input, pipeline, work, out, index, duration.toNanos());
    return r;
  }

  private static Result loop(
      Cube input,
      AugmentationPipeline pipeline,
      AugmentView work,
      float[] out,
      long first,
      long nanos) {
    long start = System.nanoTime();
    long end = start + nanos;
    long views = 0;
    long now = start;
    while (now < end || (nanos > 0 && views == 0)) {
      pipeline.applyInto(input, ViewRandom.of(1, 0, first + views, 0), work, out, 0);
      views++;
      now = System.nanoTime();
    }
    double seconds = (now - start) / 1e9;
    return new Result(views, seconds, seconds > 0 ? views / seconds : 0);
  }
}
