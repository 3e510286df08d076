package org.radioclr.classify.net;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.radioclr.core.RadioclrException;
import org.radioclr.core.batch.BatchFinisher;
import org.radioclr.core.batch.BatchReader;
import org.radioclr.core.batch.Rejected;
import org.radioclr.core.batch.RejectedItemException;
import org.radioclr.core.fits.FitsReader;
import org.radioclr.core.io.SkippedImages;
import org.radioclr.core.preprocess.PreprocessConfig;
import org.radioclr.core.preprocess.Preprocessor;

/**
 * The classifier's data pipeline: worker threads read each image's FITS file, pre-process it with
 * the network's own {@link PreprocessConfig} ({@link Preprocessor}, output {@code [C][S][S]} in [0,
 * 1}) and apply one {@link Symmetry}, filling batches {@code [B][C][S][S]} ahead of the model,
 * which takes them in order (at most {@code workers + 1} batches in flight), through the shared
 * {@link BatchReader}.
 *
 * <p>The caller chooses the images, their order and their symmetries for each pass, so a pass is a
 * pure function of its arguments, whatever the number of workers. When all pre-processed images fit
 * in {@code cacheBytes} they are kept in memory after their first read (pre-processing costs far
 * more than a symmetry); otherwise every pass reads from disk and memory stays flat. An image that
 * cannot be read or pre-processed is recorded once in the {@link SkippedImages} (when the batch it
 * was in is taken) and left out of every batch (a batch then holds fewer images).
 */
final class ImageBatches implements AutoCloseable {
  private final List<Path> files;
  private final PreprocessConfig preprocess;
  private final int channels;
  private final int side;
  private final int imageFloats;
  private final int workers;
  private final AtomicReferenceArray<float[]> cache;
  private final Set<Integer> failed = ConcurrentHashMap.newKeySet();
  private final SkippedImages skipped;
  private BatchReader<Pick, Scratch> reader;
  private int readerBatchSize;

  /**
   * @param files one FITS file per image (index = image number)
   * @param preprocess must resize to a square
   * @param workers reader threads, &ge; 1
   * @param cacheBytes keep pre-processed images in memory when all of them fit in this many bytes
   * @param skipped records each image that fails, once
   */
  ImageBatches(
      List<Path> files,
      PreprocessConfig preprocess,
      int workers,
      long cacheBytes,
      SkippedImages skipped) {
    this.files = List.copyOf(files);
    this.preprocess = Objects.requireNonNull(preprocess, "preprocess");
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
   * One prepared batch; its data stays valid until the next call of {@link Pass#next()} or {@link
   * Pass#close()}.
   *
   * @param images the image numbers of its rows ({@code count} of them)
   * @param count rows
   * @param data {@code [count][C][S][S]} row-major from index 0 (the array may be longer)
   */
  record Batch(int[] images, int count, float[] data) {}

  /** Image {@code image} under symmetry {@code symmetry}. */
  private record Pick(int image, int symmetry) {}

  /** A worker's pre-processor and scratch image. */
  private record Scratch(Preprocessor preprocessor, float[] cube) {}

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
    List<Pick> picks = new ArrayList<>(images.length);
    for (int j = 0; j < images.length; j++) {
      picks.add(new Pick(images[j], symmetries[j]));
    }
    return new Pass(readerFor(batchSize).pass(picks.iterator(), batchSize));
  }

  /** The reader whose buffers hold {@code batchSize} images (made again when the size changes). */
  private BatchReader<Pick, Scratch> readerFor(int batchSize) {
    if (reader == null || readerBatchSize != batchSize) {
      if (reader != null) {
        reader.close();
      }
      reader =
          new BatchReader<>(
              "classifier-reader",
              workers,
              workers + 1,
              Math.multiplyExact(batchSize, imageFloats),
              () -> new Scratch(new Preprocessor(preprocess), new float[imageFloats]),
              this::read,
              BatchFinisher.NONE,
              pick -> files.get(pick.image()).toString());
      readerBatchSize = batchSize;
    }
    return reader;
  }

  /** The batches of one pass, in order. */
  final class Pass implements AutoCloseable {
    private final BatchReader<Pick, Scratch>.Pass pass;
    private org.radioclr.core.batch.Batch<Pick> previous;

    private Pass(BatchReader<Pick, Scratch>.Pass pass) {
      this.pass = pass;
    }

    /**
     * The next batch, waiting for it if needed; {@code null} after the last. Images that failed in
     * it are recorded in the {@link SkippedImages} first.
     *
     * @throws RadioclrException when a worker failed unexpectedly (cause attached)
     */
    Batch next() {
      if (previous != null) {
        previous.release();
        previous = null;
      }
      org.radioclr.core.batch.Batch<Pick> b = pass.next();
      if (b == null) {
        return null;
      }
      for (Rejected<Pick> r : b.rejected()) {
        skipped.add(files.get(r.item().image()), null, r.reason());
      }
      previous = b;
      int[] kept = b.items().stream().mapToInt(Pick::image).toArray();
      return new Batch(kept, kept.length, b.data());
    }

    @Override
    public void close() {
      if (previous != null) {
        previous.release();
        previous = null;
      }
      pass.close();
    }
  }

  /** Puts image {@code pick.image()} under its symmetry into row {@code row}. */
  private boolean read(Pick pick, long index, Scratch scratch, float[] buffer, int row)
      throws RejectedItemException {
    float[] cube = cube(pick.image(), scratch);
    if (cube == null) {
      return false;
    }
    int k = pick.symmetry();
    if (k == 0) {
      System.arraycopy(cube, 0, buffer, row * imageFloats, imageFloats);
    } else {
      Symmetry.apply(cube, 0, buffer, row * imageFloats, channels, side, k);
    }
    return true;
  }

  /**
   * The pre-processed image, or null when it failed before.
   *
   * @throws RejectedItemException the first time it cannot be read
   */
  private float[] cube(int image, Scratch scratch) throws RejectedItemException {
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
    float[] out = cache != null ? new float[imageFloats] : scratch.cube();
    try {
      scratch.preprocessor().processInto(FitsReader.read(file).plane(), out, 0);
    } catch (RadioclrException | IllegalArgumentException e) {
      if (failed.add(image)) {
        throw new RejectedItemException(e);
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
    if (reader != null) {
      reader.close();
    }
  }
}
