package org.radioclr.classify.net;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;

/**
 * The classifier's data pipeline: worker threads read each image's FITS file, pre-process it with
 * the network's own {@link PreprocessConfig} ({@link Preprocessor}, output {@code [C][S][S]} in [0,
 * 1}) and apply one {@link Symmetry}, filling batches {@code [B][C][S][S]} ahead of the model,
 * which takes them in order (at most {@code workers + 1} batches in flight).
 *
 * <p>The caller chooses the images, their order and their symmetries for each pass, so a pass is a
 * pure function of its arguments, whatever the number of workers. When all pre-processed images fit
 * in {@code cacheBytes} they are kept in memory after their first read (pre-processing costs far
 * more than a symmetry); otherwise every pass reads from disk and memory stays flat. An image that
 * cannot be read or pre-processed is recorded once in the {@link SkippedImages} and left out of
 * every batch (a batch then holds fewer images).
 */
final class ImageBatches implements AutoCloseable {
  private final List<Path> files;
  private final int channels;
  private final int side;
  private final int imageFloats;
  private final int workers;
  private final ExecutorService pool;
  private final AtomicReferenceArray<float[]> cache;
  private final Set<Integer> failed = ConcurrentHashMap.newKeySet();
  private final SkippedImages skipped;
  private final ThreadLocal<Preprocessor> preprocessors;
  private final ThreadLocal<float[]> scratch;

  /**
   * @param files one FITS file per image (index = image number)
   * @param preprocess must resize to a square
   * @param workers reader threads, &ge; 1
   * @param cacheBytes keep pre-processed images in memory when all of them fit in this many bytes
   * @param skipped records each image that fails, once (from worker threads)
   */
  ImageBatches(
      List<Path> files,
      PreprocessConfig preprocess,
      int workers,
      long cacheBytes,
      SkippedImages skipped) {
    this.files = List.copyOf(files);
    Objects.requireNonNull(preprocess, "preprocess");
    this.skipped = Objects.requireNonNull(skipped, "skipped");
    if (!preprocess.resize() || preprocess.outputWidth() != preprocess.outputHeight()) {
      throw new IllegalArgumentException("pre-processing must resize to a square image");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
    this.channels = preprocess.channelCount();
    this.side = preprocess.outputWidth();
    this.imageFloats = channels * side * side;
    this.workers = workers;
    long total = (long) imageFloats * Float.BYTES * this.files.size();
    this.cache = total <= cacheBytes ? new AtomicReferenceArray<>(this.files.size()) : null;
    this.preprocessors = ThreadLocal.withInitial(() -> new Preprocessor(preprocess));
    this.scratch = ThreadLocal.withInitial(() -> new float[imageFloats]);
    AtomicInteger count = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "classifier-reader-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Number of images. */
  int size() {
    return files.size();
  }

  /** Floats per image: {@code C * S * S}. */
  int imageFloats() {
    return imageFloats;
  }

  int channels() {
    return channels;
  }

  int side() {
    return side;
  }

  /** Whether image {@code i} failed to read so far. */
  boolean failed(int i) {
    return failed.contains(i);
  }

  /** The file of image {@code i}. */
  Path file(int i) {
    return files.get(i);
  }

  /**
   * One prepared batch.
   *
   * @param images the image numbers of its rows ({@code count} of them)
   * @param count rows
   * @param data {@code [count][C][S][S]} row-major from index 0
   */
  record Batch(int[] images, int count, float[] data) {}

  /**
   * Starts a pass over {@code images} in the given order, image {@code images[j]} under symmetry
   * {@code symmetries[j]}, in batches of {@code batchSize} (the last may be smaller).
   */
  Pass pass(int[] images, int[] symmetries, int batchSize) {
    if (images.length != symmetries.length) {
      throw new IllegalArgumentException("one symmetry per image needed");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    return new Pass(images.clone(), symmetries.clone(), batchSize);
  }

  /** The batches of one pass, in order. */
  final class Pass implements AutoCloseable {
    private final int[] images;
    private final int[] symmetries;
    private final int batchSize;
    private final int batches;
    private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
    private int submitted;

    private Pass(int[] images, int[] symmetries, int batchSize) {
      this.images = images;
      this.symmetries = symmetries;
      this.batchSize = batchSize;
      this.batches = (images.length + batchSize - 1) / batchSize;
    }

    /** Batches in this pass. */
    int batches() {
      return batches;
    }

    /**
     * The next batch, waiting for it if needed; {@code null} after the last.
     *
     * @throws RadioclrException when a worker failed unexpectedly (cause attached)
     */
    Batch next() {
      while (inFlight.size() < workers + 1 && submitted < batches) {
        int b = submitted++;
        inFlight.add(pool.submit(() -> fill(b)));
      }
      Future<Batch> f = inFlight.poll();
      if (f == null) {
        return null;
      }
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RadioclrException("interrupted while waiting for images", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        throw new RadioclrException("image reader failed: " + cause, cause);
      }
    }

    private Batch fill(int b) {
      int from = b * batchSize;
      int to = Math.min(images.length, from + batchSize);
      float[] data = new float[(to - from) * imageFloats];
      int[] kept = new int[to - from];
      int n = 0;
      for (int j = from; j < to; j++) {
        int image = images[j];
        float[] cube = cube(image);
        if (cube == null) {
          continue;
        }
        int k = symmetries[j];
        if (k == 0) {
          System.arraycopy(cube, 0, data, n * imageFloats, imageFloats);
        } else {
          Symmetry.apply(cube, 0, data, n * imageFloats, channels, side, k);
        }
        kept[n++] = image;
      }
      return new Batch(java.util.Arrays.copyOf(kept, n), n, data);
    }

    @Override
    public void close() {
      for (Future<Batch> f : inFlight) {
        f.cancel(true);
      }
      inFlight.clear();
    }
  }

  /** The pre-processed image, or null when it cannot be read. */
  private float[] cube(int image) {
    if (cache != null) {
      float[] cached = cache.get(image);
      if (cached != null) {
        return cached;
      }
    }
    if (failed.contains(image)) {
      return null;
    }
    Path file = files.get(image);
    float[] out = cache != null ? new float[imageFloats] : scratch.get();
    try {
      preprocessors.get().processInto(FitsReader.read(file).plane(), out, 0);
    } catch (RadioclrException | IllegalArgumentException e) {
      if (failed.add(image)) {
        skipped.add(file, null, e);
      }
      return null;
    }
    if (cache != null) {
      cache.set(image, out);
    }
    return out;
  }

  /** Stops the workers and waits for them, so that no file is read after this returns. */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("classifier reader threads did not stop within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
