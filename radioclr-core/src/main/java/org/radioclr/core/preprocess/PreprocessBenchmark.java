package org.radioclr.core.preprocess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.image.Plane;

/**
 * Throughput of the pre-processing: {@code threads} workers, each with its own {@link Preprocessor}
 * and one reused output buffer ({@link Preprocessor#processInto}, as the training and feature
 * pipelines fill their batches), cycle over the inputs for a warm-up period and then for the
 * measured duration. Used by the CLI's {@code bench preprocess}.
 */
public final class PreprocessBenchmark {
  private PreprocessBenchmark() {}

  /**
   * One measurement.
   *
   * @param threads worker threads
   * @param cutouts images pre-processed during the measured period (all threads)
   * @param seconds length of the measured period
   * @param cutoutsPerSecond {@code cutouts / seconds}
   */
  public record Result(int threads, long cutouts, double seconds, double cutoutsPerSecond) {}

  /** The paper's configuration, warm-up of a fifth of {@code duration} (at most 2 s). */
  public static double run(List<Plane> inputs, int threads, Duration duration) {
    Duration warmup = duration.dividedBy(5);
    if (warmup.compareTo(Duration.ofSeconds(2)) > 0) {
      warmup = Duration.ofSeconds(2);
    }
    return run(inputs, PreprocessConfig.paper(), threads, warmup, duration).cutoutsPerSecond();
  }

  /**
   * Measures cutouts per second.
   *
   * @param inputs images to cycle over, not empty
   * @param config the configuration to run
   * @param threads worker threads, &ge; 1
   * @param warmup unmeasured run time before the measurement (JIT warm-up)
   * @param duration measured run time, &gt; 0
   */
  public static Result run(
      List<Plane> inputs,
      PreprocessConfig config,
      int threads,
      Duration warmup,
      Duration duration) {
    List<Plane> copy = List.copyOf(inputs);
    return run(copy::get, copy.size(), config, threads, warmup, duration);
  }

  /**
   * Measures cutouts per second over images fetched by index, e.g. read from FITS files on disk, so
   * that the fetching is part of what is measured.
   *
   * @param source gives image {@code i} for {@code 0 <= i < count}; called concurrently
   * @param images number of distinct images, &gt; 0
   */
  public static Result run(
      IntFunction<Plane> source,
      int images,
      PreprocessConfig config,
      int threads,
      Duration warmup,
      Duration duration) {
    Objects.requireNonNull(config, "config");
    if (images < 1) {
      throw new IllegalArgumentException("benchmark needs at least one input image");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be > 0, got " + duration);
    }
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean stop = new AtomicBoolean(false);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int start = t;
        futures.add(
            pool.submit(
                () -> {
                  Preprocessor p = new Preprocessor(config);
                  // One output buffer per worker, reused, as the training and feature pipelines
                  // fill their batch arrays (Preprocessor.processInto).
                  float[] cube = new float[0];
                  long count = 0;
                  int i = start;
                  while (!stop.get()) {
                    Plane image = source.apply(i++ % images);
                    int length =
                        config.channelCount()
                            * p.outputWidth(image.width())
                            * p.outputHeight(image.height());
                    if (cube.length != length) {
                      cube = new float[length];
                    }
                    p.processInto(image, cube, 0);
                    if (measuring.get()) {
                      count++;
                    }
                  }
                  return count;
                }));
      }
      sleep(warmup);
      long t0 = System.nanoTime();
      measuring.set(true);
      sleep(duration);
      measuring.set(false);
      long t1 = System.nanoTime();
      stop.set(true);
      long total = 0;
      for (Future<Long> f : futures) {
        total += f.get();
      }
      double seconds = (t1 - t0) / 1e9;
      return new Result(threads, total, seconds, total / seconds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RadioclrException("pre-processing benchmark interrupted", e);
    } catch (ExecutionException e) {
      throw new RadioclrException(
          "pre-processing benchmark failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
  }

  private static void sleep(Duration d) throws InterruptedException {
    if (!d.isNegative() && !d.isZero()) {
      Thread.sleep(d);
    }
  }
}
