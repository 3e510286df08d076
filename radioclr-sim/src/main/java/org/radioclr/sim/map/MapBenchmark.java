package org.radioclr.sim.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.Objects;
import org.radioclr.core.progress.ProgressListener;
import org.radioclr.sim.SimPreset;

/**
 * Measures how fast maps are simulated: renders a {@code size x size} map of a preset (noise,
 * mosaic pattern, residuals, diffuse emission; no sources) through {@link MapWriter} into a channel
 * that discards the bytes, so the figure is compute, not disk. For {@code radioclr bench simulate};
 * no part of the test suite times anything.
 */
public final class MapBenchmark {

  /**
   * One measurement.
   *
   * @param preset preset name
   * @param size map side, pixels
   * @param threads worker threads
   * @param seconds wall-clock time of the best repetition, s
   * @param megapixelsPerSecond {@code size² / seconds / 1e6}
   */
  public record Result(
      String preset, int size, int threads, double seconds, double megapixelsPerSecond) {}

  private MapBenchmark() {}

  /**
   * Simulates the map {@code repetitions} times (after one untimed warm-up on a small map) and
   * reports the fastest run.
   *
   * @throws IllegalArgumentException for fewer than 1 repetition or a bad size or thread count
   */
  public static Result run(SimPreset preset, int size, int threads, int repetitions, long seed) {
    Objects.requireNonNull(preset, "preset");
    if (repetitions < 1) {
      throw new IllegalArgumentException("repetitions must be >= 1, got " + repetitions);
    }
    MapWriter.Options options = new MapWriter.Options(threads, 0);
    render(MapModel.create(preset, Math.min(size, 256), Math.min(size, 256), seed, 0), options);
    double best = Double.POSITIVE_INFINITY;
    for (int r = 0; r < repetitions; r++) {
      long t0 = System.nanoTime();
      render(MapModel.create(preset, size, size, seed, r), options);
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return new Result(preset.name(), size, threads, best, (double) size * size / best / 1e6);
  }

  private static void render(MapModel map, MapWriter.Options options) {
    try {
      MapWriter.write(new Discard(), map, List.of(), options, ProgressListener.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A channel that drops everything. */
  private static final class Discard implements WritableByteChannel {
    @Override
    public int write(ByteBuffer src) {
      int n = src.remaining();
      src.position(src.limit());
      return n;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }
}
